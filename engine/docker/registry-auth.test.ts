import { mkdtemp, rm } from 'node:fs/promises';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseImageReference } from '../contract/reference.js';
import { configKeyFor, registryAuthFor, removeRegistryLogin, savedRegistryLogins, saveRegistryLogin } from './registry-auth.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A docker config folder of its own, as DOCKER_CONFIG, holding `auths`. */
function configWith(auths: Record<string, { auth: string }>): NodeJS.ProcessEnv {
  const folder = mkdtempSync(join(tmpdir(), 'berth-auth-'));
  folders.push(folder);
  writeFileSync(join(folder, 'config.json'), JSON.stringify({ auths }));
  return { DOCKER_CONFIG: folder };
}

const hubLogin = { 'https://index.docker.io/v1/': { auth: Buffer.from('me:pw').toString('base64') } };

describe('saved logins for Docker Hub however it is written', () => {
  it('finds the Hub login for index.docker.io/library/x, as docker does', async () => {
    const env = configWith(hubLogin);
    for (const image of ['x', 'docker.io/library/x', 'index.docker.io/library/x', 'index.docker.io/team/x:1']) {
      const parsed = parseImageReference(image);
      if (!parsed.ok) throw new Error(parsed.problem);
      expect(await registryAuthFor(parsed.reference.domain, env), image).toEqual({ username: 'me', password: 'pw', serveraddress: 'https://index.docker.io/v1/' });
    }
  });

  it('saves a login to index.docker.io under Docker Hub’s key', async () => {
    const env = configWith({});
    await saveRegistryLogin('index.docker.io', 'me', 'pw', env);
    const saved = JSON.parse(readFileSync(join(env.DOCKER_CONFIG!, 'config.json'), 'utf8')) as { auths: object };
    expect(Object.keys(saved.auths)).toEqual(['https://index.docker.io/v1/']);
    expect(configKeyFor('[::1]:5000')).toBe('[::1]:5000');
  });
});

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
