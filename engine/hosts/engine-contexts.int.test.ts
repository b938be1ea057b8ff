import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerOptionsFor } from '../docker/client.js';
import { EngineManager } from '../engine-manager.js';
import { probe } from '../runtime.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { startTlsEngine, type TlsEngine } from '../testing/tls-engine.js';
import { catalogEndpoints } from './engine-catalog.js';
import { writeDockerContext } from './docker-contexts.js';

const run = promisify(execFile);
const base = join(process.env.BERTH_TEST_DIR ?? '/tmp/berth-test', 'engine-contexts-int');

let tls: TlsEngine;
let configDir: string;
let tlsDocker: Docker;
let containerId: string;

beforeAll(async () => {
  tls = await startTlsEngine();
  configDir = await mkdtemp(join(process.env.BERTH_TEST_DIR ?? '/tmp', 'docker-config-'));
  // A container on the TLS engine, made over its own unix socket from the test engine's fixture image.
  const main = new Docker(dockerOptionsFor(requireDockerHost()));
  const local = new Docker({ socketPath: tls.socket });
  await local.loadImage((await main.getImage(fixtureImage).get()) as NodeJS.ReadableStream);
  const container = await local.createContainer({ Image: fixtureImage, name: `tls-int-${process.pid}`, Labels: { 'dev.berth.e2e': '1' } });
  containerId = container.id;
  tlsDocker = local;
}, 60_000);

afterAll(async () => {
  await tlsDocker?.getContainer(containerId).remove({ force: true }).catch(() => undefined);
  await rm(configDir, { recursive: true, force: true });
  await rm(base, { recursive: true, force: true });
  await tls?.stop();
}, 30_000);

describe('docker contexts and TLS engines', () => {
  it('a context Berth writes is what `docker context ls` lists, and the CLI reaches the TLS engine through it', async () => {
    await writeDockerContext(configDir, { name: 'berth-tls', host: tls.url, tls: { ca: tls.ca, cert: tls.cert, key: tls.key } });
    const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_CONFIG: configDir };
    delete env.DOCKER_HOST;
    const { stdout } = await run('docker', ['context', 'ls', '--format', '{{.Name}} {{.DockerEndpoint}}'], { env });
    expect(stdout.split('\n')).toContain(`berth-tls ${tls.url}`);
    const ps = await run('docker', ['--context', 'berth-tls', 'ps', '-a', '--format', '{{.ID}}'], { env });
    expect(containerId.startsWith(ps.stdout.trim().split('\n')[0]!)).toBe(true);
  });

  it('a context pointing at the TLS engine lists its containers; one with a wrong CA is refused as a TLS failure', async () => {
    await writeDockerContext(configDir, { name: 'good', host: tls.url, tls: { ca: tls.ca, cert: tls.cert, key: tls.key } });
    await writeDockerContext(configDir, { name: 'wrong-ca', host: tls.url, tls: { ca: tls.wrongCa, cert: tls.cert, key: tls.key } });
    const endpoints = catalogEndpoints({ env: { DOCKER_CONFIG: configDir } });
    const good = endpoints.find((e) => e.contextName === 'good')!;
    const wrong = endpoints.find((e) => e.contextName === 'wrong-ca')!;
    expect(good.tls?.ca).toMatch(/contexts\/tls\/[0-9a-f]{64}\/docker\/ca\.pem$/);

    expect(await probe(good)).toMatchObject({ answering: true, apiVersion: '1.41' });
    const listed = await new Docker(dockerOptionsFor(good.url, {}, good.tls)).listContainers({ all: true });
    expect(listed.map((c) => c.Id)).toContain(containerId);

    expect(await probe(wrong)).toMatchObject({ answering: false, problem: { kind: 'tlsRefused' } });
  });

  it('switching to the wrong-CA context is refused with engineTlsRefused and the current engine stays', async () => {
    const previous = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = configDir;
    const manager = await EngineManager.start({ engineUrl: requireDockerHost(), dataDir: join(base, 'data'), runtimeDir: join(base, 'run') });
    try {
      const choices = await manager.engines.list();
      const wrong = choices.find((c) => c.endpoint.contextName === 'wrong-ca')!;
      expect(wrong.problem?.kind).toBe('tlsRefused');
      await expect(manager.engines.use(wrong.endpoint.id)).rejects.toMatchObject({ reason: 'engineTlsRefused', params: { url: tls.url } });
      expect(manager.endpoint.url).toBe(requireDockerHost());

      const good = choices.find((c) => c.endpoint.contextName === 'good')!;
      expect(good).toMatchObject({ answering: true, version: expect.any(String) });
      await manager.engines.use(good.endpoint.id);
      await manager.waitUntilConnected(5000);
      expect(manager.status.apiVersion).toBe('1.41');
      expect((await manager.api.containers.list()).map((c) => c.id)).toContain(containerId);
    } finally {
      await manager.close();
      process.env.DOCKER_CONFIG = previous;
    }
  }, 30_000);
});
