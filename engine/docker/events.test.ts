import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChangeCoalescer, resourcesTouchedBy } from './events.js';

describe('resourcesTouchedBy', () => {
  it('maps container lifecycle events to the lists they change', () => {
    expect(resourcesTouchedBy({ Type: 'container', Action: 'stop' })).toEqual(['containers']);
    expect(resourcesTouchedBy({ Type: 'container', Action: 'destroy' })).toEqual(['containers', 'images', 'volumes']);
  });

  it('ignores exec chatter and volume mounts', () => {
    expect(resourcesTouchedBy({ Type: 'container', Action: 'exec_start: sh' })).toEqual([]);
    expect(resourcesTouchedBy({ Type: 'volume', Action: 'mount' })).toEqual([]);
    expect(resourcesTouchedBy({ Type: 'volume', Action: 'create' })).toEqual(['volumes']);
  });

  it('ignores event types it does not know', () => {
    expect(resourcesTouchedBy({ Type: 'plugin', Action: 'enable' })).toEqual([]);
  });
});

describe('ChangeCoalescer', () => {
  afterEach(() => vi.useRealTimers());

  it('turns a burst into one batch per window', () => {
    vi.useFakeTimers();
    const batches: string[][] = [];
    const coalescer = new ChangeCoalescer(25, (r) => batches.push(r));
    for (let i = 0; i < 50; i++) coalescer.add(['containers']);
    coalescer.add(['images']);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(25);
    expect(batches).toEqual([['containers', 'images']]);
    coalescer.add(['volumes']);
    vi.advanceTimersByTime(25);
    expect(batches).toEqual([['containers', 'images'], ['volumes']]);
  });

  it('drops pending changes when disposed', () => {
    vi.useFakeTimers();
    const batches: string[][] = [];
    const coalescer = new ChangeCoalescer(25, (r) => batches.push(r));
    coalescer.add(['containers']);
    coalescer.dispose();
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([]);
  });
});
