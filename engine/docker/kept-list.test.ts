import { describe, expect, it } from 'vitest';
import { KeptList } from './kept-list.js';

// A list forgotten at each change (images, volumes), with an in-memory engine whose calls wait
// until the test answers them; kept-containers.int.test.ts drives the kept lists through a real dockerd.

function engine() {
  const calls: { answer: (rows: string[]) => void; fail: (e: Error) => void }[] = [];
  let told = 0;
  let clock = 0;
  const kept = new KeptList<string>(
    () => new Promise((answer, fail) => calls.push({ answer, fail })),
    () => told++,
    1000,
    () => clock,
  );
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    kept,
    calls,
    told: () => told,
    tick: (ms: number) => (clock += ms),
    settle,
    async answer(rows: string[]) {
      await settle();
      calls.shift()!.answer(rows);
      await settle();
    },
    /** Linked, and `rows` asked for and kept. */
    async primed(rows: string[]) {
      kept.linkOpened(1);
      const first = kept.list();
      await this.answer(rows);
      expect(await first).toEqual(rows);
    },
  };
}

describe('a list kept between asks and forgotten at each change', () => {
  it('answers from what it keeps until a change forgets it', async () => {
    const e = engine();
    await e.primed(['a']);
    expect(await e.kept.list()).toEqual(['a']);
    e.kept.forget();
    const after = e.kept.list();
    await e.answer(['a', 'b']);
    expect(await after).toEqual(['a', 'b']);
    expect(await e.kept.list()).toEqual(['a', 'b']);
    expect(e.calls).toHaveLength(0);
  });

  it('keeps no answer asked for before a change, and a later ask does not join it', async () => {
    const e = engine();
    e.kept.linkOpened(1);
    const before = e.kept.list();
    e.kept.forget(); // a volume was made while the engine answered
    const after = e.kept.list();
    await e.settle();
    expect(e.calls).toHaveLength(2);
    await e.answer(['a']);
    await e.answer(['a', 'b']);
    expect(await before).toEqual(['a']);
    expect(await after).toEqual(['a', 'b']);
    expect(await e.kept.list()).toEqual(['a', 'b']);
  });

  it('asks behind rows a second old and tells pages only when the engine answers otherwise', async () => {
    const e = engine();
    await e.primed(['a']);
    e.tick(1000);
    expect(await e.kept.list()).toEqual(['a']);
    await e.answer(['a']);
    expect(e.told()).toBe(0);
    e.tick(1000);
    expect(await e.kept.list()).toEqual(['a']);
    await e.answer(['a', 'untagged']); // made without an event (an image built without a name)
    expect(e.told()).toBe(1);
    expect(await e.kept.list()).toEqual(['a', 'untagged']);
  });

  it('checks behind young rows when asked to, once more after a check already out, and tells pages what differs', async () => {
    const e = engine();
    await e.primed(['a']);
    e.kept.checkBehind();
    e.kept.checkBehind(); // the tag moved again while the first check was out
    await e.answer(['a']);
    expect(e.told()).toBe(0);
    await e.answer(['b']); // the check that followed
    expect(e.told()).toBe(1);
    expect(await e.kept.list()).toEqual(['b']);
    expect(e.calls).toHaveLength(0);
  });

  it('tells pages nothing when the engine answers the same rows in another order, and keeps serving them in the order given', async () => {
    // dockerd lists volumes in a new order at each call (a Go map's): measured here, 53 volumes, three orders in three calls.
    const e = engine();
    await e.primed(['a', 'b', 'c']);
    e.tick(1000);
    await e.kept.list();
    await e.answer(['c', 'a', 'b']);
    expect(e.told()).toBe(0);
    expect(await e.kept.list()).toEqual(['a', 'b', 'c']);
    e.tick(1000);
    await e.kept.list();
    await e.answer(['c', 'a', 'a']);
    expect(e.told()).toBe(1);
  });

  it('drops a call behind that a change overtook, and keeps nothing without an events stream', async () => {
    const e = engine();
    await e.primed(['a']);
    e.tick(1000);
    await e.kept.list();
    e.kept.forget();
    await e.answer(['a']); // the call behind answers the state before the change: neither kept nor told
    expect(e.told()).toBe(0);
    const next = e.kept.list();
    await e.answer(['b']);
    expect(await next).toEqual(['b']);

    e.kept.linkClosed();
    const unlinked = e.kept.list();
    await e.answer(['c']);
    expect(await unlinked).toEqual(['c']);
    const again = e.kept.list();
    await e.settle();
    expect(e.calls).toHaveLength(1); // nothing was kept without the stream
    await e.answer(['c']);
    await again;
  });

  it("tells pages after Berth's own change even when nothing was kept to compare the engine's answer with", async () => {
    const e = engine();
    await e.primed(['a']);
    e.kept.forget(); // an image event (a build pulling its base); the other tab asks again
    const tabB = e.kept.list();
    e.kept.forgetOwnChange(); // the build runs while that call is out: nothing kept to compare with
    await e.answer(['a', 'base']);
    expect(await tabB).toEqual(['a', 'base']);
    const tabA = e.kept.list(); // the Build dialog asks on 'done'
    await e.answer(['a', 'base', 'unnamed']);
    expect(await tabA).toEqual(['a', 'base', 'unnamed']);
    expect(e.told()).toBe(1); // every page asks again: the other tab sees the image built without a name
  });

  it('checks behind once the call out is answered when asked to while nothing was kept yet', async () => {
    const e = engine();
    e.kept.linkOpened(1);
    const page = e.kept.list(); // a page loads; the engine's call is out
    e.kept.checkBehind(); // a tag moved meanwhile: the answer may be from before
    await e.answer(['myapp:dev → old']);
    expect(await page).toEqual(['myapp:dev → old']);
    expect(e.calls).toHaveLength(1); // asked again behind the kept rows
    await e.answer(['myapp:dev → new']);
    expect(e.told()).toBe(1);
    expect(await e.kept.list()).toEqual(['myapp:dev → new']);
  });
});
