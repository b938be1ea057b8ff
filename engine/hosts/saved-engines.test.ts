import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { savedEngineInput, savedEngineRemoveInput, savedEngineUpdateInput } from '../contract/engine-entry';
import { readDockerContexts, writeDockerContext } from './docker-contexts';
import { SavedEngines } from './saved-engines';
import { SettingsFile } from './settings';

let dir: string;
let configDir: string;
let saved: SavedEngines;
const add = (input: object) => saved.add(savedEngineInput.parse(input));
const names = () => readDockerContexts(configDir).map((c) => c.name);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-saved-'));
  configDir = join(dir, 'docker-config');
  saved = new SavedEngines(new SettingsFile(join(dir, 'data')), { DOCKER_CONFIG: configDir });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('engines saved in Berth', () => {
  it('keeps a name, an address and TLS paths; a second engine of that name is refused', async () => {
    await add({ name: 'build', url: 'tcp://10.0.0.5:2376', tls: { ca: '/c/ca.pem', cert: '', key: '' } });
    expect(await saved.list()).toEqual([{ name: 'build', url: 'tcp://10.0.0.5:2376', tls: { ca: '/c/ca.pem' } }]);
    await expect(add({ name: 'build', url: 'unix:///x.sock' })).rejects.toMatchObject({ reason: 'engineNameTaken', params: { name: 'build' } });
    expect(names()).toEqual([]);
  });

  it('writes a docker context on request, follows a rename, and removes it only when asked', async () => {
    const ca = join(dir, 'ca.pem');
    await writeFile(ca, 'CA');
    await add({ name: 'lab', url: 'tcp://10.0.0.7:2376', tls: { ca, cert: '', key: '' }, writeContext: true });
    expect(names()).toEqual(['lab']);
    await saved.update(savedEngineUpdateInput.parse({ previous: 'lab', name: 'lab2', url: 'tcp://10.0.0.7:2376', writeContext: true }));
    expect(names()).toEqual(['lab2']);
    await saved.remove(savedEngineRemoveInput.parse({ name: 'lab2', removeContext: false }));
    expect(names()).toEqual(['lab2']);
    expect(await saved.list()).toEqual([]);
  });

  it('never replaces a context the person made with the CLI', async () => {
    await writeDockerContext(configDir, { name: 'mine', host: 'unix:///mine.sock' });
    await expect(add({ name: 'mine', url: 'unix:///other.sock', writeContext: true })).rejects.toMatchObject({ reason: 'contextNameTaken' });
    expect(readDockerContexts(configDir)).toEqual([{ name: 'mine', host: 'unix:///mine.sock' }]);
    expect(await saved.list()).toEqual([]);
  });

  it('refuses addresses and names docker would not take', () => {
    for (const url of ['', 'http//x', 'tcp://', 'unix://relative.sock', 'ftp://host', 'tcp://host:2375/path']) {
      expect(savedEngineInput.safeParse({ name: 'ok', url }).success, url).toBe(false);
    }
    for (const url of ['tcp://10.0.0.5:2376', 'ssh://me@build:2222', 'unix:///run/docker.sock', 'tcp://[::1]:2375']) {
      expect(savedEngineInput.safeParse({ name: 'ok', url }).success, url).toBe(true);
    }
    expect(savedEngineInput.safeParse({ name: 'ok', url: 'tcp://h:1', tls: { ca: 'relative.pem', cert: '', key: '' } }).success).toBe(false);
  });
});
