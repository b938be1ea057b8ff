import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readlinkSync } from 'node:fs';
import { chown, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EngineManager } from '../engine-manager.js';
import { requireDockerHost } from '../testing/engine-env.js';
import { leaseCliEngine } from './cli-engine.js';
import { staleFoldersSwept } from './engine-folders.js';

// A Berth killed during a Compose run on a TLS or SSH engine leaves its private temp folder behind
// (release never ran). The next Berth removes those at start: only its own user's real folders,
// only of a Berth process that is gone, never anything a symbolic link points at.
let scratch = '';
let temp = '';
let manager: EngineManager | undefined;
const savedTmp = process.env.TMPDIR;

/** The pid of a process that has ended (its number is free, as a killed Berth's is). */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await once(child, 'exit');
  return child.pid!;
}

/** This process's pid namespace, as engine-folders.ts names its folders. */
const ns = /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))![1]!;

const live = spawn('sleep', ['300']);
afterAll(async () => {
  live.kill();
  await manager?.close();
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  await rm(scratch, { recursive: true, force: true });
});

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'berth-sweep-'));
  temp = join(scratch, 'tmp');
  await mkdir(temp);
});

it('at start, removes the engine folders a dead Berth left and keeps a live one’s, another user’s, and what a link points at', async () => {
  const dead = await deadPid();
  const keyFile = join(scratch, 'key.pem');
  await writeFile(keyFile, 'the person’s key');
  // A dead Berth's TLS folder: links to the person's files (the files themselves stay).
  const stale = join(temp, `berth-engine-tls-${ns}-${dead}-a1B2c3`);
  await mkdir(stale, { mode: 0o700 });
  await symlink(keyFile, join(stale, 'key.pem'));
  const staleSsh = join(temp, `berth-engine-ssh-${ns}-${dead}-d4E5f6`);
  await mkdir(staleSsh, { mode: 0o700 });
  await writeFile(join(staleSsh, 'docker.sock'), '');
  // A running Berth's SSH folder.
  const alive = join(temp, `berth-engine-ssh-${ns}-${live.pid}-Zz9Yy8`);
  await mkdir(alive, { mode: 0o700 });
  // A link named like one, pointing out of the temp folder: neither it nor what it names is touched.
  const outside = join(scratch, 'outside');
  await mkdir(outside);
  await writeFile(join(outside, 'keep.txt'), 'keep');
  const link = join(temp, `berth-engine-tls-${ns}-${dead}-L1nk00`);
  await symlink(outside, link);
  // Names Berth never made this way (no pid: older Berths' or someone else's).
  const unnamed = join(temp, 'berth-engine-tls-Ab12Cd');
  await mkdir(unnamed);
  // A Berth in another pid namespace sharing this temp folder (a container's): its pid means nothing here.
  const foreign = join(temp, `berth-engine-tls-1-${dead}-F0r31g`);
  await mkdir(foreign, { mode: 0o700 });
  const other = join(temp, `berth-engine-ssh-${ns}-${dead}-0ther1`);
  await mkdir(other, { mode: 0o700 });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await chown(other, 65534, 65534);

  process.env.TMPDIR = temp;
  manager = await EngineManager.start({ engineUrl: requireDockerHost(), dataDir: join(scratch, 'data'), runtimeDir: join(scratch, 'run') });
  await staleFoldersSwept();

  expect(existsSync(stale)).toBe(false);
  expect(existsSync(staleSsh)).toBe(false);
  expect(await readFile(keyFile, 'utf8')).toBe('the person’s key');
  expect(existsSync(alive)).toBe(true);
  expect((await lstat(link)).isSymbolicLink()).toBe(true);
  expect(await readdir(outside)).toEqual(['keep.txt']);
  expect(existsSync(unnamed)).toBe(true);
  expect(existsSync(foreign)).toBe(true);
  // Another user's folder of that name stays (only root can make one here to check).
  if (asRoot) expect(existsSync(other)).toBe(true);
});

// A Berth restarted under the pid of the one that died (pid 1 in a container) removes what that one
// left, but never a folder of its own that a running Compose uses.
it('under its own pid, removes a leftover and keeps the folder of its own running lease', async () => {
  process.env.TMPDIR = temp;
  const lease = await leaseCliEngine({ url: 'ssh://me@build-box', sshTunnel: { openChannel: () => Promise.reject(new Error('not used')) } });
  const held = lease.vars.DOCKER_HOST.replace(/^unix:\/\//, '').replace(/\/docker\.sock$/, '');
  expect(held.startsWith(join(temp, `berth-engine-ssh-${ns}-${process.pid}-`))).toBe(true);
  const leftover = join(temp, `berth-engine-tls-${ns}-${process.pid}-Old123`);
  await mkdir(leftover, { mode: 0o700 });

  const second = await EngineManager.start({ engineUrl: requireDockerHost(), dataDir: join(scratch, 'data'), runtimeDir: join(scratch, 'run') });
  await staleFoldersSwept();
  await second.close();
  expect(existsSync(leftover)).toBe(false);
  expect(existsSync(held)).toBe(true);
  await lease.release();
  expect(existsSync(held)).toBe(false);
});
