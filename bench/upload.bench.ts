import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EngineManager } from '../engine/engine-manager.js';
import { openSession, ticketFor, tokenOf } from '../engine/server/door-client.js';
import { webHostRoutes } from '../engine/server/downloads.js';
import { startWebHost } from '../engine/server/web-host.js';
import { median, ms, timeRuns } from './measure.js';

/**
 * Uploading one 300 MB file into a volume: Berth's web host (the request spooled to disk, then
 * streamed to the engine as a one-entry tar), Berth's desktop path (the chosen file streamed as is)
 * and `docker cp` into a created container that mounts the same volume, on the same engine in the
 * same run.
 */
const runs = Number(process.env.BENCH_RUNS ?? 5);
const sizeMiB = Number(process.env.BENCH_UPLOAD_MIB ?? 300);
const engineUrl = process.env.DOCKER_HOST;
if (!engineUrl) throw new Error('DOCKER_HOST is not set: run through "npm run bench".');
const image = process.env.BERTH_FIXTURE_IMAGE ?? 'berth-fixture/busybox:latest';
const cli = (...args: string[]) => promisify(execFile)('docker', ['-H', engineUrl, ...args]).then((r) => r.stdout.trim());

/** The browser's part, played by curl in its own process (as a browser would be), streaming the file. */
async function post(port: number, session: string, path: string, file: string): Promise<void> {
  const target = await ticketFor(port, session, 'POST', path);
  const { stdout } = await promisify(execFile)('curl', [
    '-sS', '-X', 'POST', '-T', file, '-w', '%{http_code}', '-o', '/dev/null',
    '-H', `Origin: http://127.0.0.1:${port}`, '-H', 'Expect:',
    `http://127.0.0.1:${port}${target}`,
  ]);
  if (stdout.trim() !== '200') throw new Error(`The upload answered ${stdout.trim()}.`);
}

async function main() {
  const volume = `berth-bench-upload-${process.pid}`;
  const holder = `berth-bench-upload-${process.pid}`;
  const file = join(tmpdir(), `${volume}.bin`);
  const size = sizeMiB * 2 ** 20;
  writeFileSync(file, randomBytes(size));
  const engine = await EngineManager.start({ engineUrl, dataDir: '/tmp/berth-bench-data' });
  await engine.waitUntilConnected(5000);
  const host = await startWebHost({ port: 0, rendererDir: '/nonexistent', context: { engine: engine.api, engines: engine.engines }, routes: webHostRoutes(engine.api, '/tmp/berth-bench-data/uploads') });
  try {
    await cli('volume', 'create', volume);
    await cli('create', '--name', holder, '-v', `${volume}:/data`, image, 'true');
    const session = await openSession(host.port, tokenOf(host.newLoginAddress()));
    const berth = await timeRuns(runs, () => post(host.port, session, `/upload/volume/${volume}?path=/&name=berth.bin`, file));
    const desktop = await timeRuns(runs, () => engine.api.volumes.upload(volume, '/', 'desktop.bin', { size, bytes: createReadStream(file) }));
    const dockerCp = await timeRuns(runs, () => cli('cp', file, `${holder}:/data/cli.bin`));
    const sums = await cli('run', '--rm', '-v', `${volume}:/data`, image, 'sha256sum', '/data/berth.bin', '/data/desktop.bin', '/data/cli.bin');
    const [a, b, c] = sums.split('\n').map((line) => line.split(' ')[0]);
    if (!a || a !== b || a !== c) throw new Error(`The two uploads differ:\n${sums}`);
    console.log(`\n## Upload ${sizeMiB} MiB into a volume (${runs} runs each, medians)`);
    console.log(`Berth (web host: spool + stream)  ${ms(median(berth))}  (min ${ms(Math.min(...berth))}, max ${ms(Math.max(...berth))})`);
    console.log(`Berth (desktop: file streamed)    ${ms(median(desktop))}  (min ${ms(Math.min(...desktop))}, max ${ms(Math.max(...desktop))})`);
    console.log(`docker cp                         ${ms(median(dockerCp))}  (min ${ms(Math.min(...dockerCp))}, max ${ms(Math.max(...dockerCp))})`);
    console.log(`ratio Berth web / docker cp: ${(median(berth) / median(dockerCp)).toFixed(2)}×, desktop / docker cp: ${(median(desktop) / median(dockerCp)).toFixed(2)}×`);
  } finally {
    await cli('rm', '-f', holder).catch(() => undefined);
    await cli('volume', 'rm', '-f', volume).catch(() => undefined);
    rmSync(file, { force: true });
    await host.close();
    await engine.close();
  }
}

await main();
