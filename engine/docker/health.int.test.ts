import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEngine, type OpenEngine } from '../runtime.js';
import { engineInfoWaitMs } from './health.js';

/**
 * Calls that begin with dockerd's `/info` answer when it does not. It waits behind a registry
 * login's DNS lookup (`docker info` took 4.9–5.0 s here per dropped query, while `/_ping` took ms),
 * and a frozen engine never answers: here an engine socket that takes the connection and stays
 * silent, the state the fuzz's slow `diagnostics.report` and `volumes.create` calls waited in.
 */
const dir = mkdtempSync(join(tmpdir(), 'berth-hung-info-'));
const held: Socket[] = [];
let hung: Server;
let engine: OpenEngine;

beforeAll(async () => {
  hung = createServer((socket) => void held.push(socket));
  const socketPath = join(dir, 'docker.sock');
  await new Promise<void>((resolve) => hung.listen(socketPath, resolve));
  engine = await connectEngine({ id: 'hung', url: `unix://${socketPath}`, source: 'user' });
});
afterAll(async () => {
  held.forEach((socket) => socket.destroy());
  await engine?.close();
  await new Promise((resolve) => hung?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("an engine whose /info does not answer", () => {
  it('gets engineInfoNoAnswer from engine facts, a volume with a driver and Swarm, in time', { timeout: engineInfoWaitMs + 3_000 }, async () => {
    const refusal = { code: 'ENGINE_ERROR', reason: 'engineInfoNoAnswer', params: { seconds: engineInfoWaitMs / 1000 } };
    const answers = await Promise.allSettled([
      engine.api.connection.info(),
      engine.api.volumes.create({ name: 'berth-hung', driver: 'berth-some-driver', driverOptions: {}, labels: {} }),
      engine.api.swarm.overview(),
    ]);
    expect(answers.map((a) => (a.status === 'rejected' ? a.reason : a.value))).toEqual([
      expect.objectContaining(refusal),
      expect.objectContaining(refusal),
      expect.objectContaining(refusal),
    ]);
  });
});
