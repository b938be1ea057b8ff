import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';
import { familiarName, parseImageReference } from '../contract/reference.js';
import type { LayerProgress, PullEvent } from '../contract/types.js';
import { AsyncQueue } from '../shared/async-queue.js';
import { fromDockerError } from './errors.js';
import { JsonLineParser } from './json-lines.js';
import { registryAuthFor } from './registry-auth.js';

interface RawPullEvent {
  id?: string;
  status?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
}

/** Layer ids are short hex digests; other ids name the tag being pulled ("1.27: Pulling from …"). */
const layerId = /^[0-9a-f]{12}$/;
const snapshotIntervalMs = 100;

/**
 * Keeps the state of every layer of a pull. An error event anywhere in the stream means the pull
 * failed, whatever happens after it (dockerode #647, #703).
 */
export class PullProgress {
  private readonly layers = new Map<string, LayerProgress>();
  status = '';
  error: string | undefined;

  apply(event: RawPullEvent): void {
    if (event.error || event.errorDetail) {
      this.error ??= event.errorDetail?.message ?? event.error ?? 'The pull failed.';
      return;
    }
    if (event.id && layerId.test(event.id)) {
      const previous = this.layers.get(event.id);
      const detail = event.progressDetail ?? {};
      const sizes = detail.total ? { current: detail.current ?? 0, total: detail.total } : previous?.total ? { total: previous.total } : {};
      const done = event.status === 'Pull complete' || event.status === 'Already exists' || event.status === 'Download complete';
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

/** Pulls an image with the person's saved login for its registry, streaming per-layer progress. */
export async function* pullImage(docker: Docker, reference: string, signal: AbortSignal | undefined): AsyncGenerator<PullEvent> {
  const parsed = parseImageReference(reference);
  if (!parsed.ok) throw new BerthError('INVALID_INPUT', parsed.problem);
  const ref = parsed.reference;
  const auth = await registryAuthFor(ref.domain);
  let stream: NodeJS.ReadableStream & { destroy(): void };
  try {
    stream = (await docker.pull(ref.normalized, {
      ...(auth ? { authconfig: auth } : {}),
      ...(signal ? { abortSignal: signal } : {}),
    })) as typeof stream;
  } catch (e) {
    throw pullError(e, familiarName(ref));
  }
  const progress = new PullProgress();
  const queue = new AsyncQueue<PullEvent>(32);
  const parser = new JsonLineParser<RawPullEvent>();
  let last = 0;
  stream.on('data', (chunk: Buffer) => {
    parser.push(chunk).forEach((event) => progress.apply(event));
    const now = Date.now();
    if (now - last >= snapshotIntervalMs) {
      last = now;
      queue.push({ kind: 'progress', layers: progress.snapshot() });
    }
  });
  const finish = () => {
    if (progress.error) {
      queue.fail(new BerthError('ENGINE_ERROR', progress.error, pullHint(progress.error)));
      return;
    }
    queue.push({ kind: 'progress', layers: progress.snapshot() });
    queue.push({ kind: 'done', image: familiarName(ref), status: progress.status });
    queue.end();
  };
  stream.on('end', finish);
  stream.on('error', (e: unknown) => (signal?.aborted ? queue.end() : queue.fail(pullError(e, familiarName(ref)))));
  try {
    yield* queue.drain(signal);
  } finally {
    // Closing the request makes the engine cancel the pull.
    stream.destroy();
  }
}

function pullHint(message: string): string | undefined {
  const lower = message.toLowerCase();
  if (lower.includes('unauthorized') || lower.includes('authentication required') || lower.includes('denied')) {
    return 'This image needs a login to its registry, or the name is wrong.';
  }
  if (lower.includes('manifest unknown') || lower.includes('not found')) return 'Check the name and the tag: the registry does not have them.';
  if (lower.includes('connection refused') || lower.includes('no such host') || lower.includes('timeout')) {
    return 'The engine cannot reach that registry. Is the address right, and is the registry up?';
  }
  return undefined;
}

function pullError(error: unknown, image: string): BerthError {
  const mapped = fromDockerError(error, `Image ${image}`);
  return new BerthError(mapped.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'ENGINE_ERROR', mapped.message, pullHint(mapped.message) ?? mapped.hint);
}
