import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EngineTls } from '../contract/types.js';

/** One docker CLI context's Docker endpoint, as `docker context ls` shows it. */
export interface DockerContext {
  name: string;
  /** Endpoints.docker.Host: unix:///…, tcp://…, ssh://… */
  host: string;
  /** TLS material the CLI keeps for this context (contexts/tls/<hash>/docker/*.pem), and SkipTLSVerify. */
  tls?: EngineTls;
  description?: string;
}

/** The CLI's configuration folder: $DOCKER_CONFIG, else ~/.docker. */
export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env, home = env.HOME ?? homedir()): string {
  return env.DOCKER_CONFIG || join(home, '.docker');
}

/** The folder name the CLI's context store gives a context: the sha256 hex of its name (docker/cli cli/context/store). */
export function contextDirName(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

/**
 * The context the CLI acts on: DOCKER_CONTEXT, else config.json's `currentContext`, else "default".
 * Unreadable or malformed config means "default", as the CLI falls back.
 */
export function currentContextName(env: NodeJS.ProcessEnv = process.env, configDir = dockerConfigDir(env)): string {
  if (env.DOCKER_CONTEXT) return env.DOCKER_CONTEXT;
  try {
    const config = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')) as { currentContext?: unknown };
    return typeof config.currentContext === 'string' && config.currentContext ? config.currentContext : 'default';
  } catch {
    return 'default';
  }
}

/**
 * Every context in the CLI's store (contexts/meta/<hash>/meta.json) with a Docker endpoint, sorted by
 * name, read synchronously because it is a handful of small files. A meta.json that is unreadable or
 * has no docker Host is left out (the CLI lists it with an error; Berth cannot reach it either).
 * The "default" context is not in the store: it is DOCKER_HOST or the default socket.
 */
export function readDockerContexts(configDir: string): DockerContext[] {
  const metaRoot = join(configDir, 'contexts', 'meta');
  let folders: string[];
  try {
    folders = readdirSync(metaRoot);
  } catch {
    return [];
  }
  const found: DockerContext[] = [];
  for (const folder of folders) {
    try {
      const meta = JSON.parse(readFileSync(join(metaRoot, folder, 'meta.json'), 'utf8')) as {
        Name?: unknown;
        Metadata?: { Description?: unknown };
        Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
      };
      const docker = meta.Endpoints?.docker;
      if (typeof meta.Name !== 'string' || typeof docker?.Host !== 'string' || !docker.Host) continue;
      const tls = contextTls(configDir, folder, docker.SkipTLSVerify === true);
      const description = typeof meta.Metadata?.Description === 'string' && meta.Metadata.Description ? meta.Metadata.Description : undefined;
      found.push({ name: meta.Name, host: docker.Host, ...(tls ? { tls } : {}), ...(description ? { description } : {}) });
    } catch {
      // A broken context is skipped, never a failed list.
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

function contextTls(configDir: string, folder: string, skipVerify: boolean): EngineTls | undefined {
  const dir = join(configDir, 'contexts', 'tls', folder, 'docker');
  const file = (name: string) => (existsSync(join(dir, name)) ? join(dir, name) : undefined);
  const ca = file('ca.pem');
  const cert = file('cert.pem');
  const key = file('key.pem');
  if (!ca && !cert && !key && !skipVerify) return undefined;
  return { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}), ...(skipVerify ? { skipVerify } : {}) };
}

/**
 * Writes a context exactly as `docker context create NAME --docker host=…,ca=…,cert=…,key=…` does:
 * contexts/meta/<sha256(name)>/meta.json holding {"Name","Metadata":{},"Endpoints":{"docker":{"Host",
 * "SkipTLSVerify"}}}, and copies of the TLS files under contexts/tls/<sha256(name)>/docker/ (0600),
 * so `docker context ls` and `docker --context NAME` see it. Replaces a context of that name.
 * Rejects with the file system's error (a missing TLS file: ENOENT).
 */
export async function writeDockerContext(configDir: string, context: DockerContext): Promise<void> {
  const folder = contextDirName(context.name);
  const tlsDir = join(configDir, 'contexts', 'tls', folder, 'docker');
  // Read every TLS file before writing anything, so a missing one leaves no half-made context.
  const material: [string, Buffer][] = [];
  for (const [field, file] of [['ca', 'ca.pem'], ['cert', 'cert.pem'], ['key', 'key.pem']] as const) {
    const source = context.tls?.[field];
    if (source) material.push([file, await readFile(source)]);
  }
  const metaDir = join(configDir, 'contexts', 'meta', folder);
  await mkdir(metaDir, { recursive: true, mode: 0o755 });
  const meta = { Name: context.name, Metadata: {}, Endpoints: { docker: { Host: context.host, SkipTLSVerify: context.tls?.skipVerify === true } } };
  await writeFile(join(metaDir, 'meta.json'), JSON.stringify(meta), { mode: 0o644 });
  await rm(join(configDir, 'contexts', 'tls', folder), { recursive: true, force: true });
  if (material.length > 0) {
    await mkdir(tlsDir, { recursive: true, mode: 0o700 });
    for (const [file, bytes] of material) {
      await writeFile(join(tlsDir, file), bytes, { mode: 0o600 });
      await chmod(join(tlsDir, file), 0o600);
    }
  }
}

/** Removes a context's meta and TLS folders, as `docker context rm NAME`. A context that is not there is no error. */
export async function removeDockerContext(configDir: string, name: string): Promise<void> {
  const folder = contextDirName(name);
  await rm(join(configDir, 'contexts', 'meta', folder), { recursive: true, force: true });
  await rm(join(configDir, 'contexts', 'tls', folder), { recursive: true, force: true });
}

/** Whether a context of that name is in the store. */
export async function dockerContextExists(configDir: string, name: string): Promise<boolean> {
  try {
    return (await readdir(join(configDir, 'contexts', 'meta', contextDirName(name)))).includes('meta.json');
  } catch {
    return false;
  }
}
