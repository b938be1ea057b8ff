import type { DockerOptions } from 'dockerode';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseEngineUrl } from '../../docker/client.js';
import { defaultHostKeyFiles, HostKeyStore } from './host-keys.js';
import { sshHostConfig } from './ssh-config.js';
import { SshTunnel } from './ssh-tunnel.js';

export interface SshEngineOptions {
  /** Berth's data folder: its pinned host keys live in `ssh/known_hosts` there. */
  dataDir: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * dockerode options for an ssh:// engine, carried by one long-lived SSH tunnel, or undefined for
 * any other address. The remote socket is /var/run/docker.sock unless the address names one.
 */
export function sshDockerOptions(url: string, options: SshEngineOptions): { docker: DockerOptions; tunnel: SshTunnel } | undefined {
  const parsed = parseEngineUrl(url);
  if (parsed.kind !== 'ssh') return undefined;
  const env = options.env ?? process.env;
  const home = env.HOME ?? homedir();
  // As ssh itself would: ~/.ssh/config may name the real host, user, port and keys for an alias;
  // what the address says outright wins (the docker CLI passes it as -l and -p).
  const config = sshHostConfig(readIfThere(join(home, '.ssh', 'config')), parsed.host, home);
  const user = parsed.user ?? config.user;
  const tunnel = new SshTunnel(
    {
      host: config.hostName ?? parsed.host,
      port: new URL(url).port !== '' ? parsed.port : (config.port ?? 22),
      ...(user ? { user } : {}),
      ...(parsed.socketPath ? { socketPath: parsed.socketPath } : {}),
    },
    { hostKeys: new HostKeyStore(defaultHostKeyFiles(home, options.dataDir)), env, identityFiles: config.identityFiles },
  );
  // docker-modem sends every request through the agent when one is given (lib/modem.js buildRequest);
  // host and port only fill the request line.
  return { docker: { protocol: 'http', host: 'docker', port: 80, agent: tunnel.agent() } as DockerOptions, tunnel };
}

function readIfThere(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
