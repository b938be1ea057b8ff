import type { ContainerSummary } from '../../../../engine/contract/types';
import type { ContainerAction } from '../../../../engine/contract/schemas';
import type { ContainerFilter } from '../../state/ui-store';
import { compareText } from '../../ui/format';

/** The containers a person asked to see, newest first, as `docker ps` orders them. */
export function visibleContainers(
  all: readonly ContainerSummary[],
  search: string,
  filter: ContainerFilter,
): ContainerSummary[] {
  const needle = search.trim().toLowerCase();
  return all
    .filter((c) => matchesFilter(c, filter))
    .filter((c) => !needle || c.name.toLowerCase().includes(needle) || c.image.toLowerCase().includes(needle))
    .sort((a, b) => b.created - a.created || compareText(a.name, b.name));
}

/** Whether a row passes the Show filter; health verdicts only count while the container runs. */
export function matchesFilter(c: ContainerSummary, filter: ContainerFilter): boolean {
  if (filter === 'all') return true;
  if (c.state !== 'running') return false;
  return filter === 'running' || c.health === filter;
}

/** Which containers an action applies to: the others are already there, or cannot take it. */
export function eligibleFor(action: ContainerAction, containers: readonly ContainerSummary[]): ContainerSummary[] {
  return containers.filter((c) => {
    switch (action) {
      case 'start':
        return c.state === 'created' || c.state === 'exited' || c.state === 'dead';
      case 'stop':
      case 'kill':
        return c.state === 'running' || c.state === 'paused' || c.state === 'restarting';
      case 'restart':
        return c.state !== 'removing';
      case 'pause':
        return c.state === 'running';
      case 'unpause':
        return c.state === 'paused';
    }
  });
}
