import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';
import { engineCall } from './bulk.js';

// dockerode 5 accepts an abortSignal on ping and version (lib/docker.js) but @types/dockerode 4 has not
// caught up; without the signal a frozen engine would hang the health check forever.
/** What dockerode's own types say `info()` answers. */
type EngineInfoAnswer = Awaited<ReturnType<Docker['info']>>;

interface AbortableHealthCalls {
  ping(options: { abortSignal: AbortSignal }): Promise<unknown>;
  version(options: { abortSignal: AbortSignal }): Promise<Docker.DockerVersion>;
  info(options: { abortSignal: AbortSignal }): Promise<EngineInfoAnswer>;
}

export function pingEngine(docker: Docker, timeoutMs: number): Promise<unknown> {
  return (docker as unknown as AbortableHealthCalls).ping({ abortSignal: AbortSignal.timeout(timeoutMs) });
}

export function engineVersion(docker: Docker, timeoutMs: number): Promise<Docker.DockerVersion> {
  return (docker as unknown as AbortableHealthCalls).version({ abortSignal: AbortSignal.timeout(timeoutMs) });
}

/**
 * How long Berth waits for the engine's `/info`, in milliseconds. dockerd answers it in
 * milliseconds, except while a registry login looks up its registry's address: the registry
 * service holds its lock across the DNS lookup and `/info` (so `docker info` too) waits behind it,
 * ~5 s per dropped DNS query here, 10 s for two. A frozen engine never answers at all.
 */
export const engineInfoWaitMs = 6_000;

/**
 * The engine's `/info`, or ENGINE_ERROR `engineInfoNoAnswer` (params seconds) when it does not
 * answer within `timeoutMs`; other failures as `engineCall` words them.
 */
export async function engineInfo(docker: Docker, timeoutMs = engineInfoWaitMs): Promise<EngineInfoAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return await engineCall((docker as unknown as AbortableHealthCalls).info({ abortSignal: signal }));
  } catch (error) {
    if (!signal.aborted) throw error;
    const seconds = Math.round(timeoutMs / 1000);
    throw new BerthError('ENGINE_ERROR', `The engine did not answer "docker info" within ${seconds} s.`, 'It may be busy: a registry login still looking up its address holds it. Try again.', {
      reason: 'engineInfoNoAnswer',
      params: { seconds },
    });
  }
}
