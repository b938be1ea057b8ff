import { backoffDelay } from '../../shared/listeners.js';

/**
 * A VM that dies again within this long of booting counts as dying "in a row"; after
 * `maxRestartsInARow` of those Berth stops trying, because a guest that crashes on every boot would
 * otherwise burn a core on emulated boots forever.
 */
export const stableRunMs = 120_000;
export const maxRestartsInARow = 3;

export type RestartDecision = { restart: true; retryInMs: number; inARow: number } | { restart: false; inARow: number };

/** What to do when QEMU died unasked: restart after a growing wait, or give up and say so. */
export function decideRestart(previousInARow: number, ranForMs: number, backoff: { minMs: number; maxMs: number }): RestartDecision {
  const inARow = ranForMs > stableRunMs ? 0 : previousInARow;
  if (inARow >= maxRestartsInARow) return { restart: false, inARow };
  return { restart: true, retryInMs: backoffDelay(inARow, backoff.minMs, backoff.maxMs), inARow: inARow + 1 };
}
