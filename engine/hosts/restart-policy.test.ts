import { describe, expect, it } from 'vitest';
import { decideRestart, maxRestartsInARow, stableRunMs } from './restart-policy.js';

const backoff = { minMs: 2000, maxMs: 30_000 };

describe('restarting a VM whose QEMU died', () => {
  it('waits longer each time it dies soon after booting, then gives up', () => {
    let inARow = 0;
    const waits: number[] = [];
    for (;;) {
      const decision = decideRestart(inARow, 5_000, backoff);
      inARow = decision.inARow;
      if (!decision.restart) break;
      waits.push(decision.retryInMs);
    }
    expect(waits).toEqual([2000, 4000, 8000]);
    expect(waits).toHaveLength(maxRestartsInARow);
  });

  it('starts counting again after a VM that ran for a while', () => {
    expect(decideRestart(maxRestartsInARow, stableRunMs + 1, backoff)).toEqual({ restart: true, retryInMs: 2000, inARow: 1 });
  });

  it('never waits longer than the cap', () => {
    expect(decideRestart(2, 0, { minMs: 20_000, maxMs: 30_000 })).toMatchObject({ retryInMs: 30_000 });
  });
});
