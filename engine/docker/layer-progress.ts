import type { BerthError } from '../contract/errors.js';
import type { LayerProgress, PullEvent } from '../contract/types.js';
import { AsyncQueue } from '../shared/async-queue.js';
import { JsonLineParser } from './json-lines.js';

export interface RawProgressEvent {
  id?: string;
  status?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
}

/** Layer ids are short hex digests; other ids name the tag being pulled or pushed ("1.27: Pulling from …"). */
const layerId = /^[0-9a-f]{12}$/;
const finished = new Set(['Pull complete', 'Already exists', 'Download complete', 'Pushed', 'Layer already exists']);
const snapshotIntervalMs = 100;

/**
 * Keeps the state of every layer of a pull or push. An error event anywhere in the stream means the
 * whole operation failed, whatever happens after it (dockerode #647, #703).
 */
export class LayerProgressTracker {
  private readonly layers = new Map<string, LayerProgress>();
  status = '';
  error: string | undefined;

  apply(event: RawProgressEvent): void {
    if (event.error || event.errorDetail) {
      this.error ??= event.errorDetail?.message ?? event.error ?? 'The registry refused.';
      return;
    }
    if (event.id && layerId.test(event.id)) {
      const previous = this.layers.get(event.id);
      const detail = event.progressDetail ?? {};
      const sizes = detail.total ? { current: detail.current ?? 0, total: detail.total } : previous?.total ? { total: previous.total } : {};
      const done = event.status !== undefined && finished.has(event.status);
      this.layers.set(event.id, {
        id: event.id,
        status: event.status ?? previous?.status ?? '',
        ...sizes,
        ...(done && sizes.total ? { current: sizes.total } : {}),
      });
    } else if (event.status) {
      this.status = event.status;
    }
  }

  snapshot(): LayerProgress[] {
    return [...this.layers.values()].map((layer) => ({ ...layer }));
  }
}

/**
 * Reads an engine progress stream (pull or push) into layer snapshots, at most one every 100 ms,
 * then one `done` event; fails with the stream's first error.
 */
export async function* followLayerProgress(
  stream: NodeJS.ReadableStream & { destroy(): void },
  signal: AbortSignal | undefined,
  image: string,
  describeError: (message: string) => BerthError,
): AsyncGenerator<PullEvent> {
  const progress = new LayerProgressTracker();
  const queue = new AsyncQueue<PullEvent>(32);
  const parser = new JsonLineParser<RawProgressEvent>();
  let last = 0;
  stream.on('data', (chunk: Buffer) => {
    parser.push(chunk).forEach((event) => progress.apply(event));
    const now = Date.now();
    if (now - last >= snapshotIntervalMs) {
      last = now;
      queue.push({ kind: 'progress', layers: progress.snapshot() });
    }
  });
  stream.on('end', () => {
    if (progress.error) return queue.fail(describeError(progress.error));
    queue.push({ kind: 'progress', layers: progress.snapshot() });
    queue.push({ kind: 'done', image, status: progress.status });
    queue.end();
  });
  stream.on('error', (e: unknown) => (signal?.aborted ? queue.end() : queue.fail(e)));
  try {
    yield* queue.drain(signal);
  } finally {
    // Closing the request makes the engine cancel the pull or push.
    stream.destroy();
  }
}
