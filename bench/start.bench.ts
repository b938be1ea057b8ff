import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import Docker from 'dockerode';
import { dockerOptionsFor } from '../engine/docker/client.js';
import { median, ms, timeRuns } from './measure.js';

/**
 * Issue 17: how long `npm run web` takes on a warm machine (the renderer already built once), 5 runs:
 *  - command → the login address printed (budget ≤ 1.0 s);
 *  - command → the containers list on screen in Chromium, the browser already open and sent to the
 *    address the moment it is printed (budget ≤ 1.5 s);
 * against `docker ps -a` in the same run. BENCH_START_CMD replaces the command (a shell line).
 */
const engineUrl = process.env.DOCKER_HOST;
if (!engineUrl) throw new Error('DOCKER_HOST is not set: run through "npm run bench".');
const runs = Number(process.env.BENCH_START_RUNS ?? 5);
const command = process.env.BENCH_START_CMD ?? 'npm run --silent web';
const image = process.env.BERTH_FIXTURE_IMAGE ?? 'berth-fixture/busybox:latest';
const label = 'dev.berth.bench-start';
const docker = new Docker(dockerOptionsFor(engineUrl));

interface StartRun {
  address: number;
  list: number;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  process.kill(-child.pid!, 'SIGTERM'); // the whole group: npm and the server it started
  return exited;
}

async function main() {
  const existing = await docker.listContainers({ all: true, filters: { label: [label] } });
  for (let i = existing.length; i < 20; i++) await docker.createContainer({ Image: image, Labels: { [label]: '1' } });
  const browser = await chromium.launch({
    executablePath: process.env.BERTH_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  const dir = mkdtempSync(join(tmpdir(), 'berth-bench-start-'));
  const results: StartRun[] = [];
  try {
    // One unmeasured start: builds whatever is stale, as the first `npm run web` after a change would.
    for (let i = 0; i <= runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const began = performance.now();
      const child = spawn('sh', ['-c', command], {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, BERTH_PORT: '0', BERTH_ENGINE: engineUrl, BERTH_DATA_DIR: join(dir, 'data'), BERTH_RUNTIME_DIR: join(dir, 'run') },
      });
      try {
        let stderr = '';
        child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
        const address = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout!.on('data', (c: Buffer) => {
            out += c.toString();
            const found = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(out);
            if (found) resolve(found[0]);
          });
          child.on('exit', (code) => reject(new Error(`${command} exited (${code}) before printing an address: ${stderr}`)));
        });
        const addressAt = performance.now() - began;
        await page.goto(address);
        await page.waitForSelector('[data-container-id]', { timeout: 30_000 });
        const listAt = performance.now() - began;
        if (i > 0) results.push({ address: addressAt, list: listAt });
        else console.log(`warm-up start: address ${ms(addressAt)}, list ${ms(listAt)}`);
      } finally {
        await page.close();
        await stop(child);
      }
    }
    const ps = await timeRuns(5, () => promisify(execFile)('docker', ['-H', engineUrl!, 'ps', '-a']));
    const address = median(results.map((r) => r.address));
    const list = median(results.map((r) => r.list));
    console.log(`\n## Start: ${command} (${runs} runs, median)`);
    console.log(`command → address printed      ${ms(address)}  (budget 1000 ms: ${address <= 1000 ? 'within' : 'OVER'})`);
    console.log(`command → containers on screen ${ms(list)}  (budget 1500 ms: ${list <= 1500 ? 'within' : 'OVER'})`);
    console.log(`docker ps -a                    ${ms(median(ps))}`);
    console.log(`ratio address / docker ps -a    ${(address / median(ps)).toFixed(1)}×`);
    console.log(`ratio list / docker ps -a       ${(list / median(ps)).toFixed(1)}×`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
    for (const c of await docker.listContainers({ all: true, filters: { label: [label] } })) await docker.getContainer(c.Id).remove({ force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
