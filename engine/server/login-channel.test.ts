import { chmod, chown, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { askLoginAddress, loginSocketPath, serveLoginChannel } from './login-channel.js';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

it('hands each connection a fresh address, over a socket only its own user can open', async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-login-'));
  const runtime = join(dir, 'run');
  // A socket file left by a Berth that was killed does not stop the next one.
  await serveLoginChannel(runtime, () => 'stale').then((s) => new Promise((resolve) => s.close(resolve)));
  await writeFile(loginSocketPath(runtime), '');
  let n = 0;
  const server = await serveLoginChannel(runtime, () => `http://127.0.0.1:1/#token=t${++n}`);
  try {
    expect([await askLoginAddress(runtime), await askLoginAddress(runtime)]).toEqual(['http://127.0.0.1:1/#token=t1', 'http://127.0.0.1:1/#token=t2']);
    expect((await stat(join(runtime, 'web'))).mode & 0o777).toBe(0o700);
    expect((await stat(loginSocketPath(runtime))).mode & 0o777).toBe(0o600);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

it('refuses a login folder that is a symlink, and a runtime folder others may write, touching neither', async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-login-'));
  // Someone who could write the runtime folder points `web` at a folder of the person's own.
  const elsewhere = join(dir, 'elsewhere');
  await mkdir(elsewhere, { mode: 0o755 });
  await chmod(elsewhere, 0o755);
  const linked = join(dir, 'linked');
  await mkdir(linked, { mode: 0o700 });
  await symlink(elsewhere, join(linked, 'web'));
  await expect(serveLoginChannel(linked, () => 'x')).rejects.toThrow(/is a symbolic link/);
  expect((await stat(elsewhere)).mode & 0o777).toBe(0o755);
  expect(await readdir(elsewhere)).toEqual([]);

  // /tmp/berth-<uid> made world-writable (or by someone else) beforehand: they could swap `web` later.
  const open = join(dir, 'open');
  await mkdir(open);
  await chmod(open, 0o777);
  await expect(serveLoginChannel(open, () => 'x')).rejects.toThrow(/can be written by others/);
});

it.runIf(process.getuid?.() === 0)('refuses a login folder another user made first (as root, who could chmod it)', async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-login-'));
  const runtime = join(dir, 'run');
  await mkdir(join(runtime, 'web'), { recursive: true, mode: 0o700 });
  await chown(join(runtime, 'web'), 65534, 65534);
  await expect(serveLoginChannel(runtime, () => 'x')).rejects.toThrow(/belongs to another user/);
  expect((await stat(join(runtime, 'web'))).uid).toBe(65534);
});

// Two web hosts with one runtime folder (two root hosts share /run/berth) used to end with the second
// removing the first's socket and answering in its place: `npm run web:address` then gave the
// second's address to someone asking for the first, and the first, when it stopped, removed the
// second's socket. The channel stays the first's; the second is told, with the path.
it('leaves a running host’s login channel to it: a second host is refused, saying where', async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-login-'));
  const runtime = join(dir, 'run');
  const first = await serveLoginChannel(runtime, () => 'http://127.0.0.1:1/#token=first');
  try {
    const refusal = await serveLoginChannel(runtime, () => 'http://127.0.0.1:2/#token=second').then(
      (second) => new Promise((resolve) => second.close(() => resolve(undefined))),
      (e: unknown) => e,
    );
    expect(refusal).toMatchObject({ code: 'LOGIN_CHANNEL_TAKEN', path: loginSocketPath(runtime) });
    expect(await askLoginAddress(runtime)).toBe('http://127.0.0.1:1/#token=first');
  } finally {
    await new Promise((resolve) => first.close(resolve));
  }
  // Once the first has stopped, the next host takes the channel.
  const next = await serveLoginChannel(runtime, () => 'http://127.0.0.1:3/#token=next');
  expect(await askLoginAddress(runtime)).toBe('http://127.0.0.1:3/#token=next');
  await new Promise((resolve) => next.close(resolve));
});
