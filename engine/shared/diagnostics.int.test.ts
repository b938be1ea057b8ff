import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectEngine } from '../runtime.js';
import { requireDockerHost } from '../testing/engine-env.js';
import { diagnosticsReport } from './diagnostics.js';

const url = requireDockerHost();
const engine = await connectEngine({ id: url, url, source: 'env' });
afterAll(() => engine.close());

describe('the diagnostics report', () => {
  // It said "Engine holds: 1 containers (…), 1 images" of an engine with one of each.
  it('counts what the engine holds in words that fit any number', async () => {
    const report = await diagnosticsReport(engine.api);
    expect(report).toMatch(/^Containers: \d+ \(\d+ running, \d+ paused, \d+ stopped\) · images: \d+$/m);
    expect(report).not.toMatch(/\b1 (containers|images)\b/);
  });

  // An engine that takes the connection and never answers (a hung dockerd): the report waited for
  // its facts until the socket's own end, and "Copy diagnostics" did nothing for that long.
  it('is made without the facts of an engine that never answers, and says why', { timeout: 8_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-hung-engine-'));
    const held: Socket[] = [];
    const hung = createServer((socket) => void held.push(socket));
    const socketPath = join(dir, 'docker.sock');
    await new Promise<void>((resolve) => hung.listen(socketPath, resolve));
    const silent = await connectEngine({ id: 'hung', url: `unix://${socketPath}`, source: 'user' });
    try {
      const report = await diagnosticsReport(silent.api, new Date(), 1000);
      expect(report).toMatch(/^Engine facts: not available \(.*no answer within 1 s/m);
      expect(report).toMatch(/^Log folder: /m);
    } finally {
      held.forEach((socket) => socket.destroy());
      await silent.close();
      await new Promise((resolve) => hung.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

