import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrashAlert } from '../contract/types.js';
import { openEngine, type OpenEngine } from '../runtime.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { testEngineClient } from '../testing/test-engine.js';

const { docker, made } = testEngineClient();
let engine: OpenEngine;

beforeAll(async () => {
  engine = await openEngine({ engineUrl: requireDockerHost() });
  await engine.connection.waitUntilConnected(5000);
});

afterAll(() => engine?.close());

/**
 * Collects the alerts told while `act` runs, then until `until` says enough (or the test times out);
 * with no `until`, until `act` is done.
 */
async function alertsUntil(act: () => Promise<void>, until?: (alerts: CrashAlert[]) => boolean): Promise<CrashAlert[]> {
  const abort = new AbortController();
  const seen: CrashAlert[] = [];
  const watching = (async () => {
    for await (const notice of engine.api.connection.watchAlerts(abort.signal)) {
      if (notice.initial) continue;
      seen.push(...notice.alerts);
      if (until?.(seen)) abort.abort();
    }
  })();
  await act();
  if (!until) abort.abort();
  await watching;
  return seen;
}

async function run(cmd: string[], restart?: string): Promise<string> {
  const container = await docker.createContainer({
    Image: fixtureImage,
    Cmd: cmd,
    Labels: { 'dev.berth.test': 'crash-watch' },
    HostConfig: restart ? { RestartPolicy: { Name: restart } } : {},
  });
  made.push(container.id);
  await container.start();
  return container.id;
}

describe('crash watch against the engine', () => {
  it('tells a crash with its exit code and says nothing about a docker stop made just before', async () => {
    let crashed = '';
    const alerts = await alertsUntil(
      async () => {
        const stopped = await run(['sleep', '60']);
        await docker.getContainer(stopped).stop({ t: 1 });
        // Events arrive in engine order: the stop's kill and die come before this one's die.
        crashed = await run(['sh', '-c', 'sleep 1; exit 3']);
      },
      (seen) => seen.some((a) => a.containerId === crashed),
    );
    expect(alerts).toEqual([expect.objectContaining({ containerId: crashed, kind: 'exited', exitCode: 3 })]);
  });

  it('tells a restart loop once while the engine keeps restarting it', async () => {
    let looping = '';
    const alerts = await alertsUntil(
      async () => {
        looping = await run(['sh', '-c', 'exit 1'], 'always');
      },
      (seen) => seen.some((a) => a.containerId === looping),
    );
    expect(alerts).toEqual([expect.objectContaining({ containerId: looping, kind: 'restartLoop', exitCode: 1 })]);
    // Three more dies of the same loop (Docker's back-off doubles from 100 ms) tell nothing more.
    const events = (await docker.getEvents({ filters: { container: [looping], event: ['die'] } })) as NodeJS.ReadableStream & { destroy(): void };
    const later = await alertsUntil(
      () =>
        new Promise<void>((resolve) => {
          let dies = 0;
          events.on('data', (chunk: Buffer) => {
            dies += chunk.toString().split('\n').filter(Boolean).length;
            if (dies >= 3) {
              events.destroy();
              resolve();
            }
          });
        }),
    );
    expect(later).toEqual([]);
  }, 30_000);
});
