import type DockerClient from 'dockerode';
import type { EngineApi } from './contract/service.js';
import type { EngineEndpoint } from './contract/types.js';
import { defaultTimings, EngineConnection, type ConnectionTimings } from './docker/connection.js';
import { refuseUnsafeApiPaths } from './docker/api-paths.js';
import { dockerOptionsFor } from './docker/client.js';
import { createDockerEngineApi } from './docker/engine-api.js';
import { pingEngine } from './docker/health.js';
import { detectEndpoints, endpointId } from './hosts/detect.js';
import { logFor } from './shared/log.js';

const log = logFor('engines');

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

// dockerode loads grpc and ssh2 eagerly (~230 ms); it is imported on first use, off the window's critical path.
let dockerode: Promise<typeof DockerClient> | undefined;
export function loadDockerode(): Promise<typeof DockerClient> {
  dockerode ??= import('dockerode').then((m) => m.default);
  return dockerode;
}

/** Connects to one engine and keeps the link supervised. */
export async function connectEngine(endpoint: EngineEndpoint, timings?: Partial<ConnectionTimings>): Promise<OpenEngine> {
  const Docker = await loadDockerode();
  const docker = refuseUnsafeApiPaths(new Docker(dockerOptionsFor(endpoint.url)));
  const connection = new EngineConnection(docker, endpoint, { ...defaultTimings, ...timings });
  connection.start();
  return { endpoint, connection, api: createDockerEngineApi(connection), close: () => connection.stop() };
}

/** Finds an engine (the given URL, else the first detected one that answers) and connects to it. */
export async function openEngine(options: OpenEngineOptions = {}): Promise<OpenEngine> {
  const endpoint = options.engineUrl
    ? { id: endpointId(options.engineUrl), url: options.engineUrl, source: 'user' as const }
    : ((await firstAnswering(detectEndpoints())) ?? detectEndpoints()[0] ?? defaultEndpoint());
  return connectEngine(endpoint, options.timings);
}

export function defaultEndpoint(): EngineEndpoint {
  const url = 'unix:///var/run/docker.sock';
  return { id: endpointId(url), url, source: 'default-socket' };
}

export async function answers(endpoint: EngineEndpoint, timeoutMs = 700): Promise<boolean> {
  try {
    const Docker = await loadDockerode();
    await pingEngine(new Docker(dockerOptionsFor(endpoint.url)), timeoutMs);
    return true;
  } catch (error) {
    log.caught('pinging an engine', error);
    return false;
  }
}

export async function firstAnswering(candidates: EngineEndpoint[]): Promise<EngineEndpoint | undefined> {
  for (const candidate of candidates) {
    if (await answers(candidate)) return candidate;
  }
  return undefined;
}
