import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ImageUpdate, UpdateCheck } from '../../../../engine/contract/updates';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { useContainers } from '../containers/useContainers';

/**
 * The last update check for the current engine. The engine remembers its answers for 3 hours, so
 * asking on every mount costs no registry request; "Check for updates" forces a new one.
 */
export const updatesQuery = (engineId: string) =>
  queryOptions({
    queryKey: [engineId, 'image-updates'],
    queryFn: () => berth.images.checkUpdates.mutate({ force: false }),
    staleTime: 60 * 60 * 1000,
    enabled: Boolean(engineId),
  });

/**
 * The last update check, asked once the containers list has answered: the check lists every
 * container on the engine too, and asked alongside the first list it held that list back (issue 17:
 * at 1,000 containers, request → rows 114 ms with it, 94 ms after it).
 */
export function useUpdates(): UpdateCheck | undefined {
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const listed = useContainers().isSuccess;
  return useQuery({ ...updatesQuery(engineId), enabled: Boolean(engineId) && listed }).data;
}

/** The update status of one container's image, if a check found one. */
export function useContainerUpdate(containerId: string): ImageUpdate | undefined {
  return useUpdates()?.images.find((image) => image.containerIds.includes(containerId));
}
