import { queryOptions } from '@tanstack/react-query';
import type { ResourceKind } from '../../../engine/contract/types';
import { berth } from './client';

/**
 * Query keys are [engine id, resource]: an events notice for one engine invalidates exactly the lists
 * it touches, and switching engines never shows one engine's containers under another's name.
 */
export const queryKeys = {
  status: ['engine-status'] as const,
  resource: (engineId: string, resource: ResourceKind | 'info') => [engineId, resource] as const,
};

export const containersQuery = (engineId: string) =>
  queryOptions({
    queryKey: queryKeys.resource(engineId, 'containers'),
    queryFn: ({ signal }) => {
      // User Timing marks (free when nobody reads them) let bench/ measure request → rows on screen.
      performance.mark('berth:containers:request');
      return berth.containers.list.query(undefined, { signal });
    },
  });

export const imagesQuery = (engineId: string) =>
  queryOptions({
    queryKey: queryKeys.resource(engineId, 'images'),
    queryFn: ({ signal }) => {
      performance.mark('berth:images:request');
      return berth.images.list.query(undefined, { signal });
    },
  });

export const volumesQuery = (engineId: string) =>
  queryOptions({
    queryKey: queryKeys.resource(engineId, 'volumes'),
    queryFn: ({ signal }) => {
      performance.mark('berth:volumes:request');
      return berth.volumes.list.query(undefined, { signal });
    },
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
