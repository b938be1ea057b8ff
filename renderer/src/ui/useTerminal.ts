import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITerminalOptions } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { followTheme } from '../app/theme/apply-theme';
import { terminalLinkHandler } from './terminal-links';
import { adoptTerminalClass } from './terminal-strings';

adoptTerminalClass(Terminal);

export interface TerminalHandle {
  terminal: Terminal;
  fit: FitAddon;
}

/**
 * An xterm.js terminal living in a div: made on mount, refitted whenever its box changes size,
 * disposed on unmount. `onFit` hears the new size (an exec session resizes its TTY with it).
 */
export function useTerminal(
  options: ITerminalOptions,
  onFit?: (size: { cols: number; rows: number }) => void,
  /** Options applied again whenever they change, without making a new terminal. */
  live?: { scrollback?: number },
): { containerRef: RefObject<HTMLDivElement | null>; handle: TerminalHandle | undefined } {
  const containerRef = useRef<HTMLDivElement>(null);
  const terminalRef = useRef<Terminal | undefined>(undefined);
  const liveScrollback = live?.scrollback;
  useEffect(() => {
    if (terminalRef.current && liveScrollback !== undefined) terminalRef.current.options.scrollback = liveScrollback;
  }, [liveScrollback]);
  const [handle, setHandle] = useState<TerminalHandle>();
  const onFitRef = useRef(onFit);
  useEffect(() => {
    onFitRef.current = onFit;
  }, [onFit]);

  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const terminal = new Terminal({
      fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, "D2Coding", "Noto Sans Mono CJK KR", "Noto Sans KR", monospace',
      fontSize: 13,
      // Log views filter links out (output-filter.ts); should one get through, it is asked about, never Berth's own.
      linkHandler: terminalLinkHandler,
      ...options,
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    // Colours come from the theme's tokens and follow a theme switch while the terminal is open.
    const stopFollowingTheme = followTheme(terminal);
    terminal.open(element);
    const refit = () => {
      try {
        fit.fit();
        onFitRef.current?.({ cols: terminal.cols, rows: terminal.rows });
      } catch {
        // Not laid out yet (hidden tab); the next resize fits it.
      }
    };
    refit();
    const observer = new ResizeObserver(refit);
    observer.observe(element);
    setHandle({ terminal, fit });
    terminalRef.current = terminal;
    return () => {
      terminalRef.current = undefined;
      observer.disconnect();
      stopFollowingTheme();
      terminal.dispose();
      setHandle(undefined);
    };
    // The terminal is made once per mount; option changes after that are applied by callers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { containerRef, handle };
}
