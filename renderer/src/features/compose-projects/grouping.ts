import type { ContainerSummary } from '../../../../engine/contract/types';
import type { ContainerFilter } from '../../state/ui-store';
import { compareText } from '../../ui/format';
import { matchesFilter } from '../containers/filter';

/** One Compose project as the grouped list shows it, read from its containers' labels. */
export interface ProjectGroup {
  name: string;
  /** Every container of the project, by service then replica number. */
  containers: ContainerSummary[];
  /** Those the search and the Show filter let through (all of them when neither is set). */
  matching: ContainerSummary[];
  running: number;
  /** The project folder and its Compose files (absolute), from the newest container that has them. */
  workingDir?: string;
  configFiles: string[];
  services: string[];
  /** Seconds since the epoch: the newest container's, so projects sort among loose rows as `docker ps` would. */
  created: number;
}

/** A line of the virtual list: a project, one of its containers (when expanded), or a loose container. */
export type ListRow =
  | { kind: 'project'; key: string; group: ProjectGroup; expanded: boolean }
  | { kind: 'container'; key: string; container: ContainerSummary; project?: string };

export interface GroupedList {
  rows: ListRow[];
  /** Every container the search and filter let through, grouped or not (what "Select all" and the count mean). */
  matching: ContainerSummary[];
  projects: number;
}

function matchesSearch(c: ContainerSummary, needle: string): boolean {
  if (!needle) return true;
  return (
    c.name.toLowerCase().includes(needle) ||
    c.image.toLowerCase().includes(needle) ||
    (c.compose !== undefined && (c.compose.project.toLowerCase().includes(needle) || c.compose.service.toLowerCase().includes(needle)))
  );
}

const byService = (a: ContainerSummary, b: ContainerSummary) =>
  compareText(a.compose?.service ?? '', b.compose?.service ?? '') || (a.compose?.number ?? 0) - (b.compose?.number ?? 0) || compareText(a.name, b.name);

/** Whether any container of this list belongs to a Compose project (then the list is grouped unless the person said not). */
export function hasProjects(all: readonly ContainerSummary[]): boolean {
  return all.some((c) => c.compose);
}

/**
 * The containers list grouped by Compose project: a row per project (shown when any of its
 * containers passes the search and Show filter), followed, when expanded, by its matching
 * containers; loose containers stay rows. Top-level rows are newest first, as `docker ps`. While a
 * search or filter is on, projects with matches open by themselves, so what matched is in view,
 * unless the person closed them (`collapsed`).
 * Linear in the number of containers (one pass to group, one sort per level).
 */
export function groupContainers(
  all: readonly ContainerSummary[],
  search: string,
  filter: ContainerFilter,
  expanded: ReadonlySet<string>,
  collapsed: ReadonlySet<string> = new Set(),
): GroupedList {
  const needle = search.trim().toLowerCase();
  const narrowed = needle !== '' || filter !== 'all';
  const groups = new Map<string, ProjectGroup>();
  const loose: ContainerSummary[] = [];
  const matching: ContainerSummary[] = [];
  for (const c of all) {
    const passes = matchesFilter(c, filter) && matchesSearch(c, needle);
    if (passes) matching.push(c);
    const project = c.compose?.project;
    if (!project) {
      if (passes) loose.push(c);
      continue;
    }
    let group = groups.get(project);
    if (!group) {
      group = { name: project, containers: [], matching: [], running: 0, configFiles: [], services: [], created: 0 };
      groups.set(project, group);
    }
    group.containers.push(c);
    if (passes) group.matching.push(c);
    if (c.state === 'running' && !c.compose?.oneOff) group.running++;
    if (c.created >= group.created) {
      group.created = c.created;
      // The newest container carries the files the project was last brought up with.
      if (c.compose!.workingDir) group.workingDir = c.compose!.workingDir;
      if (c.compose!.configFiles.length) group.configFiles = c.compose!.configFiles;
    }
  }

  type Top = { created: number; name: string; project?: ProjectGroup; container?: ContainerSummary };
  const top: Top[] = loose.map((c) => ({ created: c.created, name: c.name, container: c }));
  for (const group of groups.values()) {
    if (group.matching.length === 0) continue;
    group.containers.sort(byService);
    group.matching.sort(byService);
    group.services = [...new Set(group.containers.map((c) => c.compose!.service))];
    top.push({ created: group.created, name: group.name, project: group });
  }
  top.sort((a, b) => b.created - a.created || compareText(a.name, b.name));

  const rows: ListRow[] = [];
  for (const item of top) {
    if (item.container) {
      rows.push({ kind: 'container', key: item.container.id, container: item.container });
      continue;
    }
    const group = item.project!;
    const open = narrowed ? !collapsed.has(group.name) : expanded.has(group.name);
    rows.push({ kind: 'project', key: `project:${group.name}`, group, expanded: open });
    if (open) for (const c of group.matching) rows.push({ kind: 'container', key: c.id, container: c, project: group.name });
  }
  return { rows, matching, projects: groups.size };
}

/** The flat list's rows (the grouping turned off). */
export function flatRows(containers: readonly ContainerSummary[]): ListRow[] {
  return containers.map((c) => ({ kind: 'container', key: c.id, container: c }));
}

/** How a project's containers are doing, for its row: how many run, and whether some are paused. */
/**
 * "2/3 running": how a project's services are doing, as `docker compose ps` counts them. One-off
 * containers (`compose run`, label com.docker.compose.oneoff=True) are left out of it and counted
 * apart: `compose ps` lists them only with -a (docker/compose-cli#1649), and a finished task is no
 * service down (docker/roadmap#656).
 */
export function projectState(group: ProjectGroup): { running: number; total: number; paused: number; oneOff: number } {
  const services = group.containers.filter((c) => !c.compose?.oneOff);
  return {
    running: group.running,
    total: services.length,
    paused: services.filter((c) => c.state === 'paused').length,
    oneOff: group.containers.length - services.length,
  };
}

/** A container's name within its project: the service, with its replica number when the service has more than one. */
export function serviceLabel(c: ContainerSummary, replicas: number): string {
  if (!c.compose) return c.name;
  const service = c.compose.service || c.name;
  return replicas > 1 && c.compose.number ? `${service} #${c.compose.number}` : service;
}

/** How many containers each service has, for serviceLabel. */
export function replicaCounts(containers: readonly ContainerSummary[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of containers) if (c.compose) counts.set(c.compose.service, (counts.get(c.compose.service) ?? 0) + 1);
  return counts;
}
