import type DockerClient from 'dockerode';
import type { EngineApi } from './contract/service.js';
import type { EngineEndpoint } from './contract/types.js';
import { defaultTimings, EngineConnection, type ConnectionTimings } from './docker/connection.js';
import { refuseUnsafeApiPaths } from './docker/api-paths.js';
import { dockerOptionsFor } from './docker/client.js';
import { createDockerEngineApi } from './docker/engine-api.js';
import { pingEngine } from './docker/health.js';
import { classifyProbeError, probeEngine, type ProbeResult } from './docker/probe.js';
import { detectEndpoints, endpointId } from './hosts/detect.js';
import { berthPaths } from './hosts/paths.js';
import { sshDockerOptions } from './hosts/ssh/ssh-engine.js';
import type { SshTunnel } from './hosts/ssh/ssh-tunnel.js';
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

/** An ssh:// engine's client over its own long-lived tunnel; undefined for every other address. */
async function sshClient(endpoint: EngineEndpoint, hosts: EngineHostOptions): Promise<{ docker: DockerClient; sshTunnel: SshTunnel } | undefined> {
  const ssh = sshDockerOptions(endpoint.url, { dataDir: hosts.dataDir ?? berthPaths().dataDir, ...(hosts.env ? { env: hosts.env } : {}) });
  if (!ssh) return undefined;
  const Docker = await loadDockerode();
  return { docker: refuseUnsafeApiPaths(new Docker(ssh.docker)), sshTunnel: ssh.tunnel };
}

// dockerode loads grpc and ssh2 eagerly (~230 ms); it is imported on first use, off the window's critical path.
let dockerode: Promise<typeof DockerClient> | undefined;
export function loadDockerode(): Promise<typeof DockerClient> {
  dockerode ??= import('dockerode').then((m) => m.default);
  return dockerode;
}

/** Connects to one engine and keeps the link supervised. */
export async function connectEngine(endpoint: EngineEndpoint, timings?: Partial<ConnectionTimings>, hosts: EngineHostOptions = {}): Promise<OpenEngine> {
  const ssh = await sshClient(endpoint, hosts);
  // Otherwise the list's warm client for this engine, when it has one: a TLS engine's session is already open.
  const docker = ssh?.docker ?? guardOnce(await probeClient(endpoint));
  const connection = new EngineConnection(docker, endpoint, { ...defaultTimings, ...timings });
  connection.start();
  return {
    endpoint,
    connection,
    api: createDockerEngineApi(connection, ssh?.sshTunnel),
    ...(ssh ? { sshTunnel: ssh.sshTunnel } : {}),
    close: async () => {
      await connection.stop();
      ssh?.sshTunnel.close();
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
  return (await probe(endpoint, timeoutMs, hosts, (docker, ms) => pingEngine(docker, ms).then(() => ({ answering: true })))).answering;
}

const guarded = new WeakSet<DockerClient>();
function guardOnce(docker: DockerClient): DockerClient {
  if (!guarded.has(docker)) guarded.add(refuseUnsafeApiPaths(docker));
  return docker;
}

// Clients for the engines in the list (probes, then the link once switched to), kept warm (a TLS engine's keep-alive agent keeps its
// session), at most this many, the least recently used dropped first.
const probeClientLimit = 8;
const probeClients = new Map<string, DockerClient>();

async function probeClient(endpoint: EngineEndpoint): Promise<DockerClient> {
  const key = `${endpoint.id} ${endpoint.url} ${JSON.stringify(endpoint.tls ?? {})}`;
  const warm = probeClients.get(key);
  if (warm) {
    probeClients.delete(key);
    probeClients.set(key, warm);
    return warm;
  }
  const Docker = await loadDockerode();
  const client = new Docker(dockerOptionsFor(endpoint.url, process.env, endpoint.tls));
  probeClients.set(key, client);
  // An evicted client may still carry the current link; its idle sockets close on the agent's own timeout.
  for (const oldest of probeClients.keys()) {
    if (probeClients.size <= probeClientLimit) break;
    probeClients.delete(oldest);
  }
  return client;
}

/**
 * Pings and asks the version of one engine within `timeoutMs`; never throws (a bad TLS file is a
 * problem too). An ssh:// engine is asked over a tunnel opened for the question and closed after.
 */
export async function probe(
  endpoint: EngineEndpoint,
  timeoutMs = 800,
  hosts: EngineHostOptions = {},
  ask: (docker: DockerClient, timeoutMs: number) => Promise<ProbeResult> = probeEngine,
): Promise<ProbeResult> {
  let ssh: Awaited<ReturnType<typeof sshClient>>;
  try {
    ssh = await sshClient(endpoint, hosts);
    return await ask(ssh?.docker ?? (await probeClient(endpoint)), timeoutMs);
  } catch (error) {
    log.caught('probing an engine', error);
    return { answering: false, problem: classifyProbeError(error) };
  } finally {
    ssh?.sshTunnel.close();
  }
}

/** The first candidate, in order, that answers a ping; all are asked at once, so unreachable ones cost one timeout, not one each. */
export async function firstAnswering(candidates: EngineEndpoint[]): Promise<EngineEndpoint | undefined> {
  const answered = await Promise.all(candidates.map((candidate) => answers(candidate)));
  return candidates[answered.indexOf(true)];
}
