import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { containerFiles } from '../engine/docker/archive-files.js';
import { dockerOptionsFor } from '../engine/docker/client.js';
import { median, ms, timeRuns } from './measure.js';

/**
 * Listing one folder of a container's files: a running container whose file system holds a 300 MB
 * file and 2,000 small ones under /data, and the same container stopped. Run against any engine:
 * DOCKER_HOST=unix:///path/docker.sock npx tsx bench/file-listing.bench.ts
 */
const image = process.env.BERTH_FIXTURE_IMAGE ?? 'berth-fixture/busybox:latest';
const runs = Number(process.env.BENCH_RUNS ?? 7);
const engineUrl = process.env.DOCKER_HOST;
if (!engineUrl) throw new Error('Set DOCKER_HOST to the engine to measure on.');
const docker = new Docker(dockerOptionsFor(engineUrl));
const cli = (...args: string[]) => promisify(execFile)('docker', ['-H', engineUrl, ...args]).then((r) => r.stdout.trim());

async function measure(id: string, label: string) {
  console.log(`\n## ${label}`);
  for (const path of ['/', '/data', '/etc']) {
    let entries = 0;
    const times = await timeRuns(runs, async () => (entries = (await containerFiles.list(docker, id, path)).length));
    console.log(`${path.padEnd(6)} ${String(entries).padStart(5)} entries  median ${ms(median(times))}  (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))})`);
  }
}

async function main() {
  const name = `berth-bench-files-${process.pid}`;
  const fill = "mkdir -p /data && head -c 300000000 /dev/zero > /data/blob && i=0; while [ $i -lt 2000 ]; do echo $i > /data/f$i; i=$((i+1)); done";
  try {
    await cli('run', '-d', '--name', name, image, 'sh', '-c', `${fill} && touch /ready && sleep 3600`);
    while (!(await cli('exec', name, 'ls', '/').catch(() => '')).split('\n').includes('ready')) await new Promise((r) => setTimeout(r, 200));
    await measure(name, 'running container');
    await cli('stop', '-t', '0', name);
    await measure(name, 'stopped container');
  } finally {
    await cli('rm', '-f', name).catch(() => undefined);
  }
}

await main();
