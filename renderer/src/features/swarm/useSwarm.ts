import { useQuery, useQueryClient } from '@tanstack/react-query';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { queryKeys } from '../../rpc/queries';
import { convergingRefetchMs, overviewConverging } from './converging';

/** Query keys under [engine, 'swarm'], so the engine's service/node/task events invalidate them all. */
export const swarmKeys = {
  overview: (engineId: string) => queryKeys.resource(engineId, 'swarm'),
  tasks: (engineId: string, service: string) => [...queryKeys.resource(engineId, 'swarm'), 'tasks', service] as const,
  stack: (engineId: string, stack: string) => [...queryKeys.resource(engineId, 'swarm'), 'stack', stack] as const,
};

export function useSwarmEngineId(): string {
  return useEngineStatus()?.endpoint.id ?? '';
}

export function useSwarmOverview() {
  const engineId = useSwarmEngineId();
  const connected = useEngineStatus()?.state === 'connected';
  return useQuery({
    queryKey: swarmKeys.overview(engineId),
    queryFn: () => berth.swarm.overview.query(),
    enabled: Boolean(engineId) && connected,
    refetchInterval: (query) => (overviewConverging(query.state.data) ? convergingRefetchMs : false),
  });
}

export function useRefreshSwarm(): () => Promise<void> {
  const queryClient = useQueryClient();
  const engineId = useSwarmEngineId();
  return () => queryClient.invalidateQueries({ queryKey: swarmKeys.overview(engineId) });
}
