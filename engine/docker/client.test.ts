import { describe, expect, it } from 'vitest';
import { dockerOptionsFor, parseEngineUrl } from './client.js';

describe('parseEngineUrl', () => {
  it('reads the addresses DOCKER_HOST takes', () => {
    expect(parseEngineUrl('unix:///var/run/docker.sock')).toEqual({ kind: 'socket', path: '/var/run/docker.sock' });
    expect(parseEngineUrl('tcp://10.0.0.2:2375')).toEqual({ kind: 'tcp', host: '10.0.0.2', port: 2375 });
    expect(parseEngineUrl('ssh://me@build-box')).toEqual({ kind: 'ssh', host: 'build-box', port: 22, user: 'me' });
    // A path names the remote engine's socket (Berth's addition; the docker CLI refuses one).
    expect(parseEngineUrl('ssh://root@127.0.0.1:2222/run/user/1000/docker.sock')).toEqual({
      kind: 'ssh',
      host: '127.0.0.1',
      port: 2222,
      user: 'root',
      socketPath: '/run/user/1000/docker.sock',
    });
    expect(parseEngineUrl('ssh://build-box/')).toEqual({ kind: 'ssh', host: 'build-box', port: 22 });
    expect(parseEngineUrl('npipe:////./pipe/docker_engine')).toEqual({ kind: 'socket', path: '\\\\.\\pipe\\docker_engine' });
  });

  it('refuses what it cannot reach, saying what would work', () => {
    expect(() => parseEngineUrl('ftp://x')).toThrow(/unix:\/\/, tcp:\/\/ or ssh:\/\//);
    expect(() => parseEngineUrl('unix://relative.sock')).toThrow(/absolute socket path/);
    expect(() => parseEngineUrl('not a url')).toThrow(/not an engine address/);
  });
});

describe('dockerOptionsFor', () => {
  it('uses plain HTTP on 2375 unless TLS is asked for', () => {
    expect(dockerOptionsFor('tcp://h:2375', {})).toEqual({ host: 'h', port: 2375, protocol: 'http' });
  });
});
