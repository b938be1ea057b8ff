import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EngineEndpoint, EndpointSource } from '../contract/types.js';
import { logFor } from '../shared/log.js';

const log = logFor('engines');

export interface DetectOptions {
  env?: NodeJS.ProcessEnv;
  /** The engine the person chose in Berth, tried before anything found. */
  preferredUrl?: string;
  home?: string;
  exists?: (path: string) => boolean;
  readText?: (path: string) => string;
}

/**
 * Engines this machine offers, in the order the docker CLI would pick them, then the usual sockets:
 * the person's choice, DOCKER_HOST, the current docker context, /var/run/docker.sock, the rootless
 * socket, podman's Docker-compatible socket. Unix sockets are listed only when they exist.
 */
export function detectEndpoints(options: DetectOptions = {}): EngineEndpoint[] {
  const env = options.env ?? process.env;
  const home = options.home ?? env.HOME ?? homedir();
  const exists = options.exists ?? existsSync;
  const readText = options.readText ?? ((p: string) => readFileSync(p, 'utf8'));
  const found: EngineEndpoint[] = [];
  const add = (url: string, source: EndpointSource, contextName?: string) => {
    if (found.some((e) => e.url === url)) return;
    found.push({ id: endpointId(url), url, source, ...(contextName ? { contextName } : {}) });
  };

  if (options.preferredUrl) add(options.preferredUrl, 'user');
  if (env.DOCKER_HOST) add(env.DOCKER_HOST, 'env');

  const context = currentContext(env, home, readText);
  if (context) add(context.url, 'context', context.name);

  const socket = (path: string, source: EndpointSource) => {
    if (exists(path)) add(`unix://${path}`, source);
  };
  socket('/var/run/docker.sock', 'default-socket');
  const runtimeDir = env.XDG_RUNTIME_DIR ?? (typeof process.getuid === 'function' ? `/run/user/${process.getuid()}` : undefined);
  if (runtimeDir) {
    socket(join(runtimeDir, 'docker.sock'), 'rootless');
    socket(join(runtimeDir, 'podman', 'podman.sock'), 'podman');
  }
  socket('/run/podman/podman.sock', 'podman');
  return found;
}

/** A short stable id for an endpoint URL, safe to use in query keys and file names. */
export function endpointId(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 12);
}

/**
 * The current docker context's engine address, read the way the CLI does: DOCKER_CONTEXT, else
 * `currentContext` in ~/.docker/config.json; its metadata lives under contexts/meta/<sha256(name)>.
 */
function currentContext(
  env: NodeJS.ProcessEnv,
  home: string,
  readText: (path: string) => string,
): { name: string; url: string } | undefined {
  const configDir = env.DOCKER_CONFIG ?? join(home, '.docker');
  let name = env.DOCKER_CONTEXT;
  if (!name) {
    try {
      name = (JSON.parse(readText(join(configDir, 'config.json'))) as { currentContext?: string }).currentContext;
    } catch {
      return undefined;
    }
  }
  if (!name || name === 'default') return undefined;
  try {
    const metaPath = join(configDir, 'contexts', 'meta', createHash('sha256').update(name).digest('hex'), 'meta.json');
    const meta = JSON.parse(readText(metaPath)) as { Endpoints?: { docker?: { Host?: string } } };
    const url = meta.Endpoints?.docker?.Host;
    return url ? { name, url } : undefined;
  } catch (error) {
    log.caught('reading a docker context’s endpoint', error);
    return undefined;
  }
}
