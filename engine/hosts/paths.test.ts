import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { berthPaths } from './paths.js';

/** Issue 17: Berth's folders come from the system's own places, never a shared /tmp path. */
describe('berthPaths', () => {
  afterEach(() => vi.restoreAllMocks());

  it('puts a normal user without XDG_RUNTIME_DIR in a runtime folder of their own, not a guessable /tmp name', () => {
    vi.spyOn(process, 'getuid').mockReturnValue(1000);
    const paths = berthPaths({ HOME: process.env.HOME });
    for (const dir of [paths.dataDir, paths.configDir, paths.cacheDir, paths.logDir, paths.runtimeDir]) {
      expect(dir.startsWith('/tmp/') || dir.startsWith(`${tmpdir()}/`)).toBe(false);
    }
    expect(paths.runtimeDir).toBe(`${paths.cacheDir}/run`);
  });

  it('follows XDG_RUNTIME_DIR, and keeps every folder under BERTH_DATA_DIR when only that is set', () => {
    const paths = berthPaths({ BERTH_DATA_DIR: '/d', XDG_RUNTIME_DIR: '/run/user/1000' });
    expect(paths).toMatchObject({ dataDir: '/d', configDir: '/d/config', cacheDir: '/d/cache', logDir: '/d/logs', runtimeDir: '/run/user/1000/berth' });
  });

  it('takes each folder from its own override', () => {
    const env = { BERTH_DATA_DIR: '/d', BERTH_CONFIG_DIR: '/c', BERTH_CACHE_DIR: '/k', BERTH_LOG_DIR: '/l', BERTH_RUNTIME_DIR: '/r' };
    expect(berthPaths(env)).toMatchObject({ dataDir: '/d', configDir: '/c', cacheDir: '/k', logDir: '/l', runtimeDir: '/r' });
  });
});
