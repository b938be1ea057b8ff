import type { EngineStatus } from '../../../engine/contract/types';
import { isEngineAnswer } from './errors';

/** What a followed stream's subscription takes: tRPC's own callbacks. */
export interface StreamCallbacks<T> {
  onStarted(): void;
  onData(value: T): void;
  onError(error: unknown): void;
  onComplete(): void;
}

export interface FollowHandlers<T> {
  onData(value: T): void;
  onStarted?(): void;
  /** The first stream failed (a person-facing error: no such container, …). */
  onError(error: unknown): void;
  /** The stream was cut and the engine is not answering; it resumes when the engine is back. */
  onWaiting?(): void;
  /** The engine is back and the stream follows again; nothing came for `gapSeconds`. */
  onResumed(gapSeconds: number): void;
  /** The stream ended and cannot be resumed. */
  onEnded(): void;
}

/**
 * How long a cut stream waits for the connection to show the engine went away before it is taken to
 * have ended on its own. The connection's heartbeat notices a dead engine within ~2 s (ping every
 * 2 s, 1.5 s timeout); this leaves room for a busy machine.
 */
const endedAfterMs = 6_000;

/**
 * Follows a stream (logs, merged logs, stats) across engine restarts. When the stream is cut
 * because the engine went away, it waits until the connection is back (a new connection
 * generation) and opens the stream again from `resumeFrom`, the time (Unix seconds, local clock)
 * the last data arrived: everything the engine stored after that, nothing already shown. A stream
 * that ends while the engine stays connected, or cannot be opened again, ends for good.
 * `isFinal` marks data after which the end is expected (a "container removed" notice).
 * Returns the function that stops following.
 */
export function followAcrossEngineRestarts<T>(
  open: (resumeFrom: number | undefined, callbacks: StreamCallbacks<T>) => { unsubscribe(): void },
  handlers: FollowHandlers<T>,
  {
    watchStatus,
    isFinal = () => false,
    now = Date.now,
  }: {
    /** The engine's status stream, current status first (engine-sync.ts#watchEngineStatus). */
    watchStatus: (onStatus: (status: EngineStatus) => void) => { unsubscribe(): void };
    isFinal?: (value: T) => boolean;
    /** The clock, in ms (tests pass their own). */
    now?: () => number;
  },
): () => void {
  let status: EngineStatus | undefined;
  let stream: { unsubscribe(): void } | undefined;
  let streamGeneration = -1;
  let lastSeen = now() / 1000;
  let lostAt: number | undefined;
  let endTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const connected = () => status?.state === 'connected';

  const start = (resumeFrom: number | undefined) => {
    streamGeneration = status?.generation ?? -1;
    let started = false;
    let received = false;
    let final = false;
    stream = open(resumeFrom, {
      onStarted() {
        started = true;
        handlers.onStarted?.();
      },
      onData(value) {
        received = true;
        lastSeen = now() / 1000;
        if (isFinal(value)) final = true;
        handlers.onData(value);
      },
      onError(error) {
        if (stopped) return;
        // Refused: before the stream started, or by a live engine before anything came (tRPC says
        // "started" as soon as the host takes the call, so a logging driver that keeps no logs is
        // refused after it). Opening again after a restart and refused: the container went meanwhile.
        if (!started || (!received && isEngineAnswer(error))) return resumeFrom !== undefined ? end() : handlers.onError(error);
        lost();
      },
      onComplete() {
        if (stopped) return;
        // An end the data announced (a "container removed" notice) was already said; nothing to add.
        if (final) return void (stream = undefined);
        lost();
      },
    });
  };

  const end = () => {
    stream = undefined;
    lostAt = undefined;
    clearTimeout(endTimer);
    handlers.onEnded();
  };

  const lost = () => {
    stream = undefined;
    lostAt = now();
    if (!connected() || status?.generation !== streamGeneration) {
      handlers.onWaiting?.();
      return resumeIfBack();
    }
    // Still connected to the same engine: either the heartbeat has not noticed yet, or it ended for good.
    endTimer = setTimeout(() => {
      if (lostAt !== undefined && connected() && status?.generation === streamGeneration) end();
    }, endedAfterMs);
  };

  const resumeIfBack = () => {
    if (lostAt === undefined || !connected() || status?.generation === streamGeneration) return;
    clearTimeout(endTimer);
    const gapSeconds = Math.max(0, Math.round((now() - lostAt) / 1000));
    lostAt = undefined;
    handlers.onResumed(gapSeconds);
    start(lastSeen);
  };

  const watch = watchStatus((next) => {
    const first = status === undefined;
    const wentAway = lostAt !== undefined && connected() && next.state !== 'connected';
    status = next;
    if (first) return start(undefined);
    if (wentAway) handlers.onWaiting?.();
    resumeIfBack();
  });

  return () => {
    stopped = true;
    clearTimeout(endTimer);
    watch.unsubscribe();
    stream?.unsubscribe();
  };
}

/** Unix seconds as the engine's `since` takes them: "seconds.nanoseconds", exact to the digit. */
export function engineSince(unixSeconds: number): string {
  const seconds = Math.floor(unixSeconds);
  const nanos = Math.round((unixSeconds - seconds) * 1e9);
  return `${seconds}.${String(Math.min(nanos, 999_999_999)).padStart(9, '0')}`;
}
