import { describe, expect, it } from 'vitest';
import { LineSplitter, logFrames } from './log-frames.js';

/** A frame as the engine multiplexes it: stream byte, three zero bytes, big-endian length, payload. */
function frame(stream: 1 | 2, payload: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

async function* chunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect<T>(items: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const group of items) out.push(...group);
  return out;
}

describe('log frames', () => {
  it('demultiplexes frames cut anywhere by chunk borders, stdout and stderr apart', async () => {
    const bytes = Buffer.concat([frame(1, Buffer.from('out one\n')), frame(2, Buffer.from('err\n')), frame(1, Buffer.alloc(0)), frame(1, Buffer.from('out two\n'))]);
    for (const size of [1, 3, 7, 8, 9, 64]) {
      const frames = await collect(logFrames(chunks(bytes, size), false));
      const text = (stream: string) => Buffer.concat(frames.filter((f) => f.stream === stream).map((f) => f.bytes)).toString();
      expect(text('stdout'), `chunks of ${size}`).toBe('out one\nout two\n');
      expect(text('stderr'), `chunks of ${size}`).toBe('err\n');
    }
  });

  it('hands a huge frame on in pieces as they arrive, not whole', async () => {
    const payload = Buffer.alloc(1024 * 1024, 'a');
    const frames = await collect(logFrames(chunks(frame(1, payload), 64 * 1024), false));
    expect(frames.length).toBeGreaterThan(1);
    expect(Math.max(...frames.map((f) => f.bytes.length))).toBeLessThanOrEqual(64 * 1024);
    expect(frames.reduce((n, f) => n + f.bytes.length, 0)).toBe(payload.length);
  });

  it('passes a TTY log through as stdout', async () => {
    const frames = await collect(logFrames(chunks(Buffer.from('raw bytes\n'), 4), true));
    expect(Buffer.concat(frames.map((f) => f.bytes)).toString()).toBe('raw bytes\n');
    expect(new Set(frames.map((f) => f.stream))).toEqual(new Set(['stdout']));
  });
});

describe('line splitter', () => {
  it('keeps a multi-byte character split across chunks whole', () => {
    const splitter = new LineSplitter();
    const bytes = Buffer.from('2026-11-22T14:00:00.1Z 한글 ✓\n');
    const lines = [...bytes].flatMap((byte) => splitter.push(Buffer.from([byte])));
    expect(lines).toEqual([{ time: '2026-11-22T14:00:00.1Z', text: '한글 ✓' }]);
  });

  it('gives the last line even without a trailing newline, at the end', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(Buffer.from('2026-11-22T14:00:00.1Z one\n2026-11-22T14:00:00.2Z two'))).toEqual([{ time: '2026-11-22T14:00:00.1Z', text: 'one' }]);
    expect(splitter.end()).toEqual([{ time: '2026-11-22T14:00:00.2Z', text: 'two' }]);
    expect(splitter.end()).toEqual([]);
  });

  it('keeps at most the limit of a line that never ends, in pieces with the line’s time', () => {
    const splitter = new LineSplitter(10);
    const lines = splitter.push(Buffer.from('T1 0123456789abcdefghij'));
    expect(lines.map((l) => l.text.length).every((n) => n <= 10)).toBe(true);
    const rest = splitter.end();
    const all = [...lines, ...rest];
    expect(all.map((l) => l.time)).toEqual(all.map(() => 'T1'));
    expect(all.map((l) => l.text).join('')).toBe('0123456789abcdefghij'.slice(0));
  });
});
