import { describe, expect, it } from 'vitest';
import { readAnnouncements } from './serial-console.js';

describe('readAnnouncements', () => {
  it('follows the stages and picks up the host key', () => {
    const log = [
      'SeaBIOS (version 1.16)',
      'berth: stage kernel',
      'berth: stage init 1.92',
      'berth: stage network 2.40',
      'berth: hostkey ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFx berth-vm',
      'berth: stage sshd 3.1',
    ].join('\r\n');
    expect(readAnnouncements(log)).toEqual({
      stage: 'sshd',
      hostKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFx',
    });
  });

  it('forgets an earlier boot once a new one starts', () => {
    const log = 'berth: stage ready\nberth: error dockerd exited\nberth: stage poweroff\nberth: stage kernel\n';
    expect(readAnnouncements(log)).toEqual({ stage: 'kernel', hostKey: undefined, error: undefined });
  });

  it('reports the guest’s own errors; its shutdown stages leave the last boot stage as it was', () => {
    expect(readAnnouncements('berth: stage dockerd\nberth: error dockerd exited: no space\n').error).toBe('dockerd exited: no space');
    expect(readAnnouncements('berth: stage ready\nberth: stage stopping 40.1\n').stage).toBe('ready');
  });

  it('ignores host keys that are not plain ed25519 keys', () => {
    expect(readAnnouncements('berth: hostkey ssh-rsa AAAA\nberth: hostkey ssh-ed25519 AA;rm\n').hostKey).toBeUndefined();
  });
});
