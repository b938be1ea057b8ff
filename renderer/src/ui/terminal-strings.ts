import type { Terminal as XTerm } from '@xterm/xterm';
import type { TFunction } from 'i18next';

/**
 * xterm's own words in the person's language: the accessible name of the text field a terminal
 * types through (a screen reader reads it; xterm's default is the English "Terminal input") and its
 * screen-reader notice for too much output. xterm reads them when a terminal opens, so terminals
 * already open (a shell kept across tab switches) are renamed here too.
 *
 * xterm itself is not imported here: it loads with the first log or terminal view (issue 17, a
 * first screen without it), and that view hands its Terminal class over with `adoptTerminalClass`.
 */
let terminalClass: typeof XTerm | undefined;
let words: TFunction | undefined;

export function localizeTerminals(t: TFunction): void {
  words = t;
  apply();
}

/** Called by each module that loads xterm, so the words reach it however late it loads. */
export function adoptTerminalClass(Terminal: typeof XTerm): void {
  terminalClass = Terminal;
  apply();
}

function apply(): void {
  if (!terminalClass || !words) return;
  terminalClass.strings.promptLabel = words('terminal.inputLabel');
  terminalClass.strings.tooMuchOutput = words('terminal.tooMuchOutput');
  for (const input of document.querySelectorAll('textarea.xterm-helper-textarea')) input.setAttribute('aria-label', terminalClass.strings.promptLabel);
}
