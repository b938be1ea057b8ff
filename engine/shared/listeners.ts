/** A set of listeners for one kind of value, and a way to read them as an async iterable. */
export class Listeners<T> {
  private readonly listeners = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  get size(): number {
    return this.listeners.size;
  }

  /**
   * Yields every emitted value (after `initial`, if given) until the signal aborts. Values that
   * arrive while the consumer is busy are queued, never dropped.
   */
  async *iterate(signal: AbortSignal | undefined, initial?: T): AsyncGenerator<T> {
    const queue: T[] = initial === undefined ? [] : [initial];
    let wake: (() => void) | undefined;
    const remove = this.add((value) => {
      queue.push(value);
      wake?.();
    });
    const onAbort = () => wake?.();
    signal?.addEventListener('abort', onAbort);
    try {
      while (!signal?.aborted) {
        const next = queue.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      remove();
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** Sleeps, waking early (without throwing) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done);
  });
}

/** Exponential back-off: min, 2×min, 4×min … capped at max. */
export function backoffDelay(attempt: number, minMs: number, maxMs: number): number {
  return Math.min(maxMs, minMs * 2 ** Math.max(0, attempt));
}
