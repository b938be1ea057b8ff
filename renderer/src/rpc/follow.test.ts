import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import type { EngineStatus } from '../../../engine/contract/types';
import { engineSince, followAcrossEngineRestarts, type StreamCallbacks } from './follow';

const status = (state: EngineStatus['state'], generation: number): EngineStatus =>
  ({ endpoint: { id: 'e', url: 'unix:///x' }, state, generation }) as unknown as EngineStatus;

/** A fake engine link driven step by step: no timers, a clock the test moves. */
function harness() {
  let clock = 1_000_000;
  let onStatus: ((s: EngineStatus) => void) | undefined;
  const opened: { resumeFrom: number | undefined; callbacks: StreamCallbacks<string>; closed: boolean }[] = [];
  const seen: string[] = [];
  const stop = followAcrossEngineRestarts<string>(
    (resumeFrom, callbacks) => {
      const stream = { resumeFrom, callbacks, closed: false };
      opened.push(stream);
      return { unsubscribe: () => void (stream.closed = true) };
    },
    {
      onData: (v) => seen.push(v),
      onError: () => seen.push('error'),
      onWaiting: () => seen.push('waiting'),
      onResumed: (s) => seen.push(`resumed after ${s} s`),
      onEnded: () => seen.push('ended'),
    },
    { watchStatus: (cb) => ((onStatus = cb), { unsubscribe: () => undefined }), isFinal: (v) => v === 'removed', now: () => clock },
  );
  return {
    opened,
    seen,
    stop,
    status: (s: EngineStatus) => onStatus!(s),
    tick: (ms: number) => (clock += ms),
    last: () => opened.at(-1)!,
  };
}

describe('followAcrossEngineRestarts', () => {
  it('opens once the engine status is known, and resumes from the last data after a restart', () => {
    const h = harness();
    expect(h.opened).toHaveLength(0);
    h.status(status('connected', 1));
    h.last().callbacks.onStarted();
    h.tick(500);
    h.last().callbacks.onData('line');
    h.tick(2_000);
    h.status(status('disconnected', 1));
    h.last().callbacks.onComplete();
    h.tick(10_000);
    h.status(status('connected', 2));
    expect(h.opened).toHaveLength(2);
    expect(h.last().resumeFrom).toBe(1_000.5);
    expect(h.seen).toEqual(['line', 'waiting', 'resumed after 10 s']);
  });

  it('the stream cut before the connection notices: waits, then resumes on the new generation', () => {
    const h = harness();
    h.status(status('connected', 1));
    h.last().callbacks.onStarted();
    h.last().callbacks.onComplete();
    h.tick(3_000);
    h.status(status('disconnected', 1));
    h.tick(4_000);
    h.status(status('connected', 2));
    expect(h.seen).toEqual(['waiting', 'resumed after 7 s']);
    expect(h.opened).toHaveLength(2);
  });

  it('an expected end (container removed) is not resumed', () => {
    const h = harness();
    h.status(status('connected', 1));
    h.last().callbacks.onData('removed');
    h.last().callbacks.onComplete();
    h.status(status('connected', 2));
    expect(h.opened).toHaveLength(1);
    expect(h.seen).toEqual(['removed']);
  });

  it('a resume the engine refuses (container gone meanwhile) says the stream ended', () => {
    const h = harness();
    h.status(status('connected', 1));
    h.last().callbacks.onStarted();
    h.status(status('disconnected', 1));
    h.last().callbacks.onError(new Error('socket closed'));
    h.status(status('connected', 2));
    h.last().callbacks.onError(new Error('No such container'));
    expect(h.seen).toEqual(['waiting', 'resumed after 0 s', 'ended']);
  });

  it('a live engine refusing the stream before anything came is the caller’s error, even after it started (a logging driver that keeps no logs)', () => {
    const h = harness();
    h.status(status('connected', 1));
    h.last().callbacks.onStarted();
    const refusal = { code: 'ENGINE_ERROR', message: 'The engine refused.', reason: 'engineFailed', engineText: 'configured logging driver does not support reading' };
    h.last().callbacks.onError(new TRPCClientError('refused', { result: { error: { data: { berth: refusal } } } } as never));
    expect(h.seen).toEqual(['error']);
    expect(h.opened).toHaveLength(1);
  });

  it('a stream cut with nothing received yet (a quiet container, the engine killed) waits and resumes, not an error', () => {
    const h = harness();
    h.status(status('connected', 1));
    h.last().callbacks.onStarted();
    // A raw socket error the engine side did not word reaches the page as INTERNAL: no refusal either.
    const cut = { code: 'INTERNAL', message: 'Something went wrong inside Berth.', reason: 'unexpected' };
    h.last().callbacks.onError(new TRPCClientError('cut', { result: { error: { data: { berth: cut } } } } as never));
    h.status(status('disconnected', 1));
    h.status(status('connected', 2));
    expect(h.seen).toEqual(['waiting', 'resumed after 0 s']);
  });

  it('a first failure is the caller’s error, not a resume', () => {
    const h = harness();
    h.status(status('connected', 1));
    h.last().callbacks.onError(new Error('No such container'));
    h.status(status('connected', 2));
    expect(h.seen).toEqual(['error']);
    expect(h.opened).toHaveLength(1);
  });

  it('a stream that ends while the same engine stays connected ends for good', () => {
    vi.useFakeTimers();
    try {
      const h = harness();
      h.status(status('connected', 1));
      h.last().callbacks.onStarted();
      h.last().callbacks.onComplete();
      expect(h.seen).toEqual([]);
      vi.advanceTimersByTime(10_000);
      expect(h.seen).toEqual(['ended']);
      expect(h.opened).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stopping closes the stream and opens nothing more', () => {
    const h = harness();
    h.status(status('connected', 1));
    h.stop();
    expect(h.last().closed).toBe(true);
    h.last().callbacks.onComplete();
    h.status(status('connected', 2));
    expect(h.opened).toHaveLength(1);
    expect(h.seen).toEqual([]);
  });
});

describe('engineSince', () => {
  it.each([
    [1700000000, '1700000000.000000000'],
    [1700000000.5, '1700000000.500000000'],
    [1700000000.123456, '1700000000.123456'],
  ])('%d → %s', (seconds, expected) => {
    expect(engineSince(seconds).startsWith(expected)).toBe(true);
    expect(engineSince(seconds)).toMatch(/^\d+\.\d{9}$/);
  });
});
