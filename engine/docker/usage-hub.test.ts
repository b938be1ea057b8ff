import { getEventListeners } from 'node:events';
import Docker from 'dockerode';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageHub } from './usage-hub.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('usage hub', () => {
  it('keeps one abort listener per subscriber however long it runs (no MaxListenersExceededWarning)', async () => {
    vi.useFakeTimers();
    // An engine that is not there: the hub publishes empty readings, which is all this test needs.
    const hub = new UsageHub(new Docker({ socketPath: '/nonexistent/berth-usage-hub.sock' }), { pollMs: 2000 });
    const controller = new AbortController();
    const readings = hub.watch(['0123456789ab'], controller.signal);
    await readings.next();
    for (let i = 0; i < 30; i++) {
      const next = readings.next();
      await vi.advanceTimersByTimeAsync(2000);
      await next;
    }
    expect(getEventListeners(controller.signal, 'abort').length).toBeLessThanOrEqual(1);
    controller.abort();
    await readings.return(undefined);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
