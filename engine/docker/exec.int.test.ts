import { describe, expect, it } from 'vitest';
import { startRestartLoop, testEngineClient } from '../testing/test-engine.js';
import { ExecSessions } from './exec.js';

const { docker, made } = testEngineClient();

describe('opening a shell against the engine', () => {
  it('in a container waiting out its restart back-off, says so by reason (the engine’s English refusal was shown as is)', async () => {
    const container = await startRestartLoop(docker, made);
    // Past a few restarts the back-off (100 ms, doubling) leaves it "restarting" for most of the time.
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
      const { State, RestartCount } = await container.inspect();
      if (RestartCount >= 3 && State.Restarting) break;
    }
    const name = (await container.inspect()).Name.replace(/^\//, '');
    await expect(new ExecSessions(docker).open(container.id, { cols: 80, rows: 24 })).rejects.toMatchObject({
      code: 'NOT_RUNNING',
      reason: 'shellContainerRestarting',
      params: { container: name },
    });
  });
});
