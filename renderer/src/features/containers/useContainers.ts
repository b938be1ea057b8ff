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

/**
 * Worked out once per containers answer (and error state), not once per view that asks: opening the
 * volumes or images view with 1,000 containers spent ~1 ms here each time (issue 17).
 */
const usersOfAnswer = new WeakMap<object, ContainerUsers>();

/** containerUsers() of the current engine's containers list: which containers use each volume and image, as fresh as that list. */
export function useContainerUsers(): ContainerUsers {
  const { data, isError } = useContainers();
  return useMemo(() => {
    if (!data || isError) return containerUsers(data, isError);
    let users = usersOfAnswer.get(data);
    if (!users) usersOfAnswer.set(data, (users = containerUsers(data, isError)));
    return users;
  }, [data, isError]);
}
