import { describe, expect, it } from 'vitest';
import { startRestartLoop, testEngineClient } from '../testing/test-engine.js';
import { DockerContainers } from './containers.js';

const { docker, made } = testEngineClient();

describe('the container list against the engine', () => {
  it('says how often a restart-looping container restarted, on the very first list', async () => {
    const container = await startRestartLoop(docker, made);
    // The engine's own count, read until the loop has gone round twice (back-off: 100 ms, then 200 ms).
    let seen = 0;
    for (const deadline = Date.now() + 15_000; seen < 2 && Date.now() < deadline; ) {
      seen = (await container.inspect()).RestartCount;
    }
    expect(seen).toBeGreaterThanOrEqual(2);
    let row;
    // The list shows the loop between two runs as restarting; it may catch one of the runs instead.
    for (const deadline = Date.now() + 15_000; row?.state !== 'restarting' && Date.now() < deadline; ) {
      row = (await new DockerContainers(docker).list()).find((c) => c.id === container.id);
    }
    expect(row).toMatchObject({ state: 'restarting', exitCode: 3 });
    expect(row!.restartCount).toBeGreaterThanOrEqual(seen);
  });
});
