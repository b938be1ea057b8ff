import { queryOptions } from '@tanstack/react-query';
import { berth } from './client';
import { markTime } from '../ui/timing';
import { queryKeys } from './query-keys';

export { queryKeys } from './query-keys';

/**
 * `call`'s answer, marked between `berth:<list>:request` (now) and `berth:<list>:answer` (when it
 * arrives): bench/ reads them with the views' `berth:<list>:rows` to split request → rows on screen
 * into the call and the render.
 */
function marked<T>(list: 'containers' | 'images' | 'volumes', call: () => Promise<T>): Promise<T> {
  markTime(`berth:${list}:request`);
  return call().then((value) => {
    markTime(`berth:${list}:answer`);
    return value;
  });
}

export const containersQuery = (engineId: string) =>
  queryOptions({
    queryKey: queryKeys.resource(engineId, 'containers'),
    queryFn: ({ signal }) => marked('containers', () => berth.containers.list.query(undefined, { signal })),
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
    queryFn: ({ signal }) => marked('images', () => berth.images.list.query(undefined, { signal })),
  });

export const volumesQuery = (engineId: string) =>
  queryOptions({
    ...keptWhileClosed,
    queryKey: queryKeys.resource(engineId, 'volumes'),
    queryFn: ({ signal }) => marked('volumes', () => berth.volumes.list.query(undefined, { signal })),
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
