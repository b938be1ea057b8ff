import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
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
