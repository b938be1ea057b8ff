import type { QueryClient } from '@tanstack/react-query';
import type { ResourceKind } from '../../../engine/contract/types';
import { queryKeys } from './query-keys';

/**
 * The lists kept warm: fetched once the first screen is idle and kept current by the engine's change
 * notices while their views are closed, so opening Images or Volumes draws its rows at once instead
 * of waiting on the engine (issue 17: a click on Images waited ~100 ms at 1,000 images, most of it
 * the engine's own answer). The Images view still asks the engine again behind the rows shown, for
 * what no event announces (an image built without a name); every volume change has its event.
 */
export const warmResources = ['images', 'volumes'] as const satisfies readonly ResourceKind[];

/** Whether `resource`'s list is one kept warm (refetched on change notices even while no view shows it). */
export function isWarm(resource: ResourceKind): boolean {
  return (warmResources as readonly ResourceKind[]).includes(resource);
}

/**
 * Marks `resource`'s lists of `engineId` stale after a change notice or a reconnect: a warm list is
 * asked for again even while its view is closed (only the list: what hangs below its key, like the
 * volume sizes' system df, waits until it is shown); any other list only while it is shown.
 */
export function refreshList(queryClient: QueryClient, engineId: string, resource: ResourceKind | 'info'): void {
  const key = queryKeys.resource(engineId, resource);
  if (resource !== 'info' && isWarm(resource)) {
    void queryClient.invalidateQueries({ queryKey: key, exact: true, refetchType: 'all' });
    void queryClient.invalidateQueries({ queryKey: key, predicate: (query) => query.queryKey.length > key.length });
    return;
  }
  void queryClient.invalidateQueries({ queryKey: key });
}
