/**
 * A queue read as an async iterable, for turning push-style sources (streams, timers) into the
 * async generators the contract's subscriptions are. `onPressure` tells the producer to pause while
 * the consumer (a slow renderer) lags, so memory stays bounded.
 */
export class AsyncQueue<T> {
  private items: T[] = [];
  private done = false;
  private failure: unknown;
  private wake: (() => void) | undefined;

  constructor(
    private readonly highWater = 16,
    private readonly onPressure?: (paused: boolean) => void,
  ) {}

  push(item: T): void {
    if (this.done) return;
    this.items.push(item);
    if (this.items.length === this.highWater) this.onPressure?.(true);
    this.wake?.();
  }

  end(): void {
    this.done = true;
    this.wake?.();
  }

  fail(error: unknown): void {
    this.failure = error;
    this.end();
  }

  async *drain(signal?: AbortSignal): AsyncGenerator<T> {
    const onAbort = () => this.end();
    signal?.addEventListener('abort', onAbort);
    try {
      for (;;) {
        const item = this.items.shift();
        if (item !== undefined) {
          if (this.items.length === this.highWater / 2) this.onPressure?.(false);
          yield item;
          continue;
        }
        if (this.failure !== undefined) throw this.failure;
        if (this.done) return;
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
