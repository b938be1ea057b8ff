import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EngineEndpoint, SavedEngine } from '../contract/types.js';
import { detectEndpoints, endpointId, type DetectOptions } from './detect.js';
import { currentContextName, dockerConfigDir, readDockerContexts } from './docker-contexts.js';

/**
 * What Berth remembers as the person's choice of engine: 'context:NAME' and 'saved:NAME' for those
 * (their address and TLS files are looked up again, so an edited context is followed), else the URL.
 */
export function choiceKey(endpoint: EngineEndpoint): string {
  if (endpoint.source === 'context' && endpoint.contextName && endpoint.contextName !== 'default') return `context:${endpoint.contextName}`;
  if (endpoint.source === 'saved' && endpoint.name) return `saved:${endpoint.name}`;
  return endpoint.url;
}

export interface CatalogOptions extends DetectOptions {
  saved?: SavedEngine[];
}

/**
 * Every engine the person can switch to, but Berth's own: the engines saved in Berth, what
 * detection finds (DOCKER_HOST, the usual sockets), and every docker CLI context with its TLS files,
 * the CLI's current context marked. Each context is its own entry (two contexts may name one
 * address with different TLS files), keyed by its name; the "default" context marks the entry it
 * stands for (DOCKER_HOST, else /var/run/docker.sock). A context Berth wrote for a saved engine is
 * listed once, as that saved engine.
 */
export function catalogEndpoints(options: CatalogOptions = {}): EngineEndpoint[] {
  const env = options.env ?? process.env;
  const configDir = dockerConfigDir(env, options.home);
  const current = currentContextName(env, configDir);
  const found: EngineEndpoint[] = [];
  for (const saved of options.saved ?? []) {
    found.push({
      id: endpointId(`saved:${saved.name}`),
      url: saved.url,
      source: 'saved',
      name: saved.name,
      ...(saved.tls && Object.values(saved.tls).some(Boolean) ? { tls: saved.tls } : {}),
      ...(saved.wroteContext ? { wroteContext: true } : {}),
    });
  }
  // Detection's own current-context entry is replaced by the full list of contexts below.
  for (const endpoint of detectEndpoints(options)) {
    if (endpoint.source === 'context') continue;
    const tls = endpoint.source === 'env' ? envTls(env, options.home) : undefined;
    found.push(tls ? { ...endpoint, tls } : endpoint);
  }
  const defaultUrl = env.DOCKER_HOST || 'unix:///var/run/docker.sock';
  const standsForDefault = found.find((e) => e.url === defaultUrl && (e.source === 'env' || e.source === 'default-socket'));
  if (standsForDefault) {
    standsForDefault.contextName = 'default';
    if (current === 'default') standsForDefault.currentContext = true;
  } else {
    found.push({
      id: endpointId(defaultUrl),
      url: defaultUrl,
      source: env.DOCKER_HOST ? 'env' : 'default-socket',
      contextName: 'default',
      ...(current === 'default' ? { currentContext: true } : {}),
    });
  }
  // A context Berth wrote for a saved engine is that engine: listed once, as the saved one.
  const written = new Set((options.saved ?? []).filter((e) => e.wroteContext).map((e) => e.name));
  for (const context of readDockerContexts(configDir)) {
    if (written.has(context.name)) continue;
    found.push({
      id: endpointId(`context:${context.name}`),
      url: context.host,
      source: 'context',
      contextName: context.name,
      ...(context.tls ? { tls: context.tls } : {}),
      ...(context.name === current ? { currentContext: true } : {}),
    });
  }
  return found;
}

/**
 * DOCKER_HOST's TLS files, as the docker CLI reads them: with DOCKER_TLS_VERIFY set (non-empty),
 * ca.pem, cert.pem and key.pem in DOCKER_CERT_PATH, else in ~/.docker.
 */
function envTls(env: NodeJS.ProcessEnv, home?: string) {
  if (!env.DOCKER_TLS_VERIFY || !env.DOCKER_HOST?.startsWith('tcp://')) return undefined;
  const dir = env.DOCKER_CERT_PATH || join(home ?? env.HOME ?? homedir(), '.docker');
  return { ca: join(dir, 'ca.pem'), cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') };
}

/** The catalog entry a remembered choice names (see choiceKey), if it is still there. */
export function findChoice(endpoints: EngineEndpoint[], key: string): EngineEndpoint | undefined {
  return endpoints.find((e) => choiceKey(e) === key) ?? endpoints.find((e) => e.url === key);
}
