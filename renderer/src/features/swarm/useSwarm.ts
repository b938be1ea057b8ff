import { useQuery, useQueryClient } from '@tanstack/react-query';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { queryKeys } from '../../rpc/queries';
import type { SwarmOverview, SwarmTask } from '../../../../engine/contract/types';

/**
 * How often to read again while a swarm is converging. Events invalidate these lists, but a task's
 * own state changes (assigned → starting → running) make no engine event: the container's `start`
 * comes before the agent reports the task running. So while some service has fewer running tasks
 * than desired, or a task is not yet where it is meant to be, the list is read again at this pace
 * (as `docker service create` and `docker service scale` wait for convergence), and not otherwise.
 */
export const convergingRefetchMs = 1000;

const updating = new Set(['updating', 'rollback_started']);

export function overviewConverging(data: SwarmOverview | undefined): boolean {
  return Boolean(data?.services.some((s) => s.running !== s.desired || (s.updateState !== undefined && updating.has(s.updateState))));
}

export function tasksConverging(tasks: readonly SwarmTask[] | undefined): boolean {
  return Boolean(tasks?.some((t) => t.desiredState !== t.state && !(t.desiredState === 'shutdown' && ['shutdown', 'failed', 'rejected', 'complete', 'orphaned', 'remove'].includes(t.state))));
}

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
