import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeRegistryLogin, savedRegistryLogins, saveRegistryLogin } from './registry-auth.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('saved registry logins', () => {
  it('keeps every login when several are saved at once, and logs out of each', async () => {
    dir = await mkdtemp(join(tmpdir(), 'berth-auth-'));
    const env = { DOCKER_CONFIG: dir };
    const servers = Array.from({ length: 8 }, (_, i) => `registry-${i}.example:5000`);
    await Promise.all(servers.map((s) => saveRegistryLogin(s, 'me', 'secret', env)));
    expect((await savedRegistryLogins(env)).sort()).toEqual(servers.sort());
    await Promise.all(servers.map((s) => removeRegistryLogin(s, env)));
    expect(await savedRegistryLogins(env)).toEqual([]);
  });

  it('refuses to log out of a registry with no saved login, and writes nothing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'berth-auth-'));
    const env = { DOCKER_CONFIG: dir };
    await expect(removeRegistryLogin('nowhere.example', env)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      reason: 'registryNotLoggedIn',
      params: { server: 'nowhere.example' },
    });
    expect(await savedRegistryLogins(env)).toEqual([]);
  });
});
