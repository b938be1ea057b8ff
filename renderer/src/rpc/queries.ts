import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { BerthErrorShape } from '../../../engine/contract/errors';
import type { EngineStatus } from '../../../engine/contract/types';
import { berth } from './client';
import { markTime } from '../ui/timing';
import { queryKeys } from './query-keys';

export { queryKeys } from './query-keys';

/**
 * `call`'s answer, marked between `berth:<list>:request` (now) and `berth:<list>:answer` (when it
 * arrives): bench/ reads them with the views' `berth:<list>:rows` to split request → rows on screen
 * into the call and the render. The trusted side answers for the engine shown when the call arrives,
 * so an answer that comes back after the page has switched to another engine belongs to that one:
 * it is refused rather than kept under `engineId` (a warm list is kept for as long as the page lives).
 */
function marked<T>(list: 'containers' | 'images' | 'volumes', engineId: string, client: QueryClient, call: () => Promise<T>): Promise<T> {
  markTime(`berth:${list}:request`);
  return call().then((value) => {
    if (client.getQueryData<EngineStatus>(queryKeys.status)?.endpoint.id !== engineId) {
      // Hidden like any lost link (QueryErrorNotice); the list is asked for again when shown.
      throw { code: 'ENGINE_UNAVAILABLE', message: `The engine shown changed while the ${list} list was asked for.` } satisfies BerthErrorShape;
    }
    markTime(`berth:${list}:answer`);
    return value;
  });
}

export const containersQuery = (engineId: string) =>
  queryOptions({
    queryKey: queryKeys.resource(engineId, 'containers'),
    queryFn: ({ signal, client }) => marked('containers', engineId, client, () => berth.containers.list.query(undefined, { signal })),
  });

/**
 * The images and volumes lists stay in memory while their views are closed (./warm-lists.ts keeps
 * them current): react-query would drop a list nobody shows after five minutes.
 */
const keptWhileClosed = { gcTime: Infinity } as const;

export const imagesQuery = (engineId: string) =>
  queryOptions({
    ...keptWhileClosed,
    queryKey: queryKeys.resource(engineId, 'images'),
    queryFn: ({ signal, client }) => marked('images', engineId, client, () => berth.images.list.query(undefined, { signal })),
  });

export const volumesQuery = (engineId: string) =>
  queryOptions({
    ...keptWhileClosed,
    queryKey: queryKeys.resource(engineId, 'volumes'),
    queryFn: ({ signal, client }) => marked('volumes', engineId, client, () => berth.volumes.list.query(undefined, { signal })),
  });

/** Volume sizes apart from the list (they cost the engine a system df); invalidated with it (same key prefix). */
export const volumeSizesQuery = (engineId: string) =>
  queryOptions({
    queryKey: [...queryKeys.resource(engineId, 'volumes'), 'sizes'] as const,
    queryFn: ({ signal }) => berth.volumes.sizes.query(undefined, { signal }),
  });

export const engineInfoQuery = (engineId: string) =>
  queryOptions({
    queryKey: queryKeys.resource(engineId, 'info'),
    queryFn: ({ signal }) => berth.engine.info.query(undefined, { signal }),
  });
