import type { Terminal } from '@xterm/xterm';

/**
 * Ctrl+C (Cmd+C on macOS) in a read-only xterm (a log view) copies the selection, as in any text
 * on the page. With nothing selected the key does nothing: a log view has no process to interrupt.
 */
export function copySelectionOnCopyKey(terminal: Terminal): void {
  terminal.attachCustomKeyEventHandler((event) => {
    const copyKey = (event.ctrlKey || event.metaKey) && !event.altKey && event.code === 'KeyC';
    if (!copyKey) return true;
    if (event.type === 'keydown' && terminal.hasSelection()) {
      void navigator.clipboard.writeText(terminal.getSelection()).catch(() => undefined);
    }
    return false;
  });
}
