import { describe, expect, it } from 'vitest';
import { appendShown, BoundedLines, TerminalFeed } from './bounded-lines';

const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}\n`).join('');

describe('bounded lines', () => {
  it('keeps the newest lines and counts the ones it let go', () => {
    const held = new BoundedLines(1000);
    for (let i = 0; i < 300; i++) held.push(lines(i * 1000 + 1, i * 1000 + 1000));
    const { text, dropped } = held.take();
    expect(dropped).toBe(299_000);
    expect(text).toBe(lines(299_001, 300_000));
    expect(held.take()).toEqual({ text: '', dropped: 0 });
  });

  it('keeps the end of a single huge line within the character limit, and counts it once', () => {
    const held = new BoundedLines(1000, 1024);
    for (let i = 0; i < 100; i++) held.push('a'.repeat(1024));
    held.push('\nafter\n');
    const { text, dropped } = held.take();
    expect(text.length).toBeLessThanOrEqual(1024);
    expect(text.endsWith('a\nafter\n')).toBe(true);
    expect(dropped).toBe(1);
  });

  it('drops nothing while under its limits', () => {
    const held = new BoundedLines(10);
    held.push('one\ntwo\n');
    expect(held.take()).toEqual({ text: 'one\ntwo\n', dropped: 0 });
  });
});

describe('terminal feed', () => {
  it('writes one batch at a time, holds at most its limit meanwhile, and says what it let go', () => {
    const writes: string[] = [];
    let finish: (() => void) | undefined;
    const feed = new TerminalFeed(
      (text, done) => {
        writes.push(text);
        finish = done;
      },
      (n) => `[${n} not shown]\n`,
      100,
    );
    feed.push(lines(1, 10));
    for (let i = 1; i < 300; i++) feed.push(lines(i * 10 + 1, i * 10 + 10));
    expect(writes).toEqual([lines(1, 10)]);
    finish!();
    expect(writes[1]).toBe(`[2890 not shown]\n${lines(2901, 3000)}`);
    feed.setPaused(true);
    finish!();
    feed.push('held\n');
    expect(writes).toHaveLength(2);
    feed.setPaused(false);
    expect(writes[2]).toBe('held\n');
  });
});

describe('shown text', () => {
  it('keeps the last lines of a growing text and counts the earlier ones', () => {
    let shown = { text: '', dropped: 0 };
    for (let i = 1; i <= 10_000; i++) shown = appendShown(shown, `${i}\n`, 100);
    expect(shown.text.endsWith('9999\n10000\n')).toBe(true);
    expect(shown.text.split('\n').length - 1).toBeLessThanOrEqual(125);
    expect(shown.dropped + shown.text.split('\n').length - 1).toBe(10_000);
  });
});

describe('appendShown with output that never ends a line', () => {
  it('keeps at most maxChars (plus slack) of a line with no newline, counting the cut line once', () => {
    let shown = { text: 'first\n', dropped: 0 };
    // 10 MB with no newline, as 1,000 pieces of 10,000 characters.
    for (let i = 0; i < 1000; i++) shown = appendShown(shown, 'x'.repeat(10_000), 5000, 100_000);
    expect(shown.text.length).toBeLessThanOrEqual(125_000);
    expect(shown.text.endsWith('x'.repeat(1000))).toBe(true);
    // "first" and the start of the long line went.
    expect(shown.dropped).toBe(2);
    shown = appendShown(shown, 'x\nafter\n', 5000, 100_000);
    expect(shown.text.endsWith('x\nafter\n')).toBe(true);
    expect(shown.dropped).toBe(2);
  });
});
