import { describe, expect, it } from 'vitest';
import { containerListCommand } from './cli.js';

describe('containerListCommand', () => {
  it('is the docker ps that lists what the Show filter shows (a health filter printed plain “docker ps”)', () => {
    expect(containerListCommand('all')).toBe('docker ps -a');
    expect(containerListCommand('running')).toBe('docker ps');
    expect(containerListCommand('healthy')).toBe('docker ps --filter health=healthy');
    expect(containerListCommand('unhealthy')).toBe('docker ps --filter health=unhealthy');
    expect(containerListCommand('starting')).toBe('docker ps --filter health=starting');
  });
});
