import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

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

/** Docker Hub's credentials live under its old v1 address, as the CLI stores them. */
export function configKeyFor(domain: string): string {
  return domain === 'docker.io' ? 'https://index.docker.io/v1/' : domain;
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
        resolve(undefined);
      }
    });
    child.stdin?.end(serverAddress);
  });
}
