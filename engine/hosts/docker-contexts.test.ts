import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineName } from '../contract/engine-entry';
import { contextDirName, currentContextName, readDockerContexts, removeDockerContext, writeDockerContext } from './docker-contexts';
import { catalogEndpoints } from './engine-catalog';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-contexts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('docker context store', () => {
  it('names folders by the sha256 of the context name, as docker/cli cli/context/store does', () => {
    // The folder docker CLI 28.2.2 made here for `docker context create my-context`.
    expect(contextDirName('my-context')).toBe('60b9683c6c2b05b8adc06ff4d150b15a5c69d74c7a7ee35bd733df12861dd2b0');
  });

  it('writes meta.json as `docker context create` does and reads it back with its TLS files', async () => {
    const ca = join(dir, 'ca.pem');
    await writeFile(ca, 'CA');
    await writeDockerContext(dir, { name: 'build', host: 'tcp://10.0.0.5:2376', tls: { ca } });
    const meta = JSON.parse(await readFile(join(dir, 'contexts', 'meta', contextDirName('build'), 'meta.json'), 'utf8'));
    expect(meta).toEqual({ Name: 'build', Metadata: {}, Endpoints: { docker: { Host: 'tcp://10.0.0.5:2376', SkipTLSVerify: false } } });
    const copied = join(dir, 'contexts', 'tls', contextDirName('build'), 'docker', 'ca.pem');
    expect(await readFile(copied, 'utf8')).toBe('CA');
    expect((await stat(copied)).mode & 0o777).toBe(0o600);
    expect(readDockerContexts(dir)).toEqual([{ name: 'build', host: 'tcp://10.0.0.5:2376', tls: { ca: copied } }]);
    await removeDockerContext(dir, 'build');
    expect(readDockerContexts(dir)).toEqual([]);
  });

  it('a missing TLS file leaves no half-made context', async () => {
    await expect(writeDockerContext(dir, { name: 'x1', host: 'tcp://h:2376', tls: { ca: join(dir, 'nope.pem') } })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readDockerContexts(dir)).toEqual([]);
  });

  it('the current context: DOCKER_CONTEXT, else config.json, else default', async () => {
    expect(currentContextName({}, dir)).toBe('default');
    await writeFile(join(dir, 'config.json'), JSON.stringify({ currentContext: 'build' }));
    expect(currentContextName({}, dir)).toBe('build');
    expect(currentContextName({ DOCKER_CONTEXT: 'other' }, dir)).toBe('other');
    await writeFile(join(dir, 'config.json'), '{broken');
    expect(currentContextName({}, dir)).toBe('default');
  });

  it('lists every context, the default and the current one marked', async () => {
    await writeDockerContext(dir, { name: 'alpha', host: 'unix:///run/a.sock' });
    await writeDockerContext(dir, { name: 'beta', host: 'ssh://me@build' });
    await writeFile(join(dir, 'config.json'), JSON.stringify({ currentContext: 'beta' }));
    const endpoints = catalogEndpoints({ env: { DOCKER_CONFIG: dir, DOCKER_HOST: 'unix:///run/x.sock' }, exists: () => false });
    expect(endpoints.map((e) => [e.contextName, e.url, e.currentContext ?? false])).toEqual([
      ['default', 'unix:///run/x.sock', false],
      ['alpha', 'unix:///run/a.sock', false],
      ['beta', 'ssh://me@build', true],
    ]);
  });

  it('DOCKER_HOST with DOCKER_TLS_VERIFY takes its TLS files from DOCKER_CERT_PATH, as the CLI does', () => {
    const env = { DOCKER_CONFIG: dir, DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' };
    const [entry] = catalogEndpoints({ env, exists: () => false });
    expect(entry).toMatchObject({ source: 'env', contextName: 'default', tls: { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem' } });
  });
});

// docker/cli cli/context/store/store.go `restrictedNamePattern` (^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$) and
// cli/command/context/create_test.go TestCreateInvalids ("" empty, "default" reserved, " " invalid),
// written from our knowledge of those files, not copied.
describe('engine names follow docker context names', () => {
  it.each([
    ['', false],
    ['default', false],
    [' ', false],
    ['a', false],
    ['-leading-dash', false],
    ['with/slash', false],
    ['with space', false],
    ['my-context', true],
    ['build.server+2_b', true],
    ['Z9', true],
  ])('%j → %s', (name, ok) => {
    expect(engineName.safeParse(name).success).toBe(ok);
  });
});
