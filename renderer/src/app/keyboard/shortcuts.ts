import type { View } from '../../state/ui-store';

/** What a key asks Berth to do. */
export type ShortcutCommand =
  | { kind: 'section'; view: View }
  | { kind: 'palette' }
  | { kind: 'search' }
  | { kind: 'close' }
  | { kind: 'remove' }
  | { kind: 'help' };

/** The parts of a KeyboardEvent the map reads (so tests pass plain objects). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * Where the key was pressed: in a terminal (xterm: every key belongs to the shell, Ctrl+K included),
 * in a text field (typed characters and editing keys belong to it), or elsewhere.
 */
export type KeyPlace = 'terminal' | 'text' | 'elsewhere';

// Swarm came after the others had their keys: it takes Ctrl+6 so Ctrl+5 stays the Engine section.
export const sectionOrder: readonly View[] = ['containers', 'images', 'volumes', 'networks', 'engine', 'swarm'];

/**
 * The one key → command map. `mac` makes Cmd the modifier instead of Ctrl (and Cmd+Backspace the
 * remove key, as Finder's). Nothing is taken from a terminal; in a text field only the modified
 * keys that no text field uses (Ctrl/Cmd+1…6, Ctrl/Cmd+K) are. Returns undefined for any other key.
 */
export function shortcutFor(press: KeyPress, place: KeyPlace, mac: boolean): ShortcutCommand | undefined {
  if (place === 'terminal') return undefined;
  const mod = mac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
  if (mod && !press.altKey && !press.shiftKey) {
    const digit = /^[1-6]$/.test(press.key) ? Number(press.key) : 0;
    if (digit) return { kind: 'section', view: sectionOrder[digit - 1]! };
    if (press.key.toLowerCase() === 'k') return { kind: 'palette' };
    if (mac && press.key === 'Backspace' && place === 'elsewhere') return { kind: 'remove' };
    return undefined;
  }
  if (place === 'text' || press.ctrlKey || press.metaKey || press.altKey) return undefined;
  switch (press.key) {
    case '/':
      return { kind: 'search' };
    case '?':
      return { kind: 'help' };
    case 'Escape':
      return { kind: 'close' };
    case 'Delete':
      return { kind: 'remove' };
    default:
      return undefined;
  }
}

/** Every shortcut as the help lists it: its keys as shown on this platform, and what it does (a catalog key under `keyboard.does.`). */
export function shortcutTable(mac: boolean): { keys: string; does: string }[] {
  const mod = mac ? '⌘' : 'Ctrl+';
  return [
    { keys: `${mod}K`, does: 'palette' },
    ...sectionOrder.map((view, i) => ({ keys: `${mod}${i + 1}`, does: `section.${view}` })),
    { keys: '/', does: 'search' },
    { keys: 'Esc', does: 'close' },
    { keys: mac ? 'Delete, ⌘⌫' : 'Delete', does: 'remove' },
    { keys: '?', does: 'help' },
  ];
}

/** The keys of one command as a tooltip shows them, e.g. "Ctrl+2" or "⌘2". */
export function shortcutKeys(command: ShortcutCommand, mac: boolean): string {
  const mod = mac ? '⌘' : 'Ctrl+';
  switch (command.kind) {
    case 'section':
      return `${mod}${sectionOrder.indexOf(command.view) + 1}`;
    case 'palette':
      return `${mod}K`;
    case 'search':
      return '/';
    case 'close':
      return 'Esc';
    case 'remove':
      return 'Delete';
    case 'help':
      return '?';
  }
}

/** Whether this is a Mac (Cmd is the modifier there). */
export function isMac(): boolean {
  const platform = (globalThis.navigator as { userAgentData?: { platform?: string } } | undefined)?.userAgentData?.platform ?? globalThis.navigator?.platform ?? '';
  return /mac/i.test(platform);
}
