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
    throw registryError(e, familiarName(ref), ref.domain, 'pull');
  }
  yield* followLayerProgress(stream, signal, familiarName(ref), (message) => streamError(message, familiarName(ref), ref.domain, 'pull'));
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
    throw registryError(e, familiarName(ref), ref.domain, 'push');
  }
  yield* followLayerProgress(stream, signal, familiarName(ref), (message) => streamError(message, familiarName(ref), ref.domain, 'push'));
}

function parse(reference: string) {
  const parsed = parseImageReference(reference);
  if (!parsed.ok) throw referenceRefusal(parsed);
  return parsed.reference;
}

/**
 * Whether a registry's refusal means "log in first". The engine passes the registry's words on:
 * `no basic auth credentials` (a registry with basic auth, asked anonymously, Docker 20.10),
 * `unauthorized: authentication required` (token auth), `denied: requested access to the resource is
 * denied` and `pull access denied for x, repository does not exist or may require 'docker login'`
 * (Docker Hub, also for a name that does not exist: a login is the way forward the CLI offers too).
 */
export function needsLogin(message: string): boolean {
  return /no basic auth credentials|unauthorized|authentication required|\bdenied\b|docker login/i.test(message);
}

/** What a registry's refusal (as the engine passes it on) is about, where Berth can tell. */
export function registryTrouble(message: string): 'login' | 'missing' | 'unreachable' | undefined {
  const lower = message.toLowerCase();
  if (needsLogin(message)) return 'login';
  if (lower.includes('manifest unknown') || lower.includes('not found')) return 'missing';
  if (lower.includes('connection refused') || lower.includes('no such host') || lower.includes('timeout')) return 'unreachable';
  return undefined;
}

/** Berth's English hint for a registry's refusal (logs, and errors the catalogs do not word). */
export function registryHint(message: string): string | undefined {
  switch (registryTrouble(message)) {
    case 'login':
      return 'This registry needs a login (Images → Log in…), or the name is wrong.';
    case 'missing':
      return 'Check the name and the tag: the registry does not have them.';
    case 'unreachable':
      return 'The engine cannot reach that registry. Is the address right, and is the registry up?';
    default:
      return undefined;
  }
}

function registryError(error: unknown, image: string, registry: string, operation: 'pull' | 'push'): BerthError {
  const mapped = fromDockerError(error, `Image ${image}`);
  if (mapped.code === 'ENGINE_UNAVAILABLE') return mapped;
  return streamError(mapped.message, image, registry, operation, mapped.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'ENGINE_ERROR', mapped.hint);
}

/**
 * A registry's refusal as an error, worded by the catalogs where Berth knows what it means (so a
 * Korean reader is not handed an English hint): "log in first" carries the registry, so the UI can
 * offer that login; "no such image there" and "cannot reach it" name the registry and image.
 */
export function streamError(
  message: string,
  image: string,
  registry: string,
  operation: 'pull' | 'push',
  code: 'NOT_FOUND' | 'ENGINE_ERROR' = 'ENGINE_ERROR',
  fallbackHint?: string,
): BerthError {
  if (needsLogin(message)) {
    const reason = operation === 'pull' ? 'registryLoginRequired' : 'registryPushLoginRequired';
    return new BerthError('ENGINE_ERROR', message, registryHint(message), { reason, params: { registry, image }, engineText: message });
  }
  const trouble = registryTrouble(message);
  const reason =
    trouble === 'missing' && operation === 'pull'
      ? 'registryImageMissing'
      : trouble === 'unreachable'
        ? 'registryUnreachable'
        : operation === 'pull'
          ? 'pullFailed'
          : 'pushFailed';
  return new BerthError(code, message, registryHint(message) ?? fallbackHint, { reason, params: { registry, image }, engineText: message });
}

/** An image reference the parser refused, worded by the renderer as `problems.reference.<code>`. */
export function referenceRefusal(parsed: { code: string; params: Record<string, string | number>; problem: string }): BerthError {
  return new BerthError('INVALID_INPUT', parsed.problem, undefined, {
    reason: 'inputProblem',
    params: { ...parsed.params, problem: `reference.${parsed.code}` },
  });
}
