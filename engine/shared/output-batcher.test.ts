import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchOutput, OutputBatcher, type OutputSegment, type OutputStream } from './output-batcher.js';

describe('OutputBatcher', () => {
  afterEach(() => vi.useRealTimers());

  it('sends many small writes as one batch per interval, keeping stream order', () => {
    vi.useFakeTimers();
    const batches: OutputSegment[][] = [];
    const batcher = new OutputBatcher((b) => batches.push(b), 16);
    const bytes = (s: string) => new TextEncoder().encode(s);
    batcher.write('stdout', bytes('a\n'));
    batcher.write('stdout', bytes('b\n'));
    batcher.write('stderr', bytes('oops\n'));
    batcher.write('stdout', bytes('c\n'));
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(16);
    expect(batches).toEqual([
      [
        { stream: 'stdout', text: 'a\nb\n' },
        { stream: 'stderr', text: 'oops\n' },
        { stream: 'stdout', text: 'c\n' },
      ],
    ]);
  });

  it('keeps a Korean character that arrives in two chunks whole', () => {
    const batches: OutputSegment[][] = [];
    const batcher = new OutputBatcher((b) => batches.push(b));
    const bytes = new TextEncoder().encode('한글\n');
    batcher.write('stdout', bytes.slice(0, 2));
    batcher.write('stdout', bytes.slice(2));
    batcher.finish();
    expect(batches.flat().map((s) => s.text).join('')).toBe('한글\n');
  });

  it('flushes at once when a batch reaches its size limit', () => {
    const batches: OutputSegment[][] = [];
    const batcher = new OutputBatcher((b) => batches.push(b), 1000, 10);
    batcher.write('stdout', new TextEncoder().encode('0123456789'));
    expect(batches).toHaveLength(1);
  });
});

describe('batchOutput (pulled with for await)', () => {
  const frames = (...parts: [OutputStream, Uint8Array][]) =>
    (async function* () {
      for (const [stream, bytes] of parts) yield [{ stream, bytes }];
    })();

  it('joins a character split across frames, per stream', async () => {
    const bytes = Buffer.from('한');
    const batches = [];
    for await (const batch of batchOutput(frames(['stdout', bytes.subarray(0, 1)], ['stderr', Buffer.from('e')], ['stdout', bytes.subarray(1)]))) batches.push(batch);
    expect(batches.flat()).toEqual([
      { stream: 'stderr', text: 'e' },
      { stream: 'stdout', text: '한' },
    ]);
  });

  it('yields a batch at maxBytes without waiting for the interval, and holds no more than that', async () => {
    const chunk = Buffer.alloc(100, 'a');
    const source = frames(...Array.from({ length: 10 }, () => ['stdout', chunk] as [OutputStream, Uint8Array]));
    const sizes = [];
    for await (const batch of batchOutput(source, 60_000, 250)) sizes.push(batch.reduce((n, s) => n + s.text.length, 0));
    expect(sizes).toEqual([300, 300, 300, 100]);
  });

  it('yields what it gathered once the interval passes, while the source is quiet', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const source = (async function* () {
      yield [{ stream: 'stdout' as const, bytes: Buffer.from('first') }];
      await gate;
      yield [{ stream: 'stdout' as const, bytes: Buffer.from('second') }];
    })();
    const batches = batchOutput(source, 5);
    expect((await batches.next()).value).toEqual([{ stream: 'stdout', text: 'first' }]);
    release();
    expect((await batches.next()).value).toEqual([{ stream: 'stdout', text: 'second' }]);
    expect((await batches.next()).done).toBe(true);
  });
});
