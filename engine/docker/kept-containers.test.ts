import { describe, expect, it } from 'vitest';
import type { ContainerSummary, EngineChanges } from '../contract/types.js';
import type { ChangeBatch } from './events.js';
import { KeptContainers } from './kept-containers.js';

// The queue's order and what is kept, with an in-memory engine; kept-containers.int.test.ts drives
// the same class through a real dockerd's events.

const row = (id: string, status = 'Created', extra: Partial<ContainerSummary> = {}): ContainerSummary => ({
  id,
  name: id,
  image: 'busybox',
  imageId: 'sha256:b',
  state: status.startsWith('Up') ? 'running' : 'created',
  status,
  created: 1,
  ports: [],
  exposed: [],
  volumes: [],
  networks: [],
  ...extra,
});

/** A hand-driven engine: every list and resolve call waits until the test answers it. */
function engine(queueWaitMs?: number) {
  const lists: ((rows: ContainerSummary[]) => void)[] = [];
  const failures: ((e: Error) => void)[] = [];
  const resolves: { batch: ChangeBatch; answer: (c: EngineChanges) => void }[] = [];
  const told: EngineChanges[] = [];
  let clock = 0;
  const kept = new KeptContainers(
    {
      list: () =>
        new Promise((resolve, reject) => {
          lists.push(resolve);
          failures.push(reject);
        }),
      resolve: (batch) => new Promise((answer) => resolves.push({ batch, answer })),
    },
    (changes) => told.push(changes),
    1000,
    () => clock,
    queueWaitMs,
  );
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    kept,
    told,
    lists,
    resolves,
    tick: (ms: number) => (clock += ms),
    /** Answers the oldest list call still out. */
    async answerList(rows: ContainerSummary[]) {
      await settle();
      failures.shift();
      lists.shift()!(rows);
      await settle();
    },
    async failList() {
      await settle();
      lists.shift();
      failures.shift()!(new Error('engine gone'));
      await settle();
    },
    async answerResolve(changes: EngineChanges) {
      await settle();
      resolves.shift()!.answer(changes);
      await settle();
    },
    settle,
  };
}

const batch = (id: string): ChangeBatch => ({ resources: ['containers'], containerIds: [id] });

