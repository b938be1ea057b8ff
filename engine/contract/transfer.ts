import { z } from 'zod';
import type { BerthErrorShape } from './errors.js';
import { problem } from './input-problems.js';

/**
 * Progress of a long byte transfer (volume export, import, clone), watched beside the transfer
 * itself: the renderer makes the id, starts watching it, then starts the transfer with the same id
 * (over HTTP in a browser, through the desktop bridge or a contract call otherwise).
 */
export const transferId = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/, problem('transferId'));

export const transferWatchInput = z.object({ id: transferId });

export interface TransferProgress {
  id: string;
  state: 'running' | 'done' | 'failed';
  /** Bytes moved so far: a volume's file contents (export, clone), or the archive's bytes (import). */
  bytes: number;
  /** What `bytes` will reach, when known beforehand (a volume's size, an archive's length). */
  total?: number;
  error?: BerthErrorShape;
}

/** How the work that moves the bytes reports them; the hub turns reports into `TransferProgress`. */
export interface TransferReporter {
  add(bytes: number): void;
  setTotal(bytes: number): void;
}

export interface TransfersApi {
  /**
   * Runs `work` as transfer `id` (untracked when there is no id): watchers see its bytes, then its
   * end (done, or failed with the error, which is also rethrown).
   */
  track<T>(id: string | undefined, work: (progress: TransferReporter | undefined) => Promise<T>, total?: number): Promise<T>;
  /** Snapshots of one transfer, until it ends (it may begin after the watch does). */
  watch(id: string, signal: AbortSignal | undefined): AsyncIterable<TransferProgress>;
}
