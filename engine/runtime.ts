import type DockerClient from 'dockerode';
import type { EngineApi } from './contract/service.js';
import type { EngineEndpoint } from './contract/types.js';
import { defaultTimings, EngineConnection, type ConnectionTimings } from './docker/connection.js';
import { dockerOptionsFor } from './docker/client.js';
import { createDockerEngineApi } from './docker/engine-api.js';
import { detectEndpoints } from './hosts/detect.js';
import { pingEngine } from './docker/health.js';

export interface OpenEngineOptions {
  /** An engine URL the person chose; otherwise the first detected engine that answers. */
  engineUrl?: string;
  timings?: Partial<ConnectionTimings>;
}

export interface OpenEngine {
  endpoint: EngineEndpoint;
  connection: EngineConnection;
  /** The contract's engine API for this engine. */
  api: EngineApi;
  close(): Promise<void>;
}

/**
 * Finds an engine, connects to it and keeps the link supervised. Shared by the Electron main process
 * and the web host, so both shells run exactly the same engine code.
 */
export async function openEngine(options: OpenEngineOptions = {}): Promise<OpenEngine> {
  // dockerode loads grpc and ssh2 eagerly (~230 ms); import it here, off the window's critical path.
  const { default: Docker } = await import('dockerode');
  const candidates = detectEndpoints(options.engineUrl ? { preferredUrl: options.engineUrl } : {});
  const fallback: EngineEndpoint = {
    id: 'default',
    url: 'unix:///var/run/docker.sock',
    source: 'default-socket',
  };
  const endpoint = options.engineUrl
    ? candidates[0]!
    : ((await firstAnswering(Docker, candidates)) ?? candidates[0] ?? fallback);
  const docker = new Docker(dockerOptionsFor(endpoint.url));
  const connection = new EngineConnection(docker, endpoint, { ...defaultTimings, ...options.timings });
  connection.start();
  return {
    endpoint,
    connection,
    api: createDockerEngineApi(connection),
    close: () => connection.stop(),
  };
}

async function firstAnswering(
  Docker: typeof DockerClient,
  candidates: EngineEndpoint[],
): Promise<EngineEndpoint | undefined> {
  for (const candidate of candidates) {
    try {
      await pingEngine(new Docker(dockerOptionsFor(candidate.url)), 700);
      return candidate;
    } catch {
      // Not answering (or not reachable from here): try the next one.
    }
  }
  return undefined;
}
