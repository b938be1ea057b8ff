import { describe, expect, it } from 'vitest';
import { subnetOf } from './bridge.js';

describe('subnetOf', () => {
  it('gives the network of a bridge address', () => {
    expect(subnetOf('172.31.250.1/24')).toBe('172.31.250.0/24');
    expect(subnetOf('10.1.2.3/16')).toBe('10.1.0.0/16');
    expect(subnetOf('192.168.7.130/25')).toBe('192.168.7.128/25');
  });

  it('refuses what is not an address with a prefix', () => {
    expect(() => subnetOf('300.1.1.1/24')).toThrow(/e\.g\. 172\.31\.250\.1\/24/);
    expect(() => subnetOf('10.0.0.1')).toThrow();
  });
});
