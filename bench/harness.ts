import type Docker from 'dockerode';
import { request } from 'node:http';
import pLimit from 'p-limit';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { parseEngineUrl } from '../engine/docker/client.js';
import { EngineManager } from '../engine/engine-manager.js';
import { openSession, tokenOf } from '../engine/server/door-client.js';
import { webHostRoutes } from '../engine/server/downloads.js';
import { startWebHost, type WebHost } from '../engine/server/web-host.js';

export interface BenchBerth {
  engineUrl: string;
  engine: EngineManager;
  host: WebHost;
  /** A session secret for Node-side callers (as the page gets one from a login address). */
  session: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Berth as a person runs it (engine + web host + Chromium) on the bench engine at DOCKER_HOST. */
export async function startBenchBerth(): Promise<BenchBerth> {
  const engineUrl = process.env.DOCKER_HOST;
  if (!engineUrl) throw new Error('DOCKER_HOST is not set: run through "npm run bench".');
  const engine = await EngineManager.start({ engineUrl, dataDir: '/tmp/berth-bench-data' });
  await engine.waitUntilConnected(5000);
  const host = await startWebHost({
    port: 0,
    rendererDir: resolve('dist/renderer'),
    context: { engine: engine.api, engines: engine.engines },
    routes: webHostRoutes(engine.api, '/tmp/berth-bench-data/uploads'),
  });
  const browser = await chromium.launch({
    executablePath: process.env.BERTH_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  const session = await openSession(host.port, tokenOf(host.newLoginAddress()));
  return {
    engineUrl,
    engine,
    host,
    session,
    browser,
    async close() {
      await browser.close();
      await host.close();
      await engine.close();
    },
  };
}

/** GET /containers/json?all=1 straight on the engine's socket (no dockerode): the raw API figure lists are compared with; answers the count. */
export function rawContainerList(engineUrl: string): Promise<number> {
  const target = parseEngineUrl(engineUrl);
  if (target.kind !== 'socket') throw new Error('the raw API comparison needs a unix socket engine');
  return new Promise((done, fail) => {
    const req = request({ socketPath: target.path, path: '/containers/json?all=1' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done((JSON.parse(Buffer.concat(chunks).toString()) as unknown[]).length));
    });
    req.on('error', fail);
    req.end();
  });
}

/** `work(0)` … `work(total - 1)`, 16 at a time: how benches make and remove their fixtures. */
export async function inParallel(total: number, work: (i: number) => Promise<unknown>): Promise<void> {
  await pLimit(16).map(Array.from({ length: total }, (_, i) => i), work);
}

/** Removes (forced) every container carrying `label`, 16 at a time, saying how many. */
export async function removeLabelled(docker: Docker, label: string): Promise<void> {
  const mine = await docker.listContainers({ all: true, filters: { label: [label] } });
  console.log(`\nremoving ${mine.length} bench containers…`);
  await inParallel(mine.length, (i) => docker.getContainer(mine[i]!.Id).remove({ force: true }));
}
