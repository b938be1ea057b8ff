import { useEffect } from 'react';
import { closeContainer, openImage, openVolume, showView, useUiStore } from '../../state/ui-store';
import { useKeyboardStore, openHelp, openPalette, pressRemove } from './keyboard-store';
import { isMac, shortcutFor, type KeyPlace, type ShortcutCommand } from './shortcuts';

const nonTextInputs = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/**
 * Where a key went: a terminal (xterm's hidden textarea), a text field, or elsewhere. A log view is
 * an xterm too, but read-only (role="log": it takes no typing), so its keys are the page's.
 */
export function keyPlace(target: EventTarget | null): KeyPlace {
  if (!(target instanceof Element)) return 'elsewhere';
  if (target.closest('.xterm')) return target.closest('[role="log"]') ? 'elsewhere' : 'terminal';
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return 'text';
  if (target instanceof HTMLInputElement) return nonTextInputs.has(target.type) ? 'elsewhere' : 'text';
  return target instanceof HTMLElement && target.isContentEditable ? 'text' : 'elsewhere';
}

/**
 * Focuses the search field of the view on screen (each list view has one `type="search"` field).
 * Lists opened before stay in the page, hidden (app/KeptView.tsx): a hidden field has no box.
 */
function focusSearch(): boolean {
  const field = [...document.querySelectorAll<HTMLInputElement>('.app__main input[type="search"]')].find((input) => input.getClientRects().length > 0);
  field?.focus();
  field?.select();
  return Boolean(field);
}

/** Esc outside a field and a dialog: leave what is open up close (a container, an image, a volume's files). */
function closeWhatIsOpen(): boolean {
  const ui = useUiStore.getState();
  if (ui.openContainerId || ui.mergedLogIds || ui.openProjectName) closeContainer();
  else if (ui.openImageRef) openImage(undefined);
  else if (ui.openVolumeName) openVolume(undefined);
  else return false;
  return true;
}

function run(command: ShortcutCommand): boolean {
  switch (command.kind) {
    case 'section':
      showView(command.view);
      return true;
    case 'palette':
      openPalette();
      return true;
    case 'help':
      openHelp();
      return true;
    case 'search':
      return focusSearch();
    case 'close':
      return closeWhatIsOpen();
    case 'remove':
      pressRemove();
      return true;
  }
}

/**
 * Berth's keyboard shortcuts (app/keyboard/shortcuts.ts has the map), heard once for the window.
 * While a dialog (the palette and the help are dialogs too) is open, its own keys win: the map is
 * not consulted, so Esc closes the dialog and Delete edits its field.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const mac = isMac();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (document.querySelector('dialog[open]') || useKeyboardStore.getState().palette) return;
      const command = shortcutFor(event, keyPlace(event.target), mac);
      if (command && run(command)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
