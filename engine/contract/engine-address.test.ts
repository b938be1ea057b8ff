import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isRemoteAddress, needsPlainTcpConsent } from './engine-address';

describe('engine addresses', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['192.168.1.20', false],
    ['build.example.com', false],
    ['127.0.0.1.example.com', false],
    ['::', false],
  ])('loopback %s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });

  it.each([
    ['unix:///var/run/docker.sock', false],
    ['tcp://127.0.0.1:2375', false],
    ['tcp://[::1]:2375', false],
    ['tcp://10.0.0.5:2376', true],
    ['ssh://me@build.example.com', true],
    ['ssh://me@localhost', false],
  ])('remote %s → %s', (url, expected) => {
    expect(isRemoteAddress(url)).toBe(expected);
  });

  it('asks before plain tcp to another computer, never for loopback or TLS', () => {
    expect(needsPlainTcpConsent({ url: 'tcp://10.0.0.5:2375' })).toBe(true);
    expect(needsPlainTcpConsent({ url: 'tcp://127.0.0.1:2375' })).toBe(false);
    expect(needsPlainTcpConsent({ url: 'tcp://10.0.0.5:2376' })).toBe(false);
    expect(needsPlainTcpConsent({ url: 'tcp://10.0.0.5:2375', tls: { ca: '/ca.pem' } })).toBe(false);
    expect(needsPlainTcpConsent({ url: 'tcp://10.0.0.5:2375' }, { DOCKER_TLS_VERIFY: '1' })).toBe(false);
    expect(needsPlainTcpConsent({ url: 'ssh://me@10.0.0.5' })).toBe(false);
  });
});
