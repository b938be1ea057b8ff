import { existsSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { parseEngineUrl } from '../docker/client.js';
import { requireDockerHost } from '../testing/engine-env.js';
import { leaseCliEngine } from './cli-engine.js';

// The forwarded socket's own life, with a tunnel whose channels are plain connections to the test
// engine's socket (the SSH side is remote-engines.int.test.ts's): requests pass both ways, a refused
// channel closes the client's connection, and release leaves nothing behind.
const engine = parseEngineUrl(requireDockerHost());
if (engine.kind !== 'socket') throw new Error('the test engine is a unix socket');
const enginePath = engine.path;

function ping(socketPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: '/_ping' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (t: string) => (body += t));
      res.on('end', () => resolve(`${res.statusCode} ${body}`));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('an SSH engine’s forwarded socket', () => {
  it('carries requests through the tunnel’s channels in a private folder, and is gone after release', async () => {
    let channels = 0;
    const lease = await leaseCliEngine({
      url: 'ssh://me@build-box',
      sshTunnel: {
        openChannel: async () => {
          channels++;
          const socket = connect(enginePath);
          await once(socket, 'connect');
          return socket;
        },
      },
    });
    const path = lease.vars.DOCKER_HOST.replace(/^unix:\/\//, '');
    expect(lease.vars.DOCKER_HOST).toMatch(/^unix:\/\/\/.+\/docker\.sock$/);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
    expect(await Promise.all([ping(path), ping(path)])).toEqual(['200 OK', '200 OK']);
    expect(channels).toBe(2);
    await lease.release();
    expect(existsSync(dirname(path))).toBe(false);
  });

  it('a channel the tunnel refuses ends the client’s connection instead of hanging it', async () => {
    const lease = await leaseCliEngine({ url: 'ssh://me@build-box', sshTunnel: { openChannel: () => Promise.reject(new Error('host key changed')) } });
    const error = await ping(lease.vars.DOCKER_HOST.replace(/^unix:\/\//, '')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    await lease.release();
  });
});
