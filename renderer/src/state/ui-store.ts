import { create } from 'zustand';
import { isThemeChoice, type ThemeChoice } from '../app/theme/resolve';

/** What belongs to the UI itself (never engine state: that lives in react-query). */
export type View = 'containers' | 'images' | 'volumes' | 'networks' | 'swarm' | 'engine';
/** Which rows the containers list shows: all, running ones, or running ones by healthcheck verdict. */
export type ContainerFilter = 'all' | 'running' | 'healthy' | 'unhealthy' | 'starting';
export type Language = 'en' | 'ko';
/** The tabs of a container's detail. */
export type DetailTab = 'logs' | 'terminal' | 'files' | 'inspect' | 'stats';

interface UiState {
  view: View;
  language: Language;
  /** The theme picked in the switch ("system" follows the OS); app/theme/apply-theme.ts draws it. */
  theme: ThemeChoice;
  containerSearch: string;
  containerFilter: ContainerFilter;
  /** Selected container ids. */
  selection: ReadonlySet<string>;
  /** The container whose detail is open (logs, terminal, inspect, stats), if any. */
  openContainerId: string | undefined;
  /** The open container's tab (in the store, so the address and a reload keep it). */
  detailTab: DetailTab;
  /** The image shown up close, by name or id, if any. */
  openImageRef: string | undefined;
  /** The volume whose files are being browsed, if any. */
  openVolumeName: string | undefined;
  /** The Compose project (its `com.docker.compose.project` name) whose detail is open, if any. */
  openProjectName: string | undefined;
  /** Containers whose logs are shown merged into one view, if any. */
  mergedLogIds: readonly string[] | undefined;
  /** When the merged logs are a Compose project's: its name (lines are then named by service). */
  mergedLogsProject: string | undefined;
  /** Lines a log view keeps before dropping the oldest: bounds memory on endless logs. */
  logScrollback: number;
  /** The web host's WebSocket (always 'open' in Electron). */
  hostLink: 'connecting' | 'open' | 'closed';
  /** Per container: its terminal tabs (numbers, in order) and the one shown. The shells themselves live in shell-sessions.ts. */
  terminalTabs: Readonly<Record<string, TerminalTabs>>;
}

export interface TerminalTabs {
  numbers: readonly number[];
  active: number;
}

const languageKey = 'berth.language';
const themeKey = 'berth.theme';

function initialTheme(): ThemeChoice {
  const saved = globalThis.localStorage?.getItem(themeKey);
  return isThemeChoice(saved) ? saved : 'system';
}

function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(languageKey);
  if (saved === 'en' || saved === 'ko') return saved;
  return globalThis.navigator?.language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export const useUiStore = create<UiState>()(() => ({
  view: 'containers',
  language: initialLanguage(),
  theme: initialTheme(),
  containerSearch: '',
  containerFilter: 'all',
  selection: new Set(),
  openContainerId: undefined,
  detailTab: 'logs',
  mergedLogIds: undefined,
  mergedLogsProject: undefined,
  openProjectName: undefined,
  openVolumeName: undefined,
  openImageRef: undefined,
  logScrollback: Number(globalThis.localStorage?.getItem('berth.logScrollback')) || 50_000,
  hostLink: 'connecting',
  terminalTabs: {},
}));

// Actions live at module level so non-React code (the RPC client, tests) can call them.
export const showView = (view: View) =>
  useUiStore.setState({ view, openContainerId: undefined, mergedLogIds: undefined, openProjectName: undefined, openVolumeName: undefined, openImageRef: undefined });
export const openImage = (reference: string | undefined) => useUiStore.setState({ view: 'images', openImageRef: reference });
export const openVolume = (name: string | undefined) => useUiStore.setState({ view: 'volumes', openVolumeName: name });
export const openContainer = (id: string, tab: DetailTab = 'logs') =>
  useUiStore.setState({ view: 'containers', openContainerId: id, detailTab: tab, mergedLogIds: undefined, openProjectName: undefined });
export const showDetailTab = (detailTab: DetailTab) => useUiStore.setState({ detailTab });
export const closeContainer = () => useUiStore.setState({ openContainerId: undefined, mergedLogIds: undefined, openProjectName: undefined });
export const openMergedLogs = (ids: readonly string[]) =>
  useUiStore.setState({ view: 'containers', openContainerId: undefined, mergedLogIds: ids, mergedLogsProject: undefined, openProjectName: undefined });
/** A Compose project's containers' logs merged, each line named by its service. */
export const openProjectLogs = (project: string, ids: readonly string[]) =>
  useUiStore.setState({ view: 'containers', openContainerId: undefined, mergedLogIds: ids, mergedLogsProject: project, openProjectName: undefined });
/** Opens a Compose project's detail (its services, files and Compose actions); closeContainer closes it. */
export const openProject = (name: string) => useUiStore.setState({ view: 'containers', openProjectName: name, openContainerId: undefined, mergedLogIds: undefined });
export const setContainerSearch = (containerSearch: string) => useUiStore.setState({ containerSearch });
export const setContainerFilter = (containerFilter: ContainerFilter) => useUiStore.setState({ containerFilter });
export const setHostLink = (hostLink: UiState['hostLink']) => useUiStore.setState({ hostLink });

export function setLogScrollback(lines: number) {
  globalThis.localStorage?.setItem('berth.logScrollback', String(lines));
  useUiStore.setState({ logScrollback: lines });
}

export function setLanguage(language: Language) {
  globalThis.localStorage?.setItem(languageKey, language);
  useUiStore.setState({ language });
}

export function setTheme(theme: ThemeChoice) {
  globalThis.localStorage?.setItem(themeKey, theme);
  useUiStore.setState({ theme });
}

export function toggleSelected(id: string) {
  const selection = new Set(useUiStore.getState().selection);
  if (selection.has(id)) selection.delete(id);
  else selection.add(id);
  useUiStore.setState({ selection });
}

export const setSelection = (ids: Iterable<string>) => useUiStore.setState({ selection: new Set(ids) });
export const clearSelection = () => useUiStore.setState({ selection: new Set() });

/** A container's terminal tabs; a container seen for the first time gets one. */
export function terminalTabsOf(containerId: string): TerminalTabs {
  return useUiStore.getState().terminalTabs[containerId] ?? { numbers: [1], active: 1 };
}

function setTerminalTabs(containerId: string, tabs: TerminalTabs) {
  useUiStore.setState((s) => ({ terminalTabs: { ...s.terminalTabs, [containerId]: tabs } }));
}

export function addTerminalTab(containerId: string): number {
  const { numbers } = terminalTabsOf(containerId);
  const next = Math.max(0, ...numbers) + 1;
  setTerminalTabs(containerId, { numbers: [...numbers, next], active: next });
  return next;
}

export function showTerminalTab(containerId: string, number: number) {
  setTerminalTabs(containerId, { ...terminalTabsOf(containerId), active: number });
}

/** Drops a tab from the strip (the caller ends its shell); the last remaining one is shown if it was active. */
export function removeTerminalTab(containerId: string, number: number) {
  const { numbers, active } = terminalTabsOf(containerId);
  const rest = numbers.filter((n) => n !== number);
  setTerminalTabs(containerId, { numbers: rest, active: active === number && rest.length ? rest.at(-1)! : active });
}

export function forgetTerminalTabs(containerIds: readonly string[]) {
  const tabs = useUiStore.getState().terminalTabs;
  if (!containerIds.some((id) => id in tabs)) return;
  const next = { ...tabs };
  for (const id of containerIds) delete next[id];
  useUiStore.setState({ terminalTabs: next });
}
