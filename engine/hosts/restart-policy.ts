import { backoffDelay } from '../shared/listeners.js';

/**
 * How Berth's own engines (the native dockerd and the VM) are supervised when they die unasked: an
 * engine that dies again within `stableRunMs` of its start counts as dying "in a row"; after
 * `maxRestartsInARow` of those Berth stops trying and says so, because an engine that dies on every
 * start (a bad flag, a broken guest) would otherwise burn a core on restarts forever.
 */
export const stableRunMs = 120_000;
export const maxRestartsInARow = 3;

export type RestartDecision = { restart: true; retryInMs: number; inARow: number } | { restart: false; inARow: number };

/** What to do when an engine died unasked: restart after a growing wait, or give up and say so. */
export function decideRestart(previousInARow: number, ranForMs: number, backoff: { minMs: number; maxMs: number }): RestartDecision {
  const inARow = ranForMs > stableRunMs ? 0 : previousInARow;
  if (inARow >= maxRestartsInARow) return { restart: false, inARow };
  return { restart: true, retryInMs: backoffDelay(inARow, backoff.minMs, backoff.maxMs), inARow: inARow + 1 };
}

/**
 * One engine's supervision state: `started()` when a start (asked or automatic) begins, `died()`
 * when it ended unasked (a failed start included), `reset()` when a person asks for a start (they
 * get the full number of automatic restarts again). Times in milliseconds.
 */
export class RestartPolicy {
  private inARow = 0;
  private startedAt = Date.now();

  constructor(private readonly backoff: { minMs: number; maxMs: number }) {}

  reset(): void {
    this.inARow = 0;
  }

  started(): void {
    this.startedAt = Date.now();
  }

  died(): RestartDecision {
    const decision = decideRestart(this.inARow, Date.now() - this.startedAt, this.backoff);
    this.inARow = decision.inARow;
    return decision;
  }
}
