import { describe, expect, it } from 'vitest';
import { revealInvisible } from './visible-text';

describe('revealInvisible', () => {
  it.each([
    ['plain', 'web-1', 'web-1'],
    ['other scripts and emoji stay', 'שלום 🚀 한국어', 'שלום 🚀 한국어'],
    ['markup and interpolation stay (React renders text, i18next does not re-read values)', '<img src=x onerror=alert(1)> {{count}} %s', '<img src=x onerror=alert(1)> {{count}} %s'],
    ['right-to-left override', 'evil\u202Etxt.exe', 'evil⟨U+202E⟩txt.exe'],
    ['zero-width space', 'web\u200B-1', 'web⟨U+200B⟩-1'],
    ['bidi isolates and byte-order mark', '\u2066a\u2069\uFEFF', '⟨U+2066⟩a⟨U+2069⟩⟨U+FEFF⟩'],
    ['controls, newline and DEL', 'a\nb\tc\u007F\u0085', 'a⟨U+000A⟩b⟨U+0009⟩c⟨U+007F⟩⟨U+0085⟩'],
  ])('%s', (_, input, shown) => {
    expect(revealInvisible(input)).toBe(shown);
  });
});
