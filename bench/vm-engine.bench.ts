import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VmBootStage } from '../engine/contract/types.js';
import { SettingsFile } from '../engine/hosts/settings.js';
import { pingSocket } from '../engine/hosts/unix-ping.js';
import { VmEngine } from '../engine/hosts/vm/vm-engine.js';
import { median, ms, percentile, timeRuns } from './measure.js';

/**
 * Issue 6's VM benchmark: Berth's VM from Start to an answering Docker API (with where the time
 * goes, stage by stage), with dockerd's iptables off and on, a graceful stop, and what the SSH
 * link costs a request: /_ping through the forwarded socket against /_ping on the host's own
 * dockerd, in the same run.
 */
const boots = Number(process.env.BENCH_VM_BOOTS ?? 3);
const pings = 200;

async function bootOnce(vm: VmEngine): Promise<{ total: number; stages: Map<VmBootStage, number> }> {
  const began = performance.now();
  const stages = new Map<VmBootStage, number>();
  const stop = vm.statusChanges.add((s) => {
    if (s.state === 'starting' && s.stage && !stages.has(s.stage)) stages.set(s.stage, performance.now() - began);
  });
  const status = await vm.start();
  stop();
  if (status.state !== 'running') throw new Error(status.error?.message ?? `the VM did not start (${status.state})`);
  return { total: performance.now() - began, stages };
}

async function measure(iptables: boolean, runs: number, base: string, resetAfter: boolean) {
  // One data folder for both series: the disk overlay, image check and accelerator probe happen once.
  const dataDir = join(base, 'data');
  const vm = new VmEngine({
    dataDir,
    runtimeDir: join(base, 'run'),
    imageDir: process.env.BERTH_VM_IMAGE!,
    settings: new SettingsFile(dataDir),
    iptables,
  });
  await vm.refresh();
  const results: Awaited<ReturnType<typeof bootOnce>>[] = [];
  const stops: number[] = [];
  let pingTimes: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      results.push(await bootOnce(vm));
      if (i === 0 && !iptables) {
        const socket = vm.url.replace('unix://', '');
        pingTimes = await timeRuns(pings, () => pingSocket(socket, 5000));
      }
      const began = performance.now();
      await vm.stop();
      stops.push(performance.now() - began);
    }
    return { results, stops, pingTimes, accelerator: vm.status.accelerator };
  } finally {
    if (resetAfter) await vm.reset();
    else await vm.stop();
  }
}

async function main() {
  if (!process.env.BERTH_VM_IMAGE) throw new Error('BERTH_VM_IMAGE is not set: run through "npm run bench" (it builds or reuses the guest image).');
  const hostSocket = (process.env.DOCKER_HOST ?? '').replace('unix://', '');
  const base = await mkdtemp(join(tmpdir(), 'berth-vm-bench-'));
  try {
    const fast = await measure(false, boots, base, false);
    const full = await measure(true, 1, base, true);
    const hostPings = await timeRuns(pings, () => pingSocket(hostSocket, 5000));
    const totals = fast.results.map((r) => r.total);
    // The first boot also makes the disk overlay, hashes the image once and probes accelerators.
    const warm = totals.slice(1);
    console.log(`\n## Berth's VM (${fast.accelerator}), ${boots} boots with dockerd's iptables off, 1 with it on`);
    console.log(`Start → Docker API   first ${ms(totals[0]!)}, then median ${ms(median(warm.length ? warm : totals))} (reference recipe ~30 s: ${median(warm.length ? warm : totals) < 30_000 ? 'beaten' : 'NOT beaten'})`);
    console.log(`  with iptables on   ${ms(full.results[0]!.total)}`);
    const last = fast.results.at(-1)!.stages;
    console.log(`  stages (last boot, ms from Start): ${[...last].map(([stage, at]) => `${stage} ${at.toFixed(0)}`).join(', ')}`);
    console.log(`graceful stop        median ${ms(median(fast.stops))}`);
    const vmP50 = median(fast.pingTimes);
    const hostP50 = median(hostPings);
    console.log(`/_ping via SSH link  p50 ${ms(vmP50)}, p99 ${ms(percentile(fast.pingTimes, 99))}; host dockerd p50 ${ms(hostP50)}, p99 ${ms(percentile(hostPings, 99))}; ratio ${(vmP50 / hostP50).toFixed(2)}×`);
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
