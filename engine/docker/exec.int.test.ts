import { describe, expect, it } from 'vitest';
import { fixtureImage } from '../testing/engine-env.js';
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

describe('a shell whose program never reads what is typed', () => {
  it('stops taking input once a bounded backlog waits, and says why (it buffered without end)', async () => {
    const container = await docker.createContainer({ Image: fixtureImage, Cmd: ['sleep', '600'], Labels: { 'dev.berth.e2e': '1' } });
    made.push(container.id);
    await container.start();
    const sessions = new ExecSessions(docker);
    const { sessionId } = await sessions.open(container.id, { cols: 80, rows: 24 });
    // The shell runs a program that reads nothing: what is typed (or what a terminal answers to a
    // program's queries) piles up in the terminal, then in the engine, then here.
    sessions.input(sessionId, 'exec sleep 600\r');
    const piece = 'x'.repeat(65_536);
    let taken = 0;
    let refusal: unknown;
    for (let i = 0; i < 320 && !refusal; i++) {
      try {
        sessions.input(sessionId, piece);
        taken += piece.length;
      } catch (e) {
        refusal = e;
      }
      // Let the socket move what it can, as a page's next message would.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(refusal).toMatchObject({ code: 'CONFLICT', reason: 'terminalInputBacklog' });
    // 20 MiB were offered; what was taken is the engine's and the kernel's buffers plus the backlog.
    expect(taken).toBeLessThan(8 * 1024 * 1024);
    await sessions.close(sessionId);
  }, 30_000);
});
