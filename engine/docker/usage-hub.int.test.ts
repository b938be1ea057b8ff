import { describe, expect, it } from 'vitest';
import { fixtureImage } from '../testing/engine-env.js';
import { testEngineClient } from '../testing/test-engine.js';
import { UsageHub } from './usage-hub.js';

/**
 * Issue 17: the list's CPU/memory columns read only the containers a view asks about (its running
 * rows on screen), not every running container, and CPU % comes out of two one-shot readings.
 */
const { docker, made } = testEngineClient();

async function running(cmd: string[]): Promise<string> {
  const container = await docker.createContainer({ Image: fixtureImage, Cmd: cmd, HostConfig: { NetworkMode: 'none' }, Labels: { 'dev.berth.test': 'usage-hub' } });
  made.push(container.id);
  await container.start();
  return container.id;
}

describe('usage hub on the real engine', () => {
  it('reads CPU and memory of the asked containers only', async () => {
    const busy = await running(['sh', '-c', 'while :; do :; done']);
    const other = await running(['sleep', '600']);
    const hub = new UsageHub(docker, { pollMs: 300, firstGapMs: 300 });
    const controller = new AbortController();
    const seen: Record<string, unknown>[] = [];
    for await (const reading of hub.watch([busy], controller.signal)) {
      seen.push(reading);
      if (seen.length === 3) break;
    }
    controller.abort();
    for (const reading of seen) expect(Object.keys(reading)).toEqual([busy]);
    const last = seen.at(-1) as Record<string, { cpuPercent: number; memoryBytes: number }>;
    expect(last[busy]!.cpuPercent).toBeGreaterThan(1); // a shell spinning on a CPU (shared with a busy machine)
    expect(last[busy]!.memoryBytes).toBeGreaterThan(0);
    expect(seen.some((r) => other in r)).toBe(false);
  });
});
