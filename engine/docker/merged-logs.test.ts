import { describe, expect, it } from 'vitest';
import { splitTimestamp, timeKey } from './merged-logs.js';

describe('merged log ordering', () => {
  it('orders timestamps whose fractions the engine trimmed', () => {
    const a = '2026-11-22T14:00:00.5Z';
    const b = '2026-11-22T14:00:00.45Z';
    expect(timeKey(b) < timeKey(a)).toBe(true);
    expect(timeKey('2026-11-22T14:00:01Z') > timeKey(a)).toBe(true);
  });

  it('splits the engine timestamp from the text', () => {
    expect(splitTimestamp('2026-11-22T14:00:00.123Z hello world')).toEqual({ time: '2026-11-22T14:00:00.123Z', text: 'hello world' });
  });
});
