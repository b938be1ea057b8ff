import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { detectEndpoints } from './detect.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('detectEndpoints', () => {
  it('orders choices the way the docker CLI would, then the usual sockets', () => {
    const files: Record<string, string> = {
      '/home/me/.docker/config.json': JSON.stringify({ currentContext: 'remote' }),
      [`/home/me/.docker/contexts/meta/${sha('remote')}/meta.json`]: JSON.stringify({
        Endpoints: { docker: { Host: 'ssh://me@box' } },
      }),
    };
    const sockets = new Set(['/var/run/docker.sock', '/run/user/1000/docker.sock', '/run/user/1000/podman/podman.sock']);
    const found = detectEndpoints({
      env: { DOCKER_HOST: 'tcp://127.0.0.1:2375', XDG_RUNTIME_DIR: '/run/user/1000' },
      home: '/home/me',
      preferredUrl: 'unix:///tmp/mine.sock',
      exists: (p) => sockets.has(p),
      readText: (p) => {
        if (!(p in files)) throw new Error('ENOENT');
        return files[p]!;
      },
    });
    expect(found.map((e) => [e.source, e.url])).toEqual([
      ['user', 'unix:///tmp/mine.sock'],
      ['env', 'tcp://127.0.0.1:2375'],
      ['context', 'ssh://me@box'],
      ['default-socket', 'unix:///var/run/docker.sock'],
      ['rootless', 'unix:///run/user/1000/docker.sock'],
      ['podman', 'unix:///run/user/1000/podman/podman.sock'],
    ]);
    expect(found[2]?.contextName).toBe('remote');
  });

  it('lists nothing twice and skips sockets that do not exist', () => {
    const found = detectEndpoints({
      env: { DOCKER_HOST: 'unix:///var/run/docker.sock' },
      home: '/nowhere',
      exists: (p) => p === '/var/run/docker.sock',
      readText: () => {
        throw new Error('ENOENT');
      },
    });
    expect(found.map((e) => e.url)).toEqual(['unix:///var/run/docker.sock']);
  });
});
