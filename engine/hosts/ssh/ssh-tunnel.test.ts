import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HostKeyStore } from './host-keys.js';
import { SshTunnel } from './ssh-tunnel.js';

const dir = mkdtempSync(join(tmpdir(), 'berth-tunnel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('unlocking a key file the last login skipped', () => {
  it('says the key is no longer one to unlock when its file went away meanwhile (it failed as an unexpected error)', async () => {
    const tunnel = new SshTunnel({ host: '127.0.0.1', port: 22 }, { hostKeys: {} as HostKeyStore });
    const gone = join(dir, 'id_ed25519');
    tunnel.lockedKeys = [gone, dir];
    await expect(tunnel.unlock(gone, 'secret')).rejects.toMatchObject({ reason: 'sshKeyNotLocked', params: { key: gone } });
    // A folder where the file was: the same.
    await expect(tunnel.unlock(dir, 'secret')).rejects.toMatchObject({ reason: 'sshKeyNotLocked', params: { key: dir } });
    expect(tunnel.lockedKeys).toEqual([]);
  });
});
