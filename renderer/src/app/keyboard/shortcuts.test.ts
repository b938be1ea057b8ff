import { describe, expect, it } from 'vitest';
import { shortcutFor, shortcutKeys, shortcutTable, type KeyPlace, type KeyPress } from './shortcuts';

function press(key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods };
}

describe('shortcutFor', () => {
  // [key, modifiers, where, mac, expected command (or undefined: the key is left alone)]
  const table: [string, Partial<KeyPress>, KeyPlace, boolean, unknown][] = [
    ['1', { ctrlKey: true }, 'elsewhere', false, { kind: 'section', view: 'containers' }],
    ['2', { ctrlKey: true }, 'elsewhere', false, { kind: 'section', view: 'images' }],
    ['3', { ctrlKey: true }, 'text', false, { kind: 'section', view: 'volumes' }],
    ['4', { metaKey: true }, 'elsewhere', true, { kind: 'section', view: 'networks' }],
    ['5', { ctrlKey: true }, 'elsewhere', false, { kind: 'section', view: 'engine' }],
    ['6', { ctrlKey: true }, 'elsewhere', false, { kind: 'section', view: 'swarm' }],
    ['7', { ctrlKey: true }, 'elsewhere', false, undefined],
    ['1', { metaKey: true }, 'elsewhere', false, undefined], // Cmd is not the modifier off a Mac
    ['1', { ctrlKey: true }, 'elsewhere', true, undefined], // nor Ctrl on a Mac
    ['1', { ctrlKey: true, shiftKey: true }, 'elsewhere', false, undefined],
    ['k', { ctrlKey: true }, 'elsewhere', false, { kind: 'palette' }],
    ['K', { ctrlKey: true }, 'text', false, { kind: 'palette' }], // caps lock; from a search field too
    ['k', { metaKey: true }, 'elsewhere', true, { kind: 'palette' }],
    ['k', { ctrlKey: true }, 'terminal', false, undefined], // Ctrl+K kills the line in a shell
    ['1', { ctrlKey: true }, 'terminal', false, undefined],
    ['/', {}, 'elsewhere', false, { kind: 'search' }],
    ['/', {}, 'text', false, undefined], // a slash typed into a field is a slash
    ['/', {}, 'terminal', false, undefined],
    ['?', { shiftKey: true }, 'elsewhere', false, { kind: 'help' }],
    ['?', { shiftKey: true }, 'text', false, undefined],
    ['Escape', {}, 'elsewhere', false, { kind: 'close' }],
    ['Escape', {}, 'text', false, undefined], // the field (or its dialog) handles it
    ['Escape', {}, 'terminal', false, undefined], // vi needs it
    ['Delete', {}, 'elsewhere', false, { kind: 'remove' }],
    ['Delete', {}, 'text', false, undefined],
    ['Delete', { ctrlKey: true }, 'elsewhere', false, undefined],
    ['Backspace', { metaKey: true }, 'elsewhere', true, { kind: 'remove' }],
    ['Backspace', { metaKey: true }, 'text', true, undefined], // deletes to the line's start there
    ['Backspace', {}, 'elsewhere', false, undefined],
    ['a', {}, 'elsewhere', false, undefined],
    ['ArrowLeft', { altKey: true }, 'elsewhere', false, undefined], // history's, not this map's
  ];
  it.each(table)('%s %o in %s (mac %s) → %o', (key, mods, place, mac, expected) => {
    expect(shortcutFor(press(key, mods), place, mac)).toEqual(expected);
  });
});

describe('shortcut labels', () => {
  it('the help lists every command the map gives, with the keys the tooltips show', () => {
    for (const mac of [false, true]) {
      const rows = shortcutTable(mac);
      expect(rows.map((r) => r.does)).toEqual(['palette', 'section.containers', 'section.images', 'section.volumes', 'section.networks', 'section.engine', 'section.swarm', 'search', 'close', 'remove', 'help']);
      expect(rows[0]!.keys).toBe(shortcutKeys({ kind: 'palette' }, mac));
      expect(rows[2]!.keys).toBe(shortcutKeys({ kind: 'section', view: 'images' }, mac));
    }
    expect(shortcutKeys({ kind: 'section', view: 'engine' }, false)).toBe('Ctrl+5');
    expect(shortcutKeys({ kind: 'section', view: 'engine' }, true)).toBe('⌘5');
  });
});
