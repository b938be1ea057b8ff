import { describe, expect, it } from 'vitest';
import { backoffDelay, Listeners } from './listeners.js';

describe('Listeners.iterate', () => {
  it('yields the initial value, then every emitted one, until aborted', async () => {
    const listeners = new Listeners<number>();
    const abort = new AbortController();
    const seen: number[] = [];
    const done = (async () => {
      for await (const value of listeners.iterate(abort.signal, 0)) {
        seen.push(value);
        if (value === 2) abort.abort();
      }
    })();
    await new Promise((r) => setTimeout(r, 0));
    listeners.emit(1);
    listeners.emit(2);
    listeners.emit(3);
    await done;
    expect(seen).toEqual([0, 1, 2]);
    expect(listeners.size).toBe(0);
  });

  it('ends at once when aborted while waiting', async () => {
    const listeners = new Listeners<number>();
    const abort = new AbortController();
    const done = (async () => {
      for await (const _ of listeners.iterate(abort.signal)) void _;
    })();
    await new Promise((r) => setTimeout(r, 0));
    abort.abort();
    await done;
    expect(listeners.size).toBe(0);
  });
});

describe('backoffDelay', () => {
  it('doubles from the minimum up to the cap', () => {
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, 250, 2000))).toEqual([250, 500, 1000, 2000, 2000, 2000]);
  });
});
