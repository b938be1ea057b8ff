import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutputBatcher, type OutputSegment } from './output-batcher.js';

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
