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
  /** Projects closed while a search or filter is on (which otherwise opens every project with matches). */
  collapsed: ReadonlySet<string>;
}

export const useProjectViewStore = create<ProjectViewState>()(() => ({ layout: savedLayout(), expanded: new Set(), collapsed: new Set() }));

export function setContainerLayout(layout: ContainerLayout) {
  globalThis.localStorage?.setItem(layoutKey, layout);
  useProjectViewStore.setState({ layout });
}

/** Opens or closes a project's containers; `open` is whether it is open now (a search may have opened it). */
export function toggleProjectExpanded(name: string, open: boolean) {
  const { expanded, collapsed } = useProjectViewStore.getState();
  const nextExpanded = new Set(expanded);
  const nextCollapsed = new Set(collapsed);
  if (open) {
    nextExpanded.delete(name);
    nextCollapsed.add(name);
  } else {
    nextExpanded.add(name);
    nextCollapsed.delete(name);
  }
  useProjectViewStore.setState({ expanded: nextExpanded, collapsed: nextCollapsed });
}

/** Whether the list is grouped: the remembered choice, else grouped (grouping only shows where a project exists). */
export function useGrouped(): boolean {
  return useProjectViewStore((s) => s.layout) !== 'flat';
}
