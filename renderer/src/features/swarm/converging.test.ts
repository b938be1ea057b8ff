import { describe, expect, it } from 'vitest';
import type { SwarmService, SwarmTask } from '../../../../engine/contract/types';
import { overviewConverging, tasksConverging } from './converging';

const service = (over: Partial<SwarmService>): SwarmService => ({ id: 's', name: 'web', image: 'busybox', mode: 'replicated', desired: 2, running: 2, starting: 0, ports: [], canRollback: false, updatedAt: '', ...over });
const task = (desiredState: string, state: string): SwarmTask => ({ id: 't', serviceId: 's', nodeId: 'n', desiredState, state, message: '', timestamp: '', image: 'busybox' });
const status = { localNodeState: 'active', manager: true, nodeId: 'n' } as const;

describe('whether the Swarm section reads again (no engine event tells a task reached its state)', () => {
  it('while a service has a task meant to run that does not yet, or an update or roll back is under way', () => {
    expect(overviewConverging({ status, nodes: [], services: [service({ running: 1, starting: 1 })] })).toBe(true);
    expect(overviewConverging({ status, nodes: [], services: [service({ updateState: 'rollback_started' })] })).toBe(true);
  });

  it('not when every service runs what it should (a finished or paused update included)', () => {
    expect(overviewConverging({ status, nodes: [], services: [service({ updateState: 'completed' }), service({ updateState: 'paused' })] })).toBe(false);
    expect(overviewConverging(undefined)).toBe(false);
    // A task that failed for good (restart condition none): 0 of 1, nothing on its way.
    expect(overviewConverging({ status, nodes: [], services: [service({ running: 0, desired: 1 })] })).toBe(false);
  });

  it('tasks: while one is on its way to running or to shutdown, not once shut down or failed', () => {
    expect(tasksConverging([task('running', 'starting')])).toBe(true);
    expect(tasksConverging([task('shutdown', 'running')])).toBe(true);
    expect(tasksConverging([task('running', 'running'), task('shutdown', 'shutdown'), task('shutdown', 'failed')])).toBe(false);
  });
});
