import { describe, expect, it } from 'vitest';
import { isThemeChoice, nextThemeChoice, resolveTheme } from './resolve';

describe('resolveTheme', () => {
  it.each([
    ['system', { dark: false }, 'light'],
    ['system', { dark: true }, 'dark'],
    ['system', { dark: false, moreContrast: true }, 'high-contrast'],
    ['system', { dark: true, moreContrast: true }, 'high-contrast'],
    ['light', { dark: true }, 'light'],
    ['light', { dark: true, moreContrast: true }, 'light'],
    ['dark', { dark: false }, 'dark'],
    ['high-contrast', { dark: false }, 'high-contrast'],
  ] as const)('%s with the OS at %o draws %s', (choice, os, applied) => {
    expect(resolveTheme(choice, os)).toBe(applied);
  });
});

describe('theme choices', () => {
  it('only the four known names are choices (a stale or hand-edited localStorage value is not)', () => {
    expect(['system', 'light', 'dark', 'high-contrast'].every(isThemeChoice)).toBe(true);
    for (const bad of ['', 'Dark', 'solarized', null, 3]) expect(isThemeChoice(bad)).toBe(false);
  });

  it('cycling goes through every choice once and comes back', () => {
    const seen = ['system'] as string[];
    let choice = nextThemeChoice('system');
    while (choice !== 'system') {
      seen.push(choice);
      choice = nextThemeChoice(choice);
    }
    expect(seen).toEqual(['system', 'light', 'dark', 'high-contrast']);
  });
});
