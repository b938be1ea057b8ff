import type Docker from 'dockerode';

// dockerode 5 accepts an abortSignal on ping and version (lib/docker.js) but @types/dockerode 4 has not
// caught up; without the signal a frozen engine would hang the health check forever.
interface AbortableHealthCalls {
  ping(options: { abortSignal: AbortSignal }): Promise<unknown>;
  version(options: { abortSignal: AbortSignal }): Promise<Docker.DockerVersion>;
}

export function pingEngine(docker: Docker, timeoutMs: number): Promise<unknown> {
  return (docker as unknown as AbortableHealthCalls).ping({ abortSignal: AbortSignal.timeout(timeoutMs) });
}

export function engineVersion(docker: Docker, timeoutMs: number): Promise<Docker.DockerVersion> {
  return (docker as unknown as AbortableHealthCalls).version({ abortSignal: AbortSignal.timeout(timeoutMs) });
}
