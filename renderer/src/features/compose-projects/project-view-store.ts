import { create } from 'zustand';

/** How the containers list is laid out: grouped by Compose project or one flat list. */
export type ContainerLayout = 'projects' | 'flat';

const layoutKey = 'berth.containerLayout';

function savedLayout(): ContainerLayout | undefined {
  const saved = globalThis.localStorage?.getItem(layoutKey);
  return saved === 'projects' || saved === 'flat' ? saved : undefined;
}

interface ProjectViewState {
  /** The person's choice, remembered; undefined until they make one (then projects are grouped when there are any). */
  layout: ContainerLayout | undefined;
  /** Projects opened to their containers, by name. */
  expanded: ReadonlySet<string>;
}

export const useProjectViewStore = create<ProjectViewState>()(() => ({ layout: savedLayout(), expanded: new Set() }));

export function setContainerLayout(layout: ContainerLayout) {
  globalThis.localStorage?.setItem(layoutKey, layout);
  useProjectViewStore.setState({ layout });
}

export function toggleProjectExpanded(name: string) {
  const expanded = new Set(useProjectViewStore.getState().expanded);
  if (expanded.has(name)) expanded.delete(name);
  else expanded.add(name);
  useProjectViewStore.setState({ expanded });
}

/** Whether the list is grouped: the remembered choice, else grouped (grouping only shows where a project exists). */
export function useGrouped(): boolean {
  return useProjectViewStore((s) => s.layout) !== 'flat';
}
