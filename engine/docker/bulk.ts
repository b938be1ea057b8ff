import type { ActionOutcome } from '../contract/types.js';
import { fromDockerError } from './errors.js';

/** How many objects a bulk action works on at once: enough to be quick, few enough to be kind to the engine. */
const bulkConcurrency = 8;

/** Runs `work` for every id, a few at a time, and reports each one's outcome instead of stopping at the first failure. */
export async function forEachId(
  ids: readonly string[],
  subject: string,
  work: (id: string) => Promise<unknown>,
): Promise<ActionOutcome[]> {
  const outcomes: ActionOutcome[] = new Array(ids.length);
  let next = 0;
  async function worker() {
    while (next < ids.length) {
      const index = next++;
      const id = ids[index]!;
      try {
        await work(id);
        outcomes[index] = { id, ok: true };
      } catch (e) {
        outcomes[index] = { id, ok: false, error: fromDockerError(e, `${subject} ${id.slice(0, 12)}`).toShape() };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(bulkConcurrency, ids.length) }, worker));
  return outcomes;
}

/** Awaits a dockerode call, turning its failure into a BerthError. */
export async function engineCall<T>(call: Promise<T>, subject?: string): Promise<T> {
  try {
    return await call;
  } catch (e) {
    throw fromDockerError(e, subject);
  }
}
