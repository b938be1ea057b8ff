import type DockerClient from 'dockerode';
import type { EngineApi } from './contract/service.js';
import type { EngineEndpoint } from './contract/types.js';
import { defaultTimings, EngineConnection, type ConnectionTimings } from './docker/connection.js';
import { refuseUnsafeApiPaths } from './docker/api-paths.js';
import { dockerOptionsFor } from './docker/client.js';
import { createDockerEngineApi } from './docker/engine-api.js';
import { pingEngine } from './docker/health.js';
import { detectEndpoints, endpointId } from './hosts/detect.js';
import { berthPaths } from './hosts/paths.js';
import { sshDockerOptions } from './hosts/ssh/ssh-engine.js';
import type { SshTunnel } from './hosts/ssh/ssh-tunnel.js';

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
  /** For an ssh:// engine: the one SSH connection its requests travel over. */
  sshTunnel?: SshTunnel;
  close(): Promise<void>;
}

export interface EngineHostOptions {
  /** Berth's data folder (pinned SSH host keys); berthPaths()'s by default. */
  dataDir?: string;
  /** HOME (known_hosts, key files) and SSH_AUTH_SOCK for ssh:// engines; process.env by default. */
  env?: NodeJS.ProcessEnv;
}

/** dockerode options for an engine address: an ssh:// one through its own long-lived tunnel. */
function dockerFor(url: string, hosts: EngineHostOptions): { options: DockerClient.DockerOptions; sshTunnel?: SshTunnel } {
  const ssh = sshDockerOptions(url, { dataDir: hosts.dataDir ?? berthPaths().dataDir, ...(hosts.env ? { env: hosts.env } : {}) });
  return ssh ? { options: ssh.docker, sshTunnel: ssh.tunnel } : { options: dockerOptionsFor(url) };
}

// dockerode loads grpc and ssh2 eagerly (~230 ms); it is imported on first use, off the window's critical path.
let dockerode: Promise<typeof DockerClient> | undefined;
export function loadDockerode(): Promise<typeof DockerClient> {
  dockerode ??= import('dockerode').then((m) => m.default);
  return dockerode;
}

/** Connects to one engine and keeps the link supervised. */
export async function connectEngine(
  endpoint: EngineEndpoint,
  timings?: Partial<ConnectionTimings>,
  hosts: EngineHostOptions = {},
): Promise<OpenEngine> {
  const Docker = await loadDockerode();
  const { options, sshTunnel } = dockerFor(endpoint.url, hosts);
  const docker = refuseUnsafeApiPaths(new Docker(options));
  const connection = new EngineConnection(docker, endpoint, { ...defaultTimings, ...timings });
  connection.start();
  return {
    endpoint,
    connection,
    api: createDockerEngineApi(connection),
    ...(sshTunnel ? { sshTunnel } : {}),
    close: async () => {
      await connection.stop();
      sshTunnel?.close();
    },
  };
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

export async function answers(endpoint: EngineEndpoint, timeoutMs = 700, hosts: EngineHostOptions = {}): Promise<boolean> {
  let sshTunnel: SshTunnel | undefined;
  try {
    const Docker = await loadDockerode();
    const docker = dockerFor(endpoint.url, hosts);
    sshTunnel = docker.sshTunnel;
    await pingEngine(new Docker(docker.options), timeoutMs);
    return true;
  } catch {
    return false;
  } finally {
    sshTunnel?.close();
  }
}

export async function firstAnswering(candidates: EngineEndpoint[]): Promise<EngineEndpoint | undefined> {
  for (const candidate of candidates) {
    if (await answers(candidate)) return candidate;
  }
  return undefined;
}
