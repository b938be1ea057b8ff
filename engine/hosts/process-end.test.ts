import { describe, expect, it } from 'vitest';
import { describeEnd, processEnd } from './process-end.js';

describe('how a process of Berth’s own ended', () => {
  it('keeps the code, the signal, or the first words it said, as data', () => {
    expect(processEnd('dockerd', 1, null)).toEqual({ process: 'dockerd', code: 1 });
    expect(processEnd('QEMU', null, 'SIGKILL')).toEqual({ process: 'QEMU', signal: 'SIGKILL' });
    expect(processEnd('QEMU', 1, null, 'failed to initialize kvm')).toEqual({ process: 'QEMU', said: 'failed to initialize kvm' });
  });

  it('has English for logs and messages', () => {
    expect(describeEnd({ process: 'dockerd', code: 1 })).toBe('dockerd exited with code 1');
    expect(describeEnd({ process: 'QEMU', signal: 'SIGKILL' })).toBe('QEMU killed by SIGKILL');
    expect(describeEnd({ process: 'dockerd', wentAway: true })).toBe('dockerd went away');
  });
});
