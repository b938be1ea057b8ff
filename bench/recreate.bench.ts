import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { containerEditInput } from '../engine/contract/edit.js';
import { dockerOptionsFor } from '../engine/docker/client.js';
import { editableContainer, editContainer } from '../engine/docker/edit.js';
import { median, ms } from './measure.js';

/**
 * Issue 16: the safe recreate of a container with 3 ports, 2 mounts (a read-only bind and a volume)
 * and 2 networks (a static IP and an alias on one, an alias on the other), against the docker CLI
 * doing the same by hand: stop, rename, create + network connect + start (`run` cannot join two
 * networks at once on API 1.41), rm. Same engine, same run, alternating. Budget: Berth ≤ 1.2 × CLI
 * (no healthcheck here, so no health wait to add). Berth's side is the engine code the contract
 * calls (engine/docker/edit.ts), inspect and image inspect included.
 */
const engineUrl = process.env.DOCKER_HOST;
if (!engineUrl) throw new Error('DOCKER_HOST is not set: run through "npm run bench".');
const image = process.env.BERTH_FIXTURE_IMAGE ?? 'berth-fixture/busybox:latest';
const runs = Number(process.env.BENCH_TRIES ?? 7);
const docker = new Docker(dockerOptionsFor(engineUrl));
const run = promisify(execFile);
const cli = (...args: string[]) => run('docker', ['-H', engineUrl, ...args]);
const tag = `bench-recreate-${process.pid}`;
const folder = mkdtempSync(join(tmpdir(), 'berth-bench-recreate-'));
const ports = [18_081, 18_082, 18_083];
// sh as PID 1 with a TERM trap, so a stop takes milliseconds on both sides rather than docker's timeout.
const command = ['sh', '-c', "trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"];

async function makeContainer(name: string): Promise<void> {
  await cli(
    'create', '--name', name, '--label', `berth.bench=${tag}`,
    ...ports.flatMap((p, i) => ['-p', `127.0.0.1:${p}:${80 + i}`]),
    '--mount', `type=bind,source=${folder},target=/data,readonly`,
    '--mount', `type=volume,source=${tag}-vol,target=/vol`,
    '--network', `${tag}-a`, '--ip', '10.232.9.20', '--network-alias', 'web',
    image, ...command,
  );
  await cli('network', 'connect', '--alias', 'web-b', `${tag}-b`, name);
  await cli('start', name);
}

async function cliRecreate(name: string): Promise<void> {
  await cli('stop', name);
  await cli('rename', name, `${name}-old`);
  await cli(
    'create', '--name', name, '--label', `berth.bench=${tag}`,
    ...ports.flatMap((p, i) => ['-p', `127.0.0.1:${p}:${80 + i}`]),
    '--mount', `type=bind,source=${folder},target=/data,readonly`,
    '--mount', `type=volume,source=${tag}-vol,target=/vol`,
    '--network', `${tag}-a`, '--ip', '10.232.9.20', '--network-alias', 'web',
    image, ...command,
  );
  await cli('network', 'connect', '--alias', 'web-b', `${tag}-b`, name);
  await cli('start', name);
  await cli('rm', `${name}-old`);
}

async function berthRecreate(name: string): Promise<void> {
  const id = (await docker.getContainer(name).inspect()).Id;
  const { form } = await editableContainer(docker, id);
  await editContainer(docker, containerEditInput.parse({ id, form, mode: 'recreate' }));
}

async function main() {
  await docker.createNetwork({ Name: `${tag}-a`, IPAM: { Config: [{ Subnet: '10.232.9.0/24' }] } });
  await docker.createNetwork({ Name: `${tag}-b` });
  const name = `${tag}-web`;
  await makeContainer(name);
  const berth: number[] = [];
  const byHand: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      let start = performance.now();
      await berthRecreate(name);
      berth.push(performance.now() - start);
      start = performance.now();
      await cliRecreate(name);
      byHand.push(performance.now() - start);
    }
  } finally {
    for (const c of await docker.listContainers({ all: true, filters: { label: [`berth.bench=${tag}`] } })) await docker.getContainer(c.Id).remove({ force: true });
    await docker.getVolume(`${tag}-vol`).remove().catch(() => undefined);
    for (const n of ['a', 'b']) await docker.getNetwork(`${tag}-${n}`).remove().catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  }
  const ratio = median(berth) / median(byHand);
  console.log(`\n## Safe recreate (3 ports, 2 mounts, 2 networks), ${runs} runs each, medians`);
  console.log(`CLI stop/rename/create/connect/start/rm: ${ms(median(byHand))}   Berth safe recreate: ${ms(median(berth))}   ratio ${ratio.toFixed(2)}× (budget ≤ 1.2×: ${ratio <= 1.2 ? 'within' : 'OVER'})`);
}

await main();