describe('the containers list kept between asks', () => {
  it('asks the engine once, then answers from what it keeps', async () => {
    const e = engine();
    e.kept.linkOpened(1);
    const first = e.kept.list();
    await e.answerList([row('a')]);
    expect(await first).toEqual([row('a')]);
    expect(await e.kept.list()).toEqual([row('a')]);
    await e.settle();
    expect(e.lists).toHaveLength(0);
  });

  it('makes one call for asks that come while the first is out', async () => {
    const e = engine();
    e.kept.linkOpened(1);
    const asks = [e.kept.list(), e.kept.list(), e.kept.list()];
    await e.settle();
    expect(e.lists).toHaveLength(1);
    await e.answerList([row('a')]);
    expect(await Promise.all(asks)).toEqual([[row('a')], [row('a')], [row('a')]]);
  });

  it('applies each batch of events to what it keeps before telling pages', async () => {
    const e = engine();
    e.kept.linkOpened(1);
    const first = e.kept.list();
    await e.answerList([row('a'), row('b')]);
    await first;
    e.kept.changed(batch('a'));
    await e.answerResolve({ resources: [], containers: { upserted: [row('a', 'Up 1 second', { eventTime: '5' })], removed: ['b'] } });
    expect(e.told).toEqual([{ resources: [], containers: { upserted: [row('a', 'Up 1 second', { eventTime: '5' })], removed: ['b'] } }]);
    expect(await e.kept.list()).toEqual([row('a', 'Up 1 second', { eventTime: '5' })]);
  });

  it('applies a batch that came while the list was out on top of the list, not under it', async () => {
    const e = engine();
    e.kept.linkOpened(1);
    const first = e.kept.list();
    e.kept.changed(batch('a')); // the event came while the engine was answering the list
    await e.settle();
    expect(e.resolves).toHaveLength(0); // waits for the list: its rows were read after the list's
    await e.answerList([row('a')]);
    await e.answerResolve({ resources: [], containers: { upserted: [row('a', 'Up 1 second', { eventTime: '5' })], removed: [] } });
    expect(await first).toEqual([row('a')]);
    expect(await e.kept.list()).toEqual([row('a', 'Up 1 second', { eventTime: '5' })]);
  });

  it('forgets what it keeps when a batch could not be made into rows (pages refetch, and so does it)', async () => {
    const e = engine();
    e.kept.linkOpened(1);
    const first = e.kept.list();
    await e.answerList([row('a')]);
    await first;
    e.kept.changed(batch('a'));
    await e.answerResolve({ resources: ['containers'] });
    const again = e.kept.list();
    await e.answerList([row('a', 'Up 1 second')]);
    expect(await again).toEqual([row('a', 'Up 1 second')]);
  });

  it('answers at once when its rows are over a second old, asks behind, and tells pages only the rows that differ', async () => {
    const e = engine();
    e.kept.linkOpened(1);
    const first = e.kept.list();
    await e.answerList([row('a', 'Up 1 second', { eventTime: '7' }), row('b'), row('c')]);
    await first;
    e.tick(999);
    expect(await e.kept.list()).toHaveLength(3);
    await e.settle();
    expect(e.lists).toHaveLength(0); // not yet a second old

    e.tick(1);
    expect((await e.kept.list()).map((r) => r.status)).toEqual(['Up 1 second', 'Created', 'Created']);
    expect(await e.kept.list()).toHaveLength(3); // a second ask while the first is out asks nothing more
    await e.settle();
    expect(e.lists).toHaveLength(1);
    await e.answerList([row('a', 'Up 3 seconds'), row('b'), row('d')]);
    expect(e.told).toEqual([{ resources: [], containers: { upserted: [row('a', 'Up 3 seconds', { eventTime: '7' }), row('d')], removed: ['c'] } }]);
    expect((await e.kept.list()).map((r) => r.id)).toEqual(['a', 'b', 'd']);

    e.tick(1000);
    await e.kept.list();
    await e.answerList([row('a', 'Up 3 seconds'), row('b'), row('d')]);
    expect(e.told).toHaveLength(1); // nothing differed: nothing told
  });

  it('trusts nothing kept once the events stream is gone, nor a list asked for under an older stream', async () => {
    const e = engine();
    e.kept.linkOpened(1);
    const first = e.kept.list();
    await e.answerList([row('a')]);
    await first;
    e.kept.linkClosed();
    const unlinked = e.kept.list(); // straight to the engine, nothing kept
    await e.answerList([row('b')]);
    expect(await unlinked).toEqual([row('b')]);

    e.kept.linkOpened(2);
    const second = e.kept.list();
    e.kept.linkOpened(3); // the link went and came back while the engine answered
    await e.answerList([row('c')]);
    expect(await second).toEqual([row('c')]);
    const third = e.kept.list();
    await e.settle();
    expect(e.lists).toHaveLength(1); // the answer of link 2 was not kept under link 3
    await e.answerList([row('d')]);
    expect(await third).toEqual([row('d')]);
  });

  it('logs a failed call behind the kept rows and serves them still', async () => {
    const e = engine();
    e.kept.linkOpened(1);
    const first = e.kept.list();
    await e.answerList([row('a')]);
    await first;
    e.tick(1000);
    await e.kept.list();
    await e.failList();
    expect(await e.kept.list()).toEqual([row('a')]);
    e.tick(1000);
    await e.kept.list();
    await e.settle();
    expect(e.lists).toHaveLength(1); // asked behind again: the failure did not leave it stuck
  });

  it('passes an engine failure to the asker, keeps nothing, and goes on', async () => {
    const e = engine();
    e.kept.linkOpened(1);
    const failed = expect(e.kept.list()).rejects.toThrow('engine gone');
    await e.failList();
    await failed;
    const again = e.kept.list();
    await e.answerList([row('a')]);
    expect(await again).toEqual([row('a')]);
  });

  it('moves on past a batch the engine never answers (a wedged container\'s inspect): later asks are answered', async () => {
    {
      const e = engine(30);
      e.kept.linkOpened(1);
      const first = e.kept.list();
      await e.answerList([row('a')]);
      await first;
      e.kept.changed(batch('a')); // its resolve never answers
      e.kept.forgetOwnChange(); // the person starts another container
      const after = e.kept.list();
      await new Promise((r) => setTimeout(r, 60)); // past the queue's wait (30 ms here, keptQueueWaitMs in Berth)
      expect(e.lists).toHaveLength(1); // the queue moved on: the engine is asked
      await e.answerList([row('a'), row('b')]);
      expect(await after).toEqual([row('a'), row('b')]);
      // The batch answering at last is not applied to what is kept (newer rows may be by then) but still reaches pages.
      await e.answerResolve({ resources: [], containers: { upserted: [row('a', 'Up 1 second', { eventTime: '5' })], removed: ['b'] } });
      expect(e.told.at(-1)?.containers?.removed).toEqual(['b']);
      const again = e.kept.list(); // nothing kept across the wait given up: the engine is asked
      await e.answerList([row('a'), row('b')]);
      expect(await again).toEqual([row('a'), row('b')]);
      expect(await e.kept.list()).toEqual([row('a'), row('b')]);
    }
  });

  it('keeps a row an event settled when the engine\'s list, which lags behind a die, still says running', async () => {
    const e = engine();
    e.kept.linkOpened(1);
    const first = e.kept.list();
    await e.answerList([row('a', 'Up 5 seconds')]);
    await first;
    e.kept.changed(batch('a'));
    const exited: ContainerSummary = { ...row('a', 'Exited (137) Less than a second ago'), state: 'exited', eventTime: '9' };
    await e.answerResolve({ resources: [], containers: { upserted: [exited], removed: [] } });
    e.tick(1000);
    await e.kept.list();
    await e.answerList([row('a', 'Up 6 seconds')]); // the list has not caught up with the die
    expect(await e.kept.list()).toEqual([exited]);
    expect(e.told).toHaveLength(1); // only the event's patch: no 'running' told after it
  });
});
