/**
 * A queue read as an async iterable, for turning push-style sources (several streams at once,
 * timers) into the async generators the contract's subscriptions are. Where one stream is the
 * source, read it with `for await` instead. Bounded: `onPressure` tells a callback producer to pause
 * while the consumer (a slow page) lags, and an async producer awaits `room()` before pushing more.
 */
export class AsyncQueue<T> {
  private items: T[] = [];
  private done = false;
  private failure: unknown;
  private wake: (() => void) | undefined;
  private roomWaiters: (() => void)[] = [];

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
    this.freeRoom();
  }

  /** Resolves once the queue holds fewer than `highWater` items (or has ended). */
  room(): Promise<void> {
    if (this.done || this.items.length < this.highWater) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  private freeRoom(): void {
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const resolve of waiters) resolve();
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
          if (this.items.length < this.highWater) this.freeRoom();
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
