import { describe, expect, it } from 'vitest';
import { hostPortFree } from './port-check.js';

describe('host port check', () => {
  it('refuses at once an address that is not an IP (it would wait on DNS as a host name)', async () => {
    const started = Date.now();
    await expect(hostPortFree('0.251.05.229', 40_000)).rejects.toMatchObject({ code: 'INVALID_INPUT', reason: 'hostAddressNotIp', params: { address: '0.251.05.229' } });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('answers for a loopback port', async () => {
    expect(['free', 'taken']).toContain(await hostPortFree('127.0.0.1', 0));
  });
});
