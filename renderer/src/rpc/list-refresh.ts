import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { EngineStatus, ResourceKind } from '../../../engine/contract/types';
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
export function isWarm(resource: unknown): resource is (typeof warmResources)[number] {
  return (warmResources as readonly unknown[]).includes(resource);
}

/**
 * How long a closed warm list waits after one refresh before the next, when notices keep coming (an
 * image prune of 1,000 sends ~200 notices over seconds): nobody is looking, so the engine answers
 * one list at a time rather than one per notice.
 */
export const closedRefreshGapMs = 500;

/** The same for a shown list: the first notice is fetched at once, those after it at most once per fetch + this gap. */
export const shownRefreshGapMs = 250;

/**
 * Marks `resource`'s lists of `engineId` stale after a change notice or a reconnect: a warm list is
 * asked for again even while its view is closed, paced (refreshPaced); any other list only while it
 * is shown. What hangs below a warm list's key (the volume sizes' system df) is only marked stale:
 * its view asks for it once the list has answered (asked together, the engine's walk of every volume
 * slowed the list), so a storm asks for it at most once per list fetch.
 */
export function refreshList(queryClient: QueryClient, engineId: string, resource: ResourceKind | 'info'): void {
  const key = queryKeys.resource(engineId, resource);
  if (!isWarm(resource)) {
    void queryClient.invalidateQueries({ queryKey: key });
    return;
  }
  void queryClient.invalidateQueries({ queryKey: key, predicate: (query) => query.queryKey.length > key.length, refetchType: 'none' });
  const list = queryClient.getQueryCache().find({ queryKey: key, exact: true });
  if (!list) return; // never fetched: its view or the warm-up asks for it
  refreshPaced(queryClient, key, list.getObserversCount() > 0 ? shownRefreshGapMs : closedRefreshGapMs);
}

/** Per client, the lists being refreshed, and whether another notice came meanwhile. */
const refreshing = new WeakMap<QueryClient, Map<string, boolean>>();

/**
 * Refreshes the query at `key`: at most one fetch per fetch + `gapMs`; notices that come during a
 * fetch or the gap after it ask for one more when the gap ends (a fetch that was already out may have
 * missed the change). The gap follows every fetch, not only one that notices overlapped: an engine
 * that answers in 30 ms between notices 50 ms apart was otherwise asked once per notice (600 `docker
 * volume create` from the CLI: the closed volumes list 165 times; with the view open, 205 lists and
 * 182 system df).
 */
function refreshPaced(queryClient: QueryClient, key: QueryKey, gapMs: number): void {
  let lists = refreshing.get(queryClient);
  if (!lists) refreshing.set(queryClient, (lists = new Map()));
  const id = JSON.stringify(key);
  // Stale until a fetch succeeds: one that fails, or a notice waiting out the gap, leaves the list to
  // be asked for again if its view opens meanwhile.
  void queryClient.invalidateQueries({ queryKey: key, exact: true, refetchType: 'none' });
  if (lists.has(id)) {
    lists.set(id, true);
    return;
  }
  // A fetch already out (the warm-up's, or a view's as it opens) is waited on, not cancelled, and may
  // have been answered before the change: one more follows it.
  lists.set(id, queryClient.getQueryCache().find({ queryKey: key, exact: true })?.state.fetchStatus === 'fetching');
  void queryClient
    .refetchQueries({ queryKey: key, exact: true, type: 'all' }, { cancelRefetch: false })
    .finally(() => {
      // The slot stays taken through the gap: notices in it ride on the next fetch.
      setTimeout(() => {
        const again = lists.get(id);
        lists.delete(id);
        if (again) refreshPaced(queryClient, key, gapMs);
      }, gapMs);
    });
}

/**
 * After a stretch the page may have missed events over (the engine reconnected, the page switched to
 * another engine and back, or the page's own link to Berth dropped): every list of `engineId` is
 * asked for again — the shown ones and the warm ones now, the rest when shown — and the lists kept
 * warm for other engines are dropped (warm lists are kept for the engine shown only).
 */
export function catchUp(queryClient: QueryClient, engineId: string): void {
  void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] === engineId && !isWarm(query.queryKey[1]) });
  for (const resource of warmResources) refreshList(queryClient, engineId, resource);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== engineId && query.queryKey.length === 2 && isWarm(query.queryKey[1]) });
}

/**
 * Tells from the status stream when the page must catch up (`catchUp`): a connection it has not
 * shown yet, or its own link to Berth back after a drop. A connection is the engine's id with its
 * generation: generations count per connection, and each engine switched to is a new connection
 * (generation 1 again), so the id is part of it. The first connection seen needs nothing (the
 * lists are being asked for anyway) unless the page saw the engine away first: what it asked for
 * then got no list, and a first connection after a host key was trusted or a key unlocked sends no
 * change notice of its own.
 */
export class CatchUpWatch {
  private shown: string | undefined;
  private linkResumed = false;
  private awayAtFirst = false;

  /** The status subscription (re)started: after the first time, the page's link dropped and came back, and notices sent meanwhile were lost. */
  started(): void {
    if (this.shown !== undefined) this.linkResumed = true;
  }

  /** Whether `status` asks for a catch-up of its engine's lists. */
  needsCatchUp(status: Pick<EngineStatus, 'state' | 'generation' | 'endpoint'>): boolean {
    if (status.state !== 'connected') {
      if (status.state === 'disconnected' && this.shown === undefined) this.awayAtFirst = true;
      return false;
    }
    const connection = `${status.endpoint.id}\u0000${status.generation}`;
    const needed = (this.shown !== undefined || this.awayAtFirst) && (connection !== this.shown || this.linkResumed);
    this.shown = connection;
    this.linkResumed = false;
    this.awayAtFirst = false;
    return needed;
  }
}
