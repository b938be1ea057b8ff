import type Docker from 'dockerode';
import type { MergedLogEvent, MergedLogLine } from '../contract/types.js';
import { AsyncQueue } from '../shared/async-queue.js';
import { engineCall } from './bulk.js';

/** Sortable form of an RFC 3339 timestamp: the fraction padded to nanoseconds, since the engine trims trailing zeros. */
export function timeKey(time: string): string {
  const match = /^(.*?)(?:\.(\d+))?Z$/.exec(time);
  if (!match) return time;
  return `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}Z`;
}

/** Splits "2026-11-22T14:00:00.123456789Z the text" into its time and text. */
export function splitTimestamp(line: string): { time: string; text: string } {
  const space = line.indexOf(' ');
  return space > 0 ? { time: line.slice(0, space), text: line.slice(space + 1) } : { time: '', text: line };
}

/** Frames of a multiplexed log buffer (header: stream byte, 3 zero bytes, big-endian length). */
function demuxBuffer(buffer: Buffer, tty: boolean): { stream: 'stdout' | 'stderr'; text: string }[] {
  if (tty) return [{ stream: 'stdout', text: buffer.toString('utf8') }];
  const frames: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const type = buffer[offset];
    const length = buffer.readUInt32BE(offset + 4);
    frames.push({ stream: type === 2 ? 'stderr' : 'stdout', text: buffer.subarray(offset + 8, offset + 8 + length).toString('utf8') });
    offset += 8 + length;
  }
  return frames;
}

/** Complete lines of each stream, with their timestamps; `pending` keeps a line cut by a chunk border. */
function toLines(source: number, frames: { stream: 'stdout' | 'stderr'; text: string }[], pending: Record<string, string>): MergedLogLine[] {
  const lines: MergedLogLine[] = [];
  for (const frame of frames) {
    const text = (pending[frame.stream] ?? '') + frame.text;
    const parts = text.split('\n');
    pending[frame.stream] = parts.pop() ?? '';
    for (const part of parts) lines.push({ source, stream: frame.stream, ...splitTimestamp(part) });
  }
  return lines;
}

const byTime = (a: MergedLogLine, b: MergedLogLine) => (timeKey(a.time) < timeKey(b.time) ? -1 : timeKey(a.time) > timeKey(b.time) ? 1 : 0);

/**
 * Several containers' logs as one, in time order: the last lines of each merged by the engine's
 * timestamps, then new lines as they come (each short batch sorted by time too).
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
  const now = Math.floor(Date.now() / 1000);

  const history = await Promise.all(
    containers.map(async (info, source) => {
      if (sinceTime) return [];
      const buffer = (await engineCall(
        docker.getContainer(info.Id).logs({ follow: false, stdout: true, stderr: true, timestamps: true, tail, until: now }),
      )) as unknown as Buffer;
      return toLines(source, demuxBuffer(Buffer.from(buffer), info.Config.Tty), {});
    }),
  );
  yield { kind: 'lines', lines: history.flat().sort(byTime) };

  const queue = new AsyncQueue<MergedLogEvent>(64);
  let batch: MergedLogLine[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let endedStreams = 0;
  const flush = () => {
    timer = undefined;
    if (batch.length) queue.push({ kind: 'lines', lines: batch.sort(byTime) });
    batch = [];
  };
  const streams = await Promise.all(
    containers.map(async (info, source) => {
      const stream = (await engineCall(
        docker.getContainer(info.Id).logs({ follow: true, stdout: true, stderr: true, timestamps: true, since: (sinceTime ?? now) as number, ...(signal ? { abortSignal: signal } : {}) }),
      )) as unknown as NodeJS.ReadableStream & { destroy(): void };
      const pending: Record<string, string> = {};
      const take = (stream: 'stdout' | 'stderr') => ({
        write: (chunk: Buffer) => {
          batch.push(...toLines(source, [{ stream, text: chunk.toString('utf8') }], pending));
          timer ??= setTimeout(flush, 50);
        },
      });
      if (info.Config.Tty) stream.on('data', (chunk: Buffer) => take('stdout').write(chunk));
      else docker.getContainer(info.Id).modem.demuxStream(stream, take('stdout'), take('stderr'));
      // When every container's stream has ended (all stopped, or the engine went away), so does this one.
      let ended = false;
      const onEnd = () => {
        if (ended) return;
        ended = true;
        if (++endedStreams === containers.length) {
          flush();
          queue.end();
        }
      };
      stream.on('end', onEnd);
      stream.on('close', onEnd);
      stream.on('error', onEnd);
      return stream;
    }),
  );
  try {
    yield* queue.drain(signal);
  } finally {
    clearTimeout(timer);
    streams.forEach((s) => s.destroy());
  }
}
