import { describe, expect, it } from 'vitest';
import { firstNames } from './first-names';

const names = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);

describe('firstNames', () => {
  it.each([
    [0, 3, 0, 0],
    [3, 3, 3, 0],
    [4, 3, 4, 0], // one left out would cost a line of its own: shown instead
    [5, 3, 3, 2],
    [10_000, 3, 3, 9_997],
  ])('%i names, at most %i: %i shown, %i more', (count, max, shown, more) => {
    const result = firstNames(names(count), max);
    expect(result.shown).toHaveLength(shown);
    expect(result.more).toBe(more);
    expect(result.shown).toEqual(names(count).slice(0, shown));
  });
});
