import { describe, expect, it } from 'vitest';
import { compareText, formatBytes, formatDate, formatDateTime, formatRelativeTime, imageShown } from './format';

describe('imageShown', () => {
  it('shortens an image ID as docker ps does, and leaves names alone', () => {
    expect(imageShown('sha256:20bda9047eeedd4398a3463a092f3e51fe34c5df9bd4b3d2ffa61cd0b69dfa28')).toBe('20bda9047eee');
    expect(imageShown('berth-fixture/busybox:latest')).toBe('berth-fixture/busybox:latest');
    expect(imageShown('registry.example:5000/app@sha256:20bda9047eeedd4398a3463a092f3e51fe34c5df9bd4b3d2ffa61cd0b69dfa28')).toBe(
      'registry.example:5000/app@sha256:20bda9047eeedd4398a3463a092f3e51fe34c5df9bd4b3d2ffa61cd0b69dfa28',
    );
  });
});

describe('kept formatters', () => {
  const instants = [0, 1_700_000_000, 1_800_000_123];
  it('word dates exactly as toLocaleString does, in every language Berth speaks and a few it may meet', () => {
    for (const locale of ['en', 'ko', 'de', 'ja']) {
      for (const seconds of instants) {
        expect(formatDateTime(seconds, locale)).toBe(new Date(seconds * 1000).toLocaleString(locale));
        expect(formatDate(new Date(seconds * 1000).toISOString(), locale)).toBe(new Date(seconds * 1000).toLocaleString(locale));
      }
    }
  });

  it('show a date text that is no date as it came, never "Invalid Date"', () => {
    expect(formatDate('last tuesday', 'ko')).toBe('last tuesday');
    expect(formatDate(new Date(Number.NaN), 'ko')).toBe('—');
  });

  it('word sizes and relative times as the per-call forms did', () => {
    expect(formatBytes(1_234_567, 'en')).toBe('1.2 MB');
    expect(formatBytes(1_234_567, 'de')).toBe('1,2 MB');
    expect(formatBytes(999, 'ko')).toBe('999 B');
    expect(formatRelativeTime(100, 'en', 100_000 + 3 * 3600_000)).toBe(new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(-3, 'hour'));
    expect(formatRelativeTime(1000, 'ko', 1000_000)).toBe('지금');
  });

  it('order names as localeCompare does', () => {
    const names = ['b', 'a', 'B', 'ä', '10', '9', '가', 'z'];
    expect([...names].sort(compareText)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
