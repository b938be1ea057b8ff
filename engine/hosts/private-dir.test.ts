import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, chown, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir, provenPid } from './private-dir.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'berth-private-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ensurePrivateDir', () => {
  it('creates a missing runtime folder for this user alone (0700), whatever the umask', async () => {
    const previous = process.umask(0o000);
    try {
      await ensurePrivateDir(join(root, 'run', 'berth'));
    } finally {
      process.umask(previous);
    }
    expect((await stat(join(root, 'run', 'berth'))).mode & 0o777).toBe(0o700);
    // Again: an existing private folder of ours is fine.
    await expect(ensurePrivateDir(join(root, 'run', 'berth'))).resolves.toBeUndefined();
  });

  it('refuses a symbolic link, even to a folder of ours', async () => {
    await mkdir(join(root, 'elsewhere'), { mode: 0o700 });
    await symlink(join(root, 'elsewhere'), join(root, 'berth-1000'));
    await expect(ensurePrivateDir(join(root, 'berth-1000'))).rejects.toMatchObject({ code: 'ENGINE_UNAVAILABLE', message: expect.stringContaining('is a symbolic link') });
  });

  it('refuses a folder others can write into', async () => {
    await mkdir(join(root, 'open'));
    await chmod(join(root, 'open'), 0o777);
    await expect(ensurePrivateDir(join(root, 'open'))).rejects.toMatchObject({ message: expect.stringContaining('can be written by others (mode 0777)') });
    await chmod(join(root, 'open'), 0o770);
    await expect(ensurePrivateDir(join(root, 'open'))).rejects.toMatchObject({ message: expect.stringContaining('mode 0770') });
  });

  it('refuses a folder someone else made first, and a file in its place', async () => {
    await mkdir(join(root, 'theirs'), { mode: 0o700 });
    const other = process.getuid!() === 65534 ? 65533 : 65534;
    // Only root can hand a folder to another user; elsewhere this case cannot be set up.
    if (process.getuid!() === 0) {
      await chown(join(root, 'theirs'), other, other);
      await expect(ensurePrivateDir(join(root, 'theirs'))).rejects.toMatchObject({ message: expect.stringContaining(`belongs to another user (uid ${other})`) });
    }
    await writeFile(join(root, 'file'), '');
    await expect(ensurePrivateDir(join(root, 'file'))).rejects.toMatchObject({ message: expect.stringContaining('is not a folder') });
  });
});

describe('provenPid', () => {
  it('names a process only when its command line carries the marker Berth gave it', async () => {
    const marker = join(root, 'engine', 'dockerd.pid');
    const ours = spawn('sh', ['-c', 'sleep 30', marker]);
    const stranger = spawn('sleep', ['30']);
    try {
      await writeFile(join(root, 'ours.pid'), `${ours.pid}\n`);
      await writeFile(join(root, 'stale.pid'), `${stranger.pid}\n`);
      await writeFile(join(root, 'junk.pid'), 'not a number');
      expect(await provenPid(join(root, 'ours.pid'), marker)).toBe(ours.pid);
      expect(await provenPid(join(root, 'stale.pid'), marker)).toBeUndefined();
      expect(await provenPid(join(root, 'junk.pid'), marker)).toBeUndefined();
      expect(await provenPid(join(root, 'missing.pid'), marker)).toBeUndefined();
    } finally {
      ours.kill();
      stranger.kill();
      await Promise.all([once(ours, 'exit'), once(stranger, 'exit')]);
    }
  });
});
