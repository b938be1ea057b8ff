import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NativeDockerd } from '../engine/hosts/native-dockerd.js';
import { median, ms } from './measure.js';

/**
 * Issue 6's native-engine benchmark: Berth's own dockerd from spawn to an answering API, and a
 * graceful stop, over several starts. Budget: spawn → ready ≤ 2 s.
 */
const runs = Number(process.env.BENCH_NATIVE_RUNS ?? 5);

async function main() {
  const base = await mkdtemp(join(tmpdir(), 'berth-native-bench-'));
  const engine = new NativeDockerd({
    dataDir: join(base, 'data'),
    runtimeDir: join(base, 'run'),
    bridge: { name: 'berth-bench0', cidr: '172.31.248.1/24' },
  });
  const ready: number[] = [];
  const stops: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const status = await engine.start();
      if (status.state !== 'running') throw new Error(status.error?.message ?? `dockerd did not start (${status.state})`);
      ready.push(status.readyInMs ?? NaN);
      const started = performance.now();
      await engine.stop();
      stops.push(performance.now() - started);
    }
    console.log(`\n## Berth's own dockerd (${engine.status.mode}), ${runs} starts`);
    console.log(`spawn → API ready   median ${ms(median(ready))}  max ${ms(Math.max(...ready))} (budget ≤ 2 s: ${Math.max(...ready) <= 2000 ? 'within' : 'OVER'})`);
    console.log(`graceful stop       median ${ms(median(stops))}`);
  } finally {
    await engine.reset();
    await rm(base, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
