import type { DockerOptions } from 'dockerode';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { join } from 'node:path';
import { BerthError } from '../contract/errors.js';
import type { EngineTls } from '../contract/types.js';

/**
 * dockerode options for an engine URL, the way the docker CLI reads DOCKER_HOST:
 * unix:///path, npipe:////./pipe/name, tcp://host:port (TLS when DOCKER_TLS_VERIFY / DOCKER_CERT_PATH
 * say so), ssh://user@host[:port].
 */
export function dockerOptionsFor(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
  tlsMaterial?: EngineTls,
): DockerOptions {
  const parsed = parseEngineUrl(url);
  switch (parsed.kind) {
    case 'socket':
      return { socketPath: parsed.path };
    case 'tcp': {
      if (tlsMaterial && (tlsMaterial.ca || tlsMaterial.cert || tlsMaterial.key || tlsMaterial.skipVerify)) {
        return tlsOptions(parsed.host, parsed.port, tlsMaterial);
      }
      const tls = env.DOCKER_TLS_VERIFY === '1' || parsed.port === 2376;
      if (!tls) return { host: parsed.host, port: parsed.port, protocol: 'http' };
      const certDir = certFolder(env);
      return {
        host: parsed.host,
        port: parsed.port,
        protocol: 'https',
        ca: readFileSync(join(certDir, 'ca.pem')),
        cert: readFileSync(join(certDir, 'cert.pem')),
        key: readFileSync(join(certDir, 'key.pem')),
      };
    }
    case 'ssh':
      return {
        protocol: 'ssh',
        host: parsed.host,
        port: parsed.port,
        ...(parsed.user ? { username: parsed.user } : {}),
      };
  }
}

/**
 * https options from a context's or a saved engine's PEM files, on a keep-alive agent so a warm
 * client reuses its TLS session. The engine's certificate is checked against `ca` (else the system's
 * roots) unless `skipVerify`. Throws BerthError (reason engineTlsFiles, params { path }) when a file
 * cannot be read.
 */
function tlsOptions(host: string, port: number, material: EngineTls): DockerOptions {
  const read = (path: string | undefined) => {
    if (!path) return undefined;
    try {
      return readFileSync(path);
    } catch (e) {
      throw new BerthError('INVALID_INPUT', `Berth cannot read the TLS file ${path}.`, 'Check the path to the CA, certificate and key.', {
        reason: 'engineTlsFiles',
        params: { path },
        engineText: (e as Error).message,
      });
    }
  };
  const ca = read(material.ca);
  const cert = read(material.cert);
  const key = read(material.key);
  // Idle sockets close after 30 s, so a client dropped from the warm pool leaves nothing open.
  const agent = new Agent({ keepAlive: true, timeout: 30_000, ca, cert, key, rejectUnauthorized: material.skipVerify !== true, maxSockets: 16 });
  return {
    host,
    port,
    protocol: 'https',
    ...(ca ? { ca } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
    agent,
  } as DockerOptions;
}

export type ParsedEngineUrl =
  | { kind: 'socket'; path: string }
  | { kind: 'tcp'; host: string; port: number }
  /** `socketPath`: the remote engine socket, when the address names one (ssh://host/run/docker.sock; Berth's, not the CLI's). */
  | { kind: 'ssh'; host: string; port: number; user?: string; socketPath?: string };

export function parseEngineUrl(url: string): ParsedEngineUrl {
  if (url.startsWith('unix://')) {
    const path = url.slice('unix://'.length);
    if (!path.startsWith('/')) throw new Error(`"${url}" needs an absolute socket path, e.g. unix:///var/run/docker.sock.`);
    return { kind: 'socket', path };
  }
  if (url.startsWith('npipe://')) {
    return { kind: 'socket', path: url.slice('npipe://'.length).replaceAll('/', '\\') };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`"${url}" is not an engine address; use unix:///path, tcp://host:port or ssh://user@host.`);
  }
  if (parsed.protocol === 'tcp:' || parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    return { kind: 'tcp', host: parsed.hostname, port: Number(parsed.port || 2375) };
  }
  if (parsed.protocol === 'ssh:') {
    return {
      kind: 'ssh',
      host: parsed.hostname,
      port: Number(parsed.port || 22),
      ...(parsed.username ? { user: decodeURIComponent(parsed.username) } : {}),
      ...(parsed.pathname.length > 1 ? { socketPath: decodeURIComponent(parsed.pathname) } : {}),
    };
  }
  throw new Error(`"${url}" uses ${parsed.protocol} which Berth cannot reach; use unix://, tcp:// or ssh://.`);
}

/** Where the docker CLI reads a tcp:// engine's ca.pem, cert.pem and key.pem: DOCKER_CERT_PATH, else ~/.docker. */
export function certFolder(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CERT_PATH ?? join(env.HOME ?? '', '.docker');
}
