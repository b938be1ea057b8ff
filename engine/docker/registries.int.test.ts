import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngineClient } from '../testing/test-engine.js';
import { DockerRegistries } from './registries.js';

/**
 * A login the engine cannot finish answers promptly with what went wrong (the contract fuzz saw
 * `registries.login` not answer within 10 s: dockerd waited on its DNS server, which drops some of
 * many queries at once and is asked again only after 5 s). Against the real engine: a registry that
 * accepts connections and never answers (dockerd gives it ~30 s: `docker login` took 29 s here),
 * and a name no DNS server knows.
 */
const { docker } = testEngineClient();
let silent: Server;
const held: Socket[] = [];
let server = '';

beforeAll(async () => {
  silent = createServer((socket) => void held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  server = `127.0.0.1:${(silent.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => silent?.close(resolve));
});

describe('registry login', () => {
  it('answers registryNoAnswer (server, seconds) when the registry never answers, and saves nothing', { timeout: 12_000 }, async () => {
    const registries = new DockerRegistries(docker, 1_500);
    const saved = await registries.list();
    await expect(registries.login({ server, username: 'berth', password: 'berth-secret' })).rejects.toMatchObject({
      code: 'ENGINE_ERROR',
      reason: 'registryNoAnswer',
      params: { server, seconds: 2 },
    });
    expect(await registries.list()).toEqual(saved);
  });

  it('answers registryUnreachable for a registry name no DNS server knows (it was "refused the login")', async () => {
    const registries = new DockerRegistries(docker);
    const name = 'berth-no-such-registry.invalid';
    await expect(registries.login({ server: name, username: 'berth', password: 'berth-secret' })).rejects.toMatchObject({
      code: 'ENGINE_ERROR',
      reason: 'registryUnreachable',
      params: { registry: name },
      engineText: expect.stringContaining('no such host'),
    });
  });
});
