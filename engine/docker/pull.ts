import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';
import { familiarName, parseImageReference } from '../contract/reference.js';
import type { PullEvent } from '../contract/types.js';
import { fromDockerError } from './errors.js';
import { followLayerProgress } from './layer-progress.js';
import { registryAuthFor } from './registry-auth.js';

type ProgressStream = NodeJS.ReadableStream & { destroy(): void };

/** Pulls an image with the person's saved login for its registry, streaming per-layer progress. */
export async function* pullImage(docker: Docker, reference: string, signal: AbortSignal | undefined): AsyncGenerator<PullEvent> {
  const ref = parse(reference);
  const auth = await registryAuthFor(ref.domain);
  let stream: ProgressStream;
  try {
    stream = (await docker.pull(ref.normalized, {
      ...(auth ? { authconfig: auth } : {}),
      ...(signal ? { abortSignal: signal } : {}),
    })) as ProgressStream;
  } catch (e) {
    throw registryError(e, familiarName(ref));
  }
  yield* followLayerProgress(stream, signal, familiarName(ref), (message) => new BerthError('ENGINE_ERROR', message, registryHint(message)));
}

/** Pushes a local image to its registry with the saved login (anonymous when there is none). */
export async function* pushImage(docker: Docker, reference: string, signal: AbortSignal | undefined): AsyncGenerator<PullEvent> {
  const ref = parse(reference);
  const auth = await registryAuthFor(ref.domain);
  let stream: ProgressStream;
  try {
    // The engine wants X-Registry-Auth even for an anonymous push: base64 of {} then.
    stream = (await docker.getImage(familiarName(ref)).push({
      ...(ref.tag ? { tag: ref.tag } : {}),
      authconfig: auth ?? {},
      ...(signal ? { abortSignal: signal } : {}),
    })) as unknown as ProgressStream;
  } catch (e) {
    throw registryError(e, familiarName(ref));
  }
  yield* followLayerProgress(stream, signal, familiarName(ref), (message) => new BerthError('ENGINE_ERROR', message, registryHint(message)));
}

function parse(reference: string) {
  const parsed = parseImageReference(reference);
  if (!parsed.ok) throw new BerthError('INVALID_INPUT', parsed.problem);
  return parsed.reference;
}

export function registryHint(message: string): string | undefined {
  const lower = message.toLowerCase();
  if (lower.includes('unauthorized') || lower.includes('authentication required') || lower.includes('denied')) {
    return 'This registry needs a login (Images → Log in…), or the name is wrong.';
  }
  if (lower.includes('manifest unknown') || lower.includes('not found')) return 'Check the name and the tag: the registry does not have them.';
  if (lower.includes('connection refused') || lower.includes('no such host') || lower.includes('timeout')) {
    return 'The engine cannot reach that registry. Is the address right, and is the registry up?';
  }
  return undefined;
}

function registryError(error: unknown, image: string): BerthError {
  const mapped = fromDockerError(error, `Image ${image}`);
  return new BerthError(mapped.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'ENGINE_ERROR', mapped.message, registryHint(mapped.message) ?? mapped.hint);
}
