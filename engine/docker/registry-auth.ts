import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { BerthError } from '../contract/errors.js';
import { registryDomain } from '../contract/reference.js';
import { logFor } from '../shared/log.js';

const log = logFor('registries');

/** Credentials for one registry, as the engine's X-Registry-Auth header wants them. */
export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
}

interface DockerConfigFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

/**
 * Docker Hub's credentials live under its old v1 address, as the CLI stores them, however the
 * person wrote Hub's address (docker.io, index.docker.io, https://index.docker.io/v1/).
 */
export function configKeyFor(domain: string): string {
  const registry = registryDomain(domain);
  return registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
}

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.DOCKER_CONFIG ?? join(env.HOME ?? homedir(), '.docker'), 'config.json');
}

/**
 * The person's saved login for a registry, read the way the docker CLI reads it: a credential helper
 * for that registry, else the default credential store, else the base64 `auth` in config.json.
 * Undefined when there is none (anonymous). Never logged.
 */
export async function registryAuthFor(domain: string, env: NodeJS.ProcessEnv = process.env): Promise<RegistryAuth | undefined> {
  let config: DockerConfigFile;
  try {
    config = JSON.parse(await readFile(dockerConfigPath(env), 'utf8')) as DockerConfigFile;
  } catch {
    return undefined;
  }
  const key = configKeyFor(domain);
  const helper = config.credHelpers?.[domain] ?? config.credHelpers?.[key] ?? config.credsStore;
  if (helper) {
    const fromHelper = await askCredentialHelper(helper, key);
    if (fromHelper) return fromHelper;
  }
  const entry = config.auths?.[key] ?? config.auths?.[`https://${key}`] ?? config.auths?.[`http://${key}`];
  if (!entry) return undefined;
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const split = decoded.indexOf(':');
    if (split > 0) return { username: decoded.slice(0, split), password: decoded.slice(split + 1), serveraddress: key };
  }
  if (entry.username && entry.password) return { username: entry.username, password: entry.password, serveraddress: key };
  return undefined;
}

function askCredentialHelper(helper: string, serverAddress: string): Promise<RegistryAuth | undefined> {
  if (!/^[a-z0-9-]+$/i.test(helper)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const child = execFile(`docker-credential-${helper}`, ['get'], { timeout: 10_000 }, (error, stdout) => {
      if (error) return resolve(undefined);
      try {
        const { Username, Secret } = JSON.parse(stdout) as { Username?: string; Secret?: string };
        resolve(Username && Secret ? { username: Username, password: Secret, serveraddress: serverAddress } : undefined);
      } catch {
        // Not logged: a JSON parse error quotes the text, and this text holds the secret.
        resolve(undefined);
      }
    });
    child.stdin?.end(serverAddress);
  });
}

async function readConfig(env: NodeJS.ProcessEnv): Promise<DockerConfigFile & Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(dockerConfigPath(env), 'utf8')) as DockerConfigFile & Record<string, unknown>;
  } catch {
    return {};
  }
}

async function writeConfig(config: DockerConfigFile & Record<string, unknown>, env: NodeJS.ProcessEnv): Promise<void> {
  const path = dockerConfigPath(env);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // Unique per write: two writes sharing one temporary file made one rename fail with ENOENT.
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${JSON.stringify(config, null, '\t')}\n`, { mode: 0o600 });
  await rename(temporary, path);
}

/**
 * Saves a login the way `docker login` does: into the credential helper when one is configured for
 * the registry (or as the default store), else as base64 `auth` in config.json (mode 0600). Every
 * other key of the file is kept as it was.
 */
export function saveRegistryLogin(domain: string, username: string, password: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return oneAtATime(async () => {
    const config = await readConfig(env);
    const key = configKeyFor(domain);
    const helper = config.credHelpers?.[domain] ?? config.credHelpers?.[key] ?? config.credsStore;
    if (helper && /^[a-z0-9-]+$/i.test(helper)) {
      await runCredentialHelper(helper, 'store', JSON.stringify({ ServerURL: key, Username: username, Secret: password }));
      config.auths = { ...config.auths, [key]: {} };
    } else {
      config.auths = { ...config.auths, [key]: { auth: Buffer.from(`${username}:${password}`).toString('base64') } };
    }
    await writeConfig(config, env);
  });
}

/**
 * Forgets a saved login (docker logout). Throws NOT_FOUND (reason registryNotLoggedIn, params
 * server) when there is none, rather than rewriting the file for nothing.
 */
export function removeRegistryLogin(domain: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return oneAtATime(async () => {
    const config = await readConfig(env);
    const key = configKeyFor(domain);
    const saved = [key, `https://${key}`, `http://${key}`].filter((k) => config.auths && Object.hasOwn(config.auths, k));
    if (!saved.length) {
      throw new BerthError('NOT_FOUND', `Berth has no saved login for ${domain}, so there is nothing to log out of.`, undefined, {
        reason: 'registryNotLoggedIn',
        params: { server: domain },
      });
    }
    const helper = config.credHelpers?.[domain] ?? config.credHelpers?.[key] ?? config.credsStore;
    if (helper && /^[a-z0-9-]+$/i.test(helper)) await runCredentialHelper(helper, 'erase', key).catch(log.fallback('erasing a login from the credential helper', undefined));
    for (const k of saved) delete config.auths![k];
    await writeConfig(config, env);
  });
}

/** Read-modify-write of the docker config one at a time, so two logins at once both stay saved. */
let configQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = configQueue.then(work, work);
  configQueue = next.catch(() => undefined);
  return next;
}

/** Registries the person has a saved login for (never the secrets themselves). */
export async function savedRegistryLogins(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const config = await readConfig(env);
  return Object.keys(config.auths ?? {}).map((key) => (key === 'https://index.docker.io/v1/' ? 'docker.io' : key));
}

function runCredentialHelper(helper: string, action: 'store' | 'erase', input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(`docker-credential-${helper}`, [action], { timeout: 10_000 }, (error) => (error ? reject(error) : resolve()));
    child.stdin?.end(input);
  });
}
