import { describe, expect, it } from 'vitest';
import type { CrashAlert } from '../contract/types.js';
import { CrashWatch } from './crash-watch.js';
import type { DockerEvent } from './events.js';

/** A crash watch on a fake clock: `advance` runs the timers that fall due, in order. */
function watched(restartPolicy: boolean) {
  let now = 1_000_000;
  const timers: { at: number; run: () => void; live: boolean }[] = [];
  const alerts: CrashAlert[] = [];
  const watch = new CrashWatch({
    now: () => now,
    setTimer: (ms, run) => {
      const timer = { at: now + ms, run, live: true };
      timers.push(timer);
      return () => (timer.live = false);
    },
    willRestart: async () => restartPolicy,
    emit: (alert) => alerts.push(alert),
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    alerts,
    async send(action: string, attributes: Record<string, string> = {}, id = 'c1') {
      watch.observe({ Type: 'container', Action: action, Actor: { ID: id, Attributes: { name: 'web', ...attributes } }, timeNano: `${now}000000` } satisfies DockerEvent);
      await settle();
    },
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.live && t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        due.live = false;
        now = due.at;
        due.run();
        await settle();
      }
      now = until;
    },
  };
}

describe('CrashWatch', () => {
  it('says nothing about a stop, a kill or a restart a person asked for (kill comes before die)', async () => {
    const w = watched(false);
    for (const action of ['kill', 'die', 'stop']) await w.send(action, action === 'die' ? { exitCode: '143' } : { signal: '15' });
    for (const action of ['kill', 'die', 'stop', 'start', 'restart']) await w.send(action, action === 'die' ? { exitCode: '137' } : {});
    for (const action of ['kill', 'die', 'destroy']) await w.send(action, action === 'die' ? { exitCode: '137' } : {});
    expect(w.alerts).toEqual([]);
  });

  it('still tells a crash after a signal that only asks a process to reload (docker kill -s HUP)', async () => {
    const w = watched(false);
    await w.send('kill', { signal: '1' });
    await w.send('die', { exitCode: '2' });
    expect(w.alerts).toEqual([expect.objectContaining({ kind: 'exited', exitCode: 2 })]);
  });

  it('forgets a kill whose die never came (the process caught it) once a stop could not take longer', async () => {
    const w = watched(false);
    await w.send('kill', { signal: '15' });
    await w.advance(10 * 60_000);
    await w.send('die', { exitCode: '1' });
    expect(w.alerts).toEqual([expect.objectContaining({ kind: 'exited', exitCode: 1 })]);
  });

  it('tells a die nobody asked for, with its exit code, once', async () => {
    const w = watched(false);
    await w.send('start');
    await w.send('die', { exitCode: '3' });
    expect(w.alerts).toEqual([expect.objectContaining({ kind: 'exited', exitCode: 3, name: 'web', containerId: 'c1' })]);
  });

  it('takes an exit with code 0 for a finished job, not a crash', async () => {
    const w = watched(false);
    await w.send('die', { exitCode: '0' });
    expect(w.alerts).toEqual([]);
  });

  it('names an out-of-memory kill (oom before die)', async () => {
    const w = watched(false);
    await w.send('oom');
    await w.send('die', { exitCode: '137' });
    expect(w.alerts).toEqual([expect.objectContaining({ kind: 'oomKilled', exitCode: 137 })]);
  });

  it('tells a restart loop once, not once per restart, and again only after a quiet window', async () => {
    const w = watched(true);
    // Docker's restart back-off: 100 ms, then doubling.
    for (const gap of [0, 100, 200, 400, 800, 1600]) {
      await w.advance(gap);
      await w.send('die', { exitCode: '1' });
      await w.send('start');
    }
    await w.advance(30_000);
    expect(w.alerts).toEqual([expect.objectContaining({ kind: 'restartLoop', restarts: 3, exitCode: 1 })]);
    await w.advance(120_000);
    for (const gap of [0, 100, 200]) {
      await w.advance(gap);
      await w.send('die', { exitCode: '1' });
    }
    expect(w.alerts.map((a) => a.kind)).toEqual(['restartLoop', 'restartLoop']);
  });

  it('tells one crash that its restart policy recovered, after the grace, as restarted', async () => {
    const w = watched(true);
    await w.send('die', { exitCode: '2' });
    await w.send('start');
    expect(w.alerts).toEqual([]);
    await w.advance(10_000);
    expect(w.alerts).toEqual([expect.objectContaining({ kind: 'exited', exitCode: 2, restarted: true })]);
  });

  it('tells a turn to unhealthy once per turn', async () => {
    const w = watched(false);
    await w.send('health_status: starting');
    await w.send('health_status: unhealthy');
    await w.send('health_status: unhealthy');
    await w.send('health_status: healthy');
    await w.send('health_status: unhealthy');
    expect(w.alerts.map((a) => a.kind)).toEqual(['unhealthy', 'unhealthy']);
  });

  it("ignores Berth's own helper containers", async () => {
    const w = watched(false);
    await w.send('die', { exitCode: '1', 'dev.berth.helper': '1' });
    expect(w.alerts).toEqual([]);
  });

  it('keeps containers apart: one stopping does not hide the other crashing', async () => {
    const w = watched(false);
    await w.send('kill', {}, 'a');
    await w.send('die', { exitCode: '1' }, 'b');
    await w.send('die', { exitCode: '143' }, 'a');
    expect(w.alerts).toEqual([expect.objectContaining({ containerId: 'b', exitCode: 1 })]);
  });
});
