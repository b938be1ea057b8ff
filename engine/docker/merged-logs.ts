import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { MergedLogEvent, MergedLogLine } from '../contract/types.js';
import { AsyncQueue } from '../shared/async-queue.js';
import { engineCall } from './bulk.js';
import { LineSplitter, logFrames, openLogStream, type LogStream } from './log-frames.js';
import { fromDockerError } from './errors.js';

export { splitTimestamp } from './log-frames.js';

/** Lines per message: big enough to keep the page's work per message low, small enough to stay well under a MiB. */
const maxBatchLines = 2000;
/** How long new lines gather while following, so each short batch can be sorted by time. */
const followBatchMs = 50;

/** Sortable form of an RFC 3339 timestamp: the fraction padded to nanoseconds, since the engine trims trailing zeros. */
export function timeKey(time: string): string {
  const match = /^(.*?)(?:\.(\d+))?Z$/.exec(time);
  if (!match) return time;
  return `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}Z`;
}

const byTime = (a: MergedLogLine, b: MergedLogLine) => (timeKey(a.time) < timeKey(b.time) ? -1 : timeKey(a.time) > timeKey(b.time) ? 1 : 0);

type Source = { index: number; id: string; tty: boolean; modem: Docker['modem'] };

/**
 * One container's log as lines, in the engine's order: per stream a streaming UTF-8 decoder and a
 * bounded partial line (./log-frames.ts), and the last line given even without a trailing newline.
 * Read with `for await`: the engine is read only as fast as lines are taken.
 */
async function* sourceLines(source: Source, query: Record<string, unknown>, signal: AbortSignal | undefined): AsyncGenerator<MergedLogLine> {
  const stream = await engineCall(openLogStream(source.modem, source.id, { stdout: true, stderr: true, timestamps: true, ...query }, signal), `Container ${source.id}`);
  const splitters: Record<LogStream, LineSplitter> = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  try {
    for await (const frames of logFrames(stream, source.tty)) {
      for (const frame of frames) {
        for (const line of splitters[frame.stream].push(frame.bytes)) yield { source: source.index, stream: frame.stream, ...line };
      }
    }
  } catch (error) {
    // A cut mid-stream (the engine went away: ECONNRESET) is said as the engine being away, not as a refusal.
    if (!signal?.aborted) throw fromDockerError(error);
  } finally {
    (stream as unknown as Readable).destroy();
  }
  for (const stream of ['stdout', 'stderr'] as const) {
    for (const line of splitters[stream].end()) yield { source: source.index, stream, ...line };
  }
}

/**
 * Merges sources already in time order into one, in time order (a k-way merge): holds one line per
 * source, so the history of many big logs never sits in memory at once.
 */
export async function* mergeByTime<T extends { time: string }>(sources: AsyncIterable<T>[]): AsyncGenerator<T> {
  const iterators = sources.map((s) => s[Symbol.asyncIterator]());
  const heads = await Promise.all(iterators.map((it) => it.next()));
  try {
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i]!;
        if (head.done) continue;
        if (best < 0 || timeKey(head.value.time) < timeKey((heads[best] as IteratorYieldResult<T>).value.time)) best = i;
      }
      if (best < 0) return;
      yield (heads[best] as IteratorYieldResult<T>).value;
      heads[best] = await iterators[best]!.next();
    }
  } finally {
    await Promise.all(iterators.map((it, i) => (heads[i]!.done ? undefined : it.return?.())));
  }
}

/** Groups items into arrays of at most `size`. */
async function* batches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * Several containers' logs as one, in time order: the last `tail` lines of each merged by the
 * engine's timestamps, then new lines as they come (each short batch sorted by time too). Memory is
 * bounded: history is merged a line per source at a time, and while following, the sources are
 * read only while the page keeps up (a queue of a few batches between them and the page).
 */
export async function* streamMergedLogs(
  docker: Docker,
  ids: string[],
  tail: number,
  signal: AbortSignal | undefined,
  /** Resuming after an engine restart: no history, and new lines from this engine time on. */
  sinceTime?: string,
): AsyncGenerator<MergedLogEvent> {
  const containers = await Promise.all(ids.map((id) => engineCall(docker.getContainer(id).inspect(), `Container ${id}`)));
  yield { kind: 'sources', names: containers.map((c) => c.Name.replace(/^\//, '')) };
  // To the millisecond (the engine takes seconds.fraction): a line is either history or new, never both or neither.
  const now = (Date.now() / 1000).toFixed(3);
  const sources: Source[] = containers.map((info, index) => ({ index, id: info.Id, tty: info.Config.Tty, modem: docker.modem }));

  // Resuming after an engine restart: no history again, only what came since.
  if (!sinceTime) {
    let shown = false;
    for await (const lines of batches(mergeByTime(sources.map((s) => sourceLines(s, { follow: false, tail, until: now }, signal))), maxBatchLines)) {
      shown = true;
      yield { kind: 'lines', lines };
    }
    // The page learns the history is complete even when it is empty.
    if (!shown) yield { kind: 'lines', lines: [] };
  }

  // Several sources push at once, so a queue gathers them; each source awaits room before reading on.
  const queue = new AsyncQueue<MergedLogEvent>(4);
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort);
  let batch: MergedLogLine[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (batch.length) queue.push({ kind: 'lines', lines: batch.sort(byTime) });
    batch = [];
  };
  const follow = async (source: Source) => {
    for await (const line of sourceLines(source, { follow: true, since: sinceTime ?? now }, stop.signal)) {
      batch.push(line);
      if (batch.length >= maxBatchLines) flush();
      else timer ??= setTimeout(flush, followBatchMs);
      await queue.room();
      if (stop.signal.aborted) return;
    }
  };
  const following = Promise.allSettled(sources.map(follow)).then(() => {
    flush();
    queue.end();
  });
  try {
    yield* queue.drain(signal);
  } finally {
    stop.abort();
    clearTimeout(timer);
    queue.end();
    signal?.removeEventListener('abort', onAbort);
    await following;
  }
}
