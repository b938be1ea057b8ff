import type { Terminal } from '@xterm/xterm';

/** xterm's own scrolling keys (Shift+PageUp/PageDown/Home/End), which a log view keeps. */
const scrollKeys = new Set(['PageUp', 'PageDown', 'Home', 'End']);

/**
 * Keys in a read-only xterm (a log view). Ctrl+C (Cmd+C on macOS) copies the selection, as in any
 * text on the page; with nothing selected it does nothing (a log view has no process to interrupt).
 * Every other key but xterm's scrolling ones goes on to the page, so Esc, Ctrl+K and the other
 * shortcuts work there as anywhere else: xterm would otherwise take them (and stop them) as input
 * it then throws away.
 */
export function copySelectionOnCopyKey(terminal: Terminal): void {
  terminal.attachCustomKeyEventHandler((event) => {
    const copyKey = (event.ctrlKey || event.metaKey) && !event.altKey && event.code === 'KeyC';
    if (!copyKey) return event.shiftKey && scrollKeys.has(event.key);
    if (event.type === 'keydown' && terminal.hasSelection()) {
      void navigator.clipboard.writeText(terminal.getSelection()).catch(() => undefined);
    }
    return false;
  });
}
