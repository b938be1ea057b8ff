import { useQuery } from '@tanstack/react-query';
import { useEngineStatus } from '../../rpc/engine-sync';
import { containersQuery } from '../../rpc/queries';

/** `docker ps -a` for the current engine, kept fresh by engine events. */
export function useContainers() {
  const engineId = useEngineStatus()?.endpoint.id;
  return useQuery({ ...containersQuery(engineId ?? ''), enabled: engineId !== undefined });
}
