import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useEngineStatus } from '../../rpc/engine-sync';
import { containersQuery } from '../../rpc/queries';
import { containerUsers, type ContainerUsers } from './container-users';

/** `docker ps -a` for the current engine, kept fresh by engine events. */
export function useContainers() {
  const engineId = useEngineStatus()?.endpoint.id;
  return useQuery({ ...containersQuery(engineId ?? ''), enabled: engineId !== undefined });
}

/** containerUsers() of the current engine's containers list: which containers use each volume and image, as fresh as that list. */
export function useContainerUsers(): ContainerUsers {
  const { data, isError } = useContainers();
  return useMemo(() => containerUsers(data, isError), [data, isError]);
}
