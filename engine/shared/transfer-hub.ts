import { BerthError, toErrorShape } from '../contract/errors.js';
import type { TransferProgress, TransferReporter, TransfersApi } from '../contract/transfer.js';
import { Listeners } from './listeners.js';

export interface TransferHubTimings {
  /** At most one snapshot per watcher this often while bytes move (the end is sent at once). */
  intervalMs: number;
  /** How long an ended transfer is remembered, for a watcher that arrives late. */
  keepMs: number;
  /**
   * How long a watcher waits for a transfer that has not begun before it is told so. Long, because
   * in the desktop app a person may still be choosing the file in a save or open dialog.
   */
  waitMs: number;
}

interface Transfer {
  progress?: TransferProgress;
  listeners: Listeners<TransferProgress>;
  timer?: NodeJS.Timeout;
}

const defaultTimings: TransferHubTimings = { intervalMs: 100, keepMs: 5 * 60_000, waitMs: 10 * 60_000 };

/** Progress of every byte transfer on one engine, watched by id (see engine/contract/transfer.ts). */
export class TransferHub implements TransfersApi {
  private readonly transfers = new Map<string, Transfer>();

  constructor(private readonly timings: TransferHubTimings = defaultTimings) {}

  async track<T>(id: string | undefined, work: (progress: TransferReporter | undefined) => Promise<T>, total?: number): Promise<T> {
    if (id === undefined) return work(undefined);
    const transfer = this.entry(id);
    if (transfer.progress?.state === 'running') throw new BerthError('CONFLICT', 'That transfer is already running.', 'Start a new one.', { reason: 'transferRunning' });
    clearTimeout(transfer.timer);
    transfer.timer = undefined;
    const progress: TransferProgress = { id, state: 'running', bytes: 0, ...(total !== undefined && total >= 0 ? { total } : {}) };
    transfer.progress = progress;
    transfer.listeners.emit({ ...progress });
    const reporter: TransferReporter = {
      add: (bytes) => {
        progress.bytes += bytes;
        transfer.timer ??= setTimeout(() => {
          transfer.timer = undefined;
          transfer.listeners.emit({ ...progress });
        }, this.timings.intervalMs);
      },
      setTotal: (bytes) => {
        if (bytes >= 0) progress.total = bytes;
      },
    };
    try {
      const result = await work(reporter);
      this.end(id, transfer, { ...progress, state: 'done' });
      return result;
    } catch (e) {
      this.end(id, transfer, { ...progress, state: 'failed', error: toErrorShape(e, 'ENGINE_ERROR') });
      throw e;
    }
  }

  async *watch(id: string, signal: AbortSignal | undefined): AsyncGenerator<TransferProgress> {
    const transfer = this.entry(id);
    const waiting = transfer.progress
      ? undefined
      : setTimeout(() => {
          // Begun meanwhile: the watcher is following it, however long it runs.
          if (transfer.progress) return;
          transfer.listeners.emit({ id, state: 'failed', bytes: 0, error: { code: 'NOT_FOUND', message: 'This transfer never started.', reason: 'transferNeverStarted' } });
        }, this.timings.waitMs);
    try {
      for await (const snapshot of transfer.listeners.iterate(signal, transfer.progress && { ...transfer.progress })) {
        yield snapshot;
        if (snapshot.state !== 'running') return;
      }
    } finally {
      clearTimeout(waiting);
      // A watch for a transfer that never began leaves nothing behind.
      if (!transfer.progress && transfer.listeners.size === 0) this.transfers.delete(id);
    }
  }

  private entry(id: string): Transfer {
    let transfer = this.transfers.get(id);
    if (!transfer) {
      transfer = { listeners: new Listeners() };
      this.transfers.set(id, transfer);
    }
    return transfer;
  }

  private end(id: string, transfer: Transfer, final: TransferProgress): void {
    clearTimeout(transfer.timer);
    transfer.progress = final;
    transfer.listeners.emit({ ...final });
    transfer.timer = setTimeout(() => this.transfers.delete(id), this.timings.keepMs);
    transfer.timer.unref?.();
  }
}
