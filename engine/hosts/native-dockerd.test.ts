import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NativeEngineStatus } from '../contract/types.js';
import { NativeDockerd } from './native-dockerd.js';
import { maxRestartsInARow } from './restart-policy.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

/**
 * A real executable in dockerd's place that dies on every start, as dockerd does with a flag it
 * does not know; each start leaves a line in `starts`.
 */
async function dyingDockerd(): Promise<{ dir: string; starts: string; env: NodeJS.ProcessEnv }> {
  const dir = await mkdtemp(join(tmpdir(), 'berth-native-'));
  folders.push(dir);
  const starts = join(dir, 'starts');
  const script = join(dir, 'bin', 'dockerd-rootless.sh');
  await mkdir(join(dir, 'bin'));
  await writeFile(script, `#!/bin/sh\necho start >> '${starts}'\necho 'unknown flag: --bogus' >&2\nexit 1\n`);
  await chmod(script, 0o755);
  return { dir, starts, env: { PATH: `${join(dir, 'bin')}:/usr/bin:/bin` } };
}

function until(engine: NativeDockerd, wanted: (s: NativeEngineStatus) => boolean): Promise<NativeEngineStatus> {
  return new Promise((resolve) => {
    if (wanted(engine.status)) return resolve(engine.status);
    const stop = engine.statusChanges.add((s) => {
      if (wanted(s)) {
        stop();
        resolve(s);
      }
    });
  });
}

describe('NativeDockerd supervision', () => {
  it('restarts a dockerd that dies on every start with back-off, then gives up and says so', async () => {
    const { dir, starts, env } = await dyingDockerd();
    const engine = new NativeDockerd({ dataDir: join(dir, 'data'), runtimeDir: join(dir, 'run'), rootful: false, env, restartBackoffMinMs: 10, restartBackoffMaxMs: 40 });
    const waits: number[] = [];
    engine.statusChanges.add((s) => s.retryInMs !== undefined && waits.push(s.retryInMs));
    const gaveUp = until(engine, (s) => s.state === 'failed');
    await engine.start();
    const status = await gaveUp;
    expect(status.error?.message).toMatch(new RegExp(`stopped ${maxRestartsInARow + 1} times in a row .*Berth stopped restarting it`));
    expect(status.retryInMs).toBeUndefined();
    expect(waits).toEqual([10, 20, 40]);
    expect((await readFile(starts, 'utf8')).trim().split('\n')).toHaveLength(maxRestartsInARow + 1);

    // A person's Start tries again, with the full number of restarts.
    expect((await engine.start()).state).toBe('restarting');
    await until(engine, (s) => s.state === 'failed');
    expect((await readFile(starts, 'utf8')).trim().split('\n')).toHaveLength(2 * (maxRestartsInARow + 1));
    await engine.stop();
  }, 20_000);

  it('refuses a runtime folder that is a symbolic link, before running anything', async () => {
    const { dir, starts, env } = await dyingDockerd();
    await mkdir(join(dir, 'elsewhere'), { mode: 0o700 });
    await symlink(join(dir, 'elsewhere'), join(dir, 'run'));
    const engine = new NativeDockerd({ dataDir: join(dir, 'data'), runtimeDir: join(dir, 'run'), rootful: false, env });
    const status = await engine.start();
    expect(status.state).toBe('failed');
    expect(status.error?.message).toContain('is a symbolic link');
    expect(existsSync(starts)).toBe(false);
    await engine.stop();
  });

  it('never signals a process a stale pid file names', async () => {
    const { dir, env } = await dyingDockerd();
    await mkdir(join(dir, 'run', 'engine'), { recursive: true, mode: 0o700 });
    const stranger = spawn('sleep', ['30']);
    try {
      await writeFile(join(dir, 'run', 'engine', 'dockerd.pid'), `${stranger.pid}\n`);
      const engine = new NativeDockerd({ dataDir: join(dir, 'data'), runtimeDir: join(dir, 'run'), rootful: false, env, stopTimeoutMs: 200 });
      expect((await engine.stop()).state).toBe('stopped');
      expect(stranger.exitCode).toBeNull();
      expect(stranger.signalCode).toBeNull();
    } finally {
      stranger.kill();
      await once(stranger, 'exit');
    }
  });
});
