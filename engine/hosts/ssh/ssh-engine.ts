import type { DockerOptions } from 'dockerode';
import { homedir } from 'node:os';
import { parseEngineUrl } from '../../docker/client.js';
import { defaultHostKeyFiles, HostKeyStore } from './host-keys.js';
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
  const tunnel = new SshTunnel(
    {
      host: parsed.host,
      port: parsed.port,
      ...(parsed.user ? { user: parsed.user } : {}),
      socketPath: parsed.socketPath ?? '/var/run/docker.sock',
    },
    { hostKeys: new HostKeyStore(defaultHostKeyFiles(env.HOME ?? homedir(), options.dataDir)), env },
  );
  // docker-modem sends every request through the agent when one is given (lib/modem.js buildRequest);
  // host and port only fill the request line.
  return { docker: { protocol: 'http', host: 'docker', port: 80, agent: tunnel.agent() } as DockerOptions, tunnel };
}
