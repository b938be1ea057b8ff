import type Docker from 'dockerode';

export type LogStream = 'stdout' | 'stderr';

export interface LogFrame {
  stream: LogStream;
  bytes: Buffer;
}

/**
 * The engine's multiplexed log stream as frames (header: stream byte, 3 zero bytes, big-endian
 * payload length; see the Engine API's "Attach" docs), given per chunk read: the frames (or pieces
 * of a frame) that chunk completed. A container with a TTY sends raw stdout.
 *
 * Read with `for await`: the source is read only as fast as frames are taken, so a slow consumer
 * holds the engine back instead of piling bytes up here. Linear in the bytes read (dockerode's
 * demuxStream copies the rest of its buffer after every frame: a 64 MiB log took minutes), and a
 * frame's payload is passed on in pieces as it arrives, so a huge frame is never held whole.
 */
export async function* logFrames(source: AsyncIterable<Buffer>, tty: boolean): AsyncGenerator<LogFrame[]> {
  if (tty) {
    for await (const bytes of source) yield [{ stream: 'stdout', bytes }];
    return;
  }
  let rest: Buffer = Buffer.alloc(0);
  let header: { stream: LogStream; length: number } | undefined;
  for await (const chunk of source) {
    let buffer = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    const frames: LogFrame[] = [];
    for (;;) {
      if (!header) {
        if (buffer.length < 8) break;
        header = { stream: buffer[0] === 2 ? 'stderr' : 'stdout', length: buffer.readUInt32BE(4) };
        buffer = buffer.subarray(8);
      }
      const piece = Math.min(header.length, buffer.length);
      if (piece === 0 && header.length > 0) break;
      if (piece > 0) frames.push({ stream: header.stream, bytes: buffer.subarray(0, piece) });
      buffer = buffer.subarray(piece);
      header.length -= piece;
      if (header.length === 0) header = undefined;
    }
    // At most a header's 7 bytes are carried over: payload bytes always go out with their chunk.
    rest = buffer;
    if (frames.length) yield frames;
  }
}

/** Splits "2026-11-22T14:00:00.123456789Z the text" into its time and text. */
export function splitTimestamp(line: string): { time: string; text: string } {
  const space = line.indexOf(' ');
  return space > 0 ? { time: line.slice(0, space), text: line.slice(space + 1) } : { time: '', text: line };
}

/** Longest line (in UTF-16 code units) kept whole; a longer one is shown in pieces of this size. */
export const maxLineChars = 64 * 1024;

export interface TimedLine {
  time: string;
  text: string;
}

/**
 * Turns one stream's bytes (with the engine's timestamps) into lines: a streaming UTF-8 decoder, so
 * a character split across chunks survives; a partial line kept to at most `maxChars`; and the last
 * line given by `end()` even without a trailing newline.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';
  /** The time of a line cut at `maxChars`: its next piece carries no timestamp of its own. */
  private continuedAt: string | undefined;

  constructor(private readonly maxChars = maxLineChars) {}

  push(bytes: Uint8Array): TimedLine[] {
    return this.take(this.decoder.decode(bytes, { stream: true }), false);
  }

  end(): TimedLine[] {
    return this.take(this.decoder.decode(), true);
  }

  private take(text: string, end: boolean): TimedLine[] {
    const lines: TimedLine[] = [];
    let start = 0;
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      lines.push(this.line(this.pending + text.slice(start, newline)));
      this.pending = '';
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    this.pending += text.slice(start);
    while (this.pending.length > this.maxChars) {
      const piece = this.line(this.pending.slice(0, this.maxChars));
      this.continuedAt = piece.time;
      lines.push(piece);
      this.pending = this.pending.slice(this.maxChars);
    }
    if (end && this.pending) {
      lines.push(this.line(this.pending));
      this.pending = '';
    }
    return lines;
  }

  private line(text: string): TimedLine {
    const continued = this.continuedAt;
    this.continuedAt = undefined;
    return continued === undefined ? splitTimestamp(text) : { time: continued, text };
  }
}

/**
 * A container's log as a stream from the engine, with the query `options` (stdout, stderr, tail,
 * since, until, timestamps, follow). dockerode buffers a not-following log whole, so this asks the
 * engine directly with isStream.
 */
export function openLogStream(modem: Docker['modem'], id: string, options: Record<string, unknown>, signal?: AbortSignal): Promise<NodeJS.ReadableStream & AsyncIterable<Buffer>> {
  return new Promise((resolve, reject) => {
    modem.dial(
      {
        path: `/containers/${encodeURIComponent(id)}/logs?`,
        method: 'GET',
        options,
        isStream: true,
        ...(signal ? { abortSignal: signal } : {}),
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
      },
      (error: unknown, stream: unknown) => (error ? reject(error) : resolve(stream as NodeJS.ReadableStream & AsyncIterable<Buffer>)),
    );
  });
}
