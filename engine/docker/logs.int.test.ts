import { describe, expect, it } from 'vitest';
import { containerLogsInput } from '../contract/schemas.js';
import type { LogEvent } from '../contract/types.js';
import { fixtureImage } from '../testing/engine-env.js';
import { testEngineClient } from '../testing/test-engine.js';
import { streamContainerLogs } from './logs.js';

const { docker, made } = testEngineClient();

describe('following the log of a container the engine keeps restarting', () => {
  it('says each real restart once, instead of reading the last run again and again while it waits', async () => {
    const container = await docker.createContainer({
      Image: fixtureImage,
      Cmd: ['sh', '-c', 'echo starting; exit 3'],
      Labels: { 'dev.berth.e2e': '1' },
      HostConfig: { RestartPolicy: { Name: 'always' } },
    });
    made.push(container.id);
    await container.start();
    // Past the first restarts the engine's back-off (100 ms, doubling) is 800 ms and more.
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
      if ((await container.inspect()).RestartCount >= 4) break;
    }
    const restartsBefore = (await container.inspect()).RestartCount;
    const follow = new AbortController();
    const stopAt = setTimeout(() => follow.abort(), 2_000);
    const events: LogEvent[] = [];
    try {
      for await (const event of streamContainerLogs(docker, containerLogsInput.parse({ id: container.id, tail: 1 }), follow.signal)) events.push(event);
    } catch (error) {
      if (!follow.signal.aborted) throw error;
    } finally {
      clearTimeout(stopAt);
    }
    const restartsDuring = (await container.inspect()).RestartCount - restartsBefore;
    const noticed = events.filter((e) => e.kind === 'notice' && e.notice === 'restarted').length;
    // One notice per start the engine really made while we followed (at most one more, at the edge).
    expect(noticed).toBeLessThanOrEqual(restartsDuring + 1);
  });
});

describe('a container whose logging driver keeps nothing', () => {
  it('is refused as logsNotKept naming the driver, with the engine’s words (not a quiet empty stream)', async () => {
    const created = await docker.createContainer({ Image: fixtureImage, Labels: { 'dev.berth.e2e': '1' }, HostConfig: { LogConfig: { Type: 'none', Config: {} } } });
    try {
      const reading = (async () => {
        for await (const event of streamContainerLogs(docker, containerLogsInput.parse({ id: created.id, follow: false }), undefined)) void event;
      })();
      await expect(reading).rejects.toMatchObject({ reason: 'logsNotKept', params: { driver: 'none' }, engineText: expect.stringContaining('does not support reading') });
    } finally {
      await created.remove({ force: true });
    }
  });
});
