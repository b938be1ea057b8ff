import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { useContainers } from '../containers/useContainers';

/** Which Compose the engine side runs (`docker compose` or `docker-compose`), or how to install one. */
export function useComposeTool() {
  const engineId = useEngineStatus()?.endpoint.id;
  return useQuery({
    queryKey: [engineId ?? '', 'compose-tool'],
    queryFn: ({ signal }) => berth.composeCli.tool.query(undefined, { signal }),
    enabled: engineId !== undefined,
    staleTime: 30_000,
  });
}

/**
 * A project read from its containers' labels. Engine events patch the containers list rather than
 * invalidate it, so the project's rows (ids and states) are part of the key: a change refetches it.
 */
export function useComposeProject(name: string | undefined) {
  const engineId = useEngineStatus()?.endpoint.id;
  const { data: all = [] } = useContainers();
  const rows = name
    ? all
        .filter((c) => c.compose?.project === name)
        .map((c) => `${c.id}:${c.state}`)
        .sort()
        .join(',')
    : '';
  return useQuery({
    queryKey: [engineId ?? '', 'compose-project', name, rows],
    queryFn: ({ signal }) => berth.composeCli.project.query({ name: name! }, { signal }),
    enabled: engineId !== undefined && name !== undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
