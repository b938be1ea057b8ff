import { Terminal } from '@xterm/xterm';
import type { TFunction } from 'i18next';

/**
 * xterm's own words in the person's language: the accessible name of the text field a terminal
 * types through (a screen reader reads it; xterm's default is the English "Terminal input") and its
 * screen-reader notice for too much output. xterm reads them when a terminal opens, so terminals
 * already open (a shell kept across tab switches) are renamed here too.
 */
export function localizeTerminals(t: TFunction): void {
  Terminal.strings.promptLabel = t('terminal.inputLabel');
  Terminal.strings.tooMuchOutput = t('terminal.tooMuchOutput');
  for (const input of document.querySelectorAll('textarea.xterm-helper-textarea')) input.setAttribute('aria-label', Terminal.strings.promptLabel);
}
