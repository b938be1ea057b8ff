import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ImageUpdate } from '../../../../engine/contract/updates';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';

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

/** The update status of one container's image, if a check found one. */
export function useContainerUpdate(containerId: string): ImageUpdate | undefined {
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const { data } = useQuery(updatesQuery(engineId));
  return data?.images.find((image) => image.containerIds.includes(containerId));
}
