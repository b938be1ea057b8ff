import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import Docker from 'dockerode';
import { dockerOptionsFor } from '../engine/docker/client.js';
import { cpuOver, mib, processGroup, sampleProcess } from './proc.js';

/**
 * Issue 17: what Berth costs while nobody uses it, read from /proc over BENCH_IDLE_SECONDS (60):
 *  1. `npm run web` with no window, 50 containers (20 running): Berth's CPU (budget < 0.3 % of a
 *     core) and the trusted side's RSS (budget < 80 MB), and dockerd's CPU beside it;
 *  2. the containers view open in Chromium with the same 20 running: Berth's and dockerd's CPU
 *     (budget < 1 % each; the CPU/memory columns are what costs).
 * The engine's dockerd is found from `$BERTH_TEST_DIR/dockerd.pid`.
 */
const engineUrl = process.env.DOCKER_HOST;
if (!engineUrl) throw new Error('DOCKER_HOST is not set: run through "npm run bench".');
const seconds = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const image = process.env.BERTH_FIXTURE_IMAGE ?? 'berth-fixture/busybox:latest';
const label = 'dev.berth.bench-idle';
const docker = new Docker(dockerOptionsFor(engineUrl));
const dockerdPid = Number(readFileSync(join(process.env.BERTH_TEST_DIR ?? '/tmp/berth-test', 'dockerd.pid'), 'utf8').trim());

async function ensureContainers(total: number, running: number): Promise<void> {
  const existing = await docker.listContainers({ all: true, filters: { label: [label] } });
  for (let i = existing.length; i < total; i++) {
    await docker.createContainer({ Image: image, Labels: { [label]: '1' }, HostConfig: { NetworkMode: 'none' } });
  }
  const all = await docker.listContainers({ all: true, filters: { label: [label] } });
  for (const c of all.slice(0, running)) if (c.State !== 'running') await docker.getContainer(c.Id).start();
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  process.kill(-child.pid!, 'SIGTERM');
  return exited;
}

const within = (value: number, budget: number) => (value < budget ? 'within' : 'OVER');

async function main() {
  await ensureContainers(50, 20);
  const dir = mkdtempSync(join(tmpdir(), 'berth-bench-idle-'));
  const child = spawn('sh', ['-c', process.env.BENCH_START_CMD ?? 'npm run --silent web'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BERTH_PORT: '0', BERTH_ENGINE: engineUrl, BERTH_DATA_DIR: join(dir, 'data'), BERTH_RUNTIME_DIR: join(dir, 'run') },
  });
  const browser = await chromium.launch({
    executablePath: process.env.BERTH_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(out);
        if (found) resolve(found[0]);
      });
      child.on('exit', (code) => reject(new Error(`the web host exited (${code}) before printing an address`)));
    });
    // Let the start settle (engine link, first events) before counting.
    await new Promise((r) => setTimeout(r, 5000));
    const berth = () => processGroup(child.pid!);
    const dockerd = () => [sampleProcess(dockerdPid)].filter((s) => s !== undefined);
    console.log(`\n## Idle, no window: 50 containers, 20 running (${seconds} s)`);
    const [noWindow, dockerdNoWindow] = await Promise.all([cpuOver(seconds, berth), cpuOver(seconds, dockerd)]);
    console.log(`Berth CPU        ${noWindow.corePercent.toFixed(2)} % of a core  (budget < 0.3 %: ${within(noWindow.corePercent, 0.3)})`);
    console.log(`Berth RSS        ${mib(noWindow.rssBytes)} (${noWindow.command})  (budget < 80 MB: ${within(noWindow.rssBytes, 80e6)})`);
    console.log(`dockerd CPU      ${dockerdNoWindow.corePercent.toFixed(2)} % of a core`);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(address);
    await page.waitForSelector('[data-container-id]');
    await new Promise((r) => setTimeout(r, 5000));
    console.log(`\n## Containers view open, 20 running (${seconds} s)`);
    const [open, dockerdOpen] = await Promise.all([cpuOver(seconds, berth), cpuOver(seconds, dockerd)]);
    console.log(`Berth CPU        ${open.corePercent.toFixed(2)} % of a core  (budget < 1 %: ${within(open.corePercent, 1)})`);
    console.log(`Berth RSS        ${mib(open.rssBytes)}`);
    console.log(`dockerd CPU      ${dockerdOpen.corePercent.toFixed(2)} % of a core  (budget < 1 %: ${within(dockerdOpen.corePercent, 1)})`);
  } finally {
    await browser.close();
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
    for (const c of await docker.listContainers({ all: true, filters: { label: [label] } })) await docker.getContainer(c.Id).remove({ force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
