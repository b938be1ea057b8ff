import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type OpenEngine } from '../runtime.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { keptLists } from '../contract/service.js';

// The lists kept on the engine side (./kept-list.ts) across a link that goes and comes back. A call
// the engine never answers (a remote engine's connection dropped by the network: nothing resets it)
// must not hold the lists of the link that follows.

/**
 * A socket that forwards to the real engine's until `hold()`: from then on nothing passes on any
 * connection open at that moment, for ever (as a connection the network dropped), nor on new ones
 * until `release()`; connections made after that forward again.
 */
class HoldingProxy {
  private held = false;
  private readonly heldSockets = new Set<Socket>();
  private readonly all = new Set<Socket>();
  readonly server: Server;
  constructor(engineSocket: string) {
    this.server = createServer((client) => {
      this.all.add(client);
      client.on('close', () => this.all.delete(client));
      client.on('error', () => undefined);
      if (this.held) return void this.heldSockets.add(client);
      const engine = connect(engineSocket);
      engine.on('error', () => client.destroy());
      client.on('close', () => engine.destroy());
      engine.on('close', () => client.destroy());
      client.on('data', (chunk) => !this.heldSockets.has(client) && engine.write(chunk));
      engine.on('data', (chunk) => !this.heldSockets.has(client) && client.write(chunk));
    });
  }
  hold(): void {
    this.held = true;
    for (const socket of this.all) this.heldSockets.add(socket);
  }
  release(): void {
    this.held = false;
  }
  close(): void {
    for (const socket of this.all) socket.destroy();
    this.server.close();
  }
}

let dir: string;
let proxy: HoldingProxy;
let engine: OpenEngine;
let built: string | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-kept-link-'));
  proxy = new HoldingProxy(new URL(requireDockerHost()).pathname);
  const path = join(dir, 'engine.sock');
  await new Promise<void>((resolve) => proxy.server.listen(path, resolve));
  engine = await openEngine({ engineUrl: `unix://${path}`, timings: { heartbeatMs: 100, pingTimeoutMs: 300, backoffMinMs: 50, backoffMaxMs: 200 } });
  await engine.connection.waitUntilConnected(5000);
});

afterAll(async () => {
  if (built) await promisify(execFile)('docker', ['rmi', built]).catch(() => undefined);
  proxy?.close();
  await engine?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** `promise`, or 'no answer' after `ms`. */
const within = <T>(ms: number, promise: Promise<T>) =>
  Promise.race([promise, new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), ms).unref())]);

describe('the kept lists when the link goes while a call is out', () => {
  it('answers on the next link although a call of the last one never came back', async () => {
    const before = await engine.api.containers.list();
    await engine.api.images.list();
    const generation = engine.connection.status.generation;
    proxy.hold();
    // Pages asked while the engine had stopped answering: these calls never come back.
    engine.api.connection.forgetKept(keptLists);
    void engine.api.containers.list().catch(() => undefined);
    void engine.api.images.list().catch(() => undefined);
    await expect.poll(() => engine.connection.status.state, { timeout: 5000 }).toBe('disconnected');
    proxy.release();
    await expect.poll(() => engine.connection.status.generation, { timeout: 5000 }).toBeGreaterThan(generation);
    expect(await within(3000, engine.api.containers.list())).toHaveLength(before.length);
    expect(await within(3000, engine.api.images.list())).not.toBe('no answer');
  });

  it('asks the engine behind its rows on the next link although such a call of the last one never came back', async () => {
    await engine.api.images.list();
    // The rows are a second old, so the ask below also asks the engine behind them: that call never comes back.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const generation = engine.connection.status.generation;
    proxy.hold();
    await engine.api.images.list();
    await expect.poll(() => engine.connection.status.state, { timeout: 5000 }).toBe('disconnected');
    proxy.release();
    await expect.poll(() => engine.connection.status.generation, { timeout: 5000 }).toBeGreaterThan(generation);
    await engine.api.images.list(); // kept again, on the new link
    // An image built without a name from the CLI: the engine sends no event, only the call behind the kept rows finds it.
    await writeFile(join(dir, 'Dockerfile'), `FROM ${fixtureImage}\nLABEL berth.kept.link="${process.pid}-${Date.now()}"\n`);
    built = (await promisify(execFile)('docker', ['build', '-q', dir], { env: { ...process.env, DOCKER_BUILDKIT: '0' } })).stdout.trim();
    await expect.poll(async () => (await engine.api.images.list()).map((image) => image.id), { timeout: 5000, interval: 300 }).toContain(built);
  });
});
