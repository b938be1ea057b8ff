import type { SwarmOverview, SwarmTask } from '../../../../engine/contract/types';

/**
 * How often to read again while a swarm is converging. Events invalidate these lists, but a task's
 * own state changes (assigned → starting → running) make no engine event: the container's `start`
 * comes before the agent reports the task running. So while some service has a task meant to run
 * that does not run yet, or an update under way, or a task is not yet where it is meant to be, the
 * list is read again at this pace (as `docker service create` and `docker service scale` wait for
 * convergence), and not otherwise: a service whose task failed for good (restart condition none)
 * shows 0/1 and is not read again.
 */
export const convergingRefetchMs = 1000;

const updating = new Set(['updating', 'rollback_started']);

export function overviewConverging(data: SwarmOverview | undefined): boolean {
  return Boolean(data?.services.some((s) => s.starting > 0 || (s.updateState !== undefined && updating.has(s.updateState))));
}

export function tasksConverging(tasks: readonly SwarmTask[] | undefined): boolean {
  return Boolean(tasks?.some((t) => t.desiredState !== t.state && !(t.desiredState === 'shutdown' && ['shutdown', 'failed', 'rejected', 'complete', 'orphaned', 'remove'].includes(t.state))));
}
