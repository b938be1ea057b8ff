import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { BerthErrorShape } from '../../../../engine/contract/errors';
import type { ExecEvent } from '../../../../engine/contract/types';
import { followTheme } from '../../app/theme/apply-theme';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { adoptTerminalClass } from '../../ui/terminal-strings';
import { terminalLinkHandler } from '../../ui/terminal-links';
import { onForgetShellSessions } from './shell-forget';

/**
 * Normal screen (1049, 1047, 47), cursor shown, mouse reporting off (9, 1000–1003, 1005, 1006,
 * 1015), bracketed paste off, plain attributes.
 */
const tidyAfterProgram = '\x1b[?1049l\x1b[?1047l\x1b[?47l\x1b[?25h\x1b[?9l\x1b[?1000l\x1b[?1001l\x1b[?1002l\x1b[?1003l\x1b[?1005l\x1b[?1006l\x1b[?1015l\x1b[?2004l\x1b[0m';
/** The most one exec.input call carries (the contract's limit). */
const maxInputChars = 65_536;
/**
 * Input the page gathers while a call is out; beyond it, what comes is not sent and the view says so.
 * One paste alone may be larger: it is in the page's memory already and goes out a call at a time.
 */
const maxPendingInput = 1024 * 1024;

export type ShellState =
  | { phase: 'opening' }
  /** `inputRefused`: the last input was not sent, because the shell's program is not reading it. */
  | { phase: 'open'; shell: string; inputRefused?: BerthErrorShape }
  | { phase: 'ended'; shell: string; code: number | null }
  | { phase: 'failed'; error: BerthErrorShape };

/**
 * One shell in a container with its xterm, alive outside React: switching the detail's tab (or
 * leaving the container) only takes its screen out of the page, and showing it again puts the same
 * screen back, so the shell's working folder, variables and running commands stay. It ends when the
 * person closes it, or by itself when the shell exits (the container stopped, the engine went away).
 */
export class ShellSession {
  /** The xterm draws in here; the view moves this element into its own box and out again. */
  readonly host: HTMLDivElement = document.createElement('div');
  readonly terminal = new Terminal({
    fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, "D2Coding", "Noto Sans Mono CJK KR", "Noto Sans KR", monospace',
    fontSize: 13,
    cursorBlink: true,
    scrollback: 5000,
  });
  private readonly fit = new FitAddon();
  /** Its colours follow the theme while the shell lives (kept across tab switches). */
  private readonly stopFollowingTheme = followTheme(this.terminal);
  private state: ShellState = { phase: 'opening' };
  private readonly listeners = new Set<() => void>();
  private sessionId: string | undefined;
  private unsubscribe: (() => void) | undefined;
  private opened = false;
  private closed = false;
  /** Keys typed while the shell is still opening wait here, so nothing typed early is lost. */
  private early: string[] = [];
  /**
   * Input waiting for the one exec.input call in flight. xterm answers a program's terminal queries
   * (cursor position, device attributes…) as input, one onData each: a program asking in a loop made
   * the page send tens of thousands of calls a second (400 MB of page heap, clicks answered after 12 s).
   * Now one call at a time carries everything gathered meanwhile.
   */
  private pendingInput = '';
  private sending = false;

  constructor(readonly containerId: string) {
    this.host.className = 'terminal-host';
    this.terminal.loadAddon(this.fit);
    // Ctrl+Shift+C copies the selection (plain Ctrl+C belongs to the shell); pasting works as in any text field.
    this.terminal.attachCustomKeyEventHandler((event) => {
      if (event.type === 'keydown' && event.ctrlKey && event.shiftKey && event.code === 'KeyC') {
        void navigator.clipboard.writeText(this.terminal.getSelection()).catch(() => undefined);
        return false;
      }
      return true;
    });
    // Links a program writes (OSC 8) open only after the person agrees, never Berth's own address.
    this.terminal.options.linkHandler = terminalLinkHandler;
    this.terminal.onData((data) => {
      if (this.sessionId) this.send(data);
      else if (this.state.phase === 'opening') this.early.push(data);
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): ShellState => this.state;

  /** Shows the screen in `box`; the first time, opens the xterm there and starts the shell. */
  attach(box: HTMLElement): void {
    if (this.closed) return;
    box.appendChild(this.host);
    if (!this.opened) {
      this.opened = true;
      this.terminal.open(this.host);
      this.refit();
      this.start();
    } else {
      this.refit();
    }
  }

  /** Takes the screen out of the page; the shell goes on. */
  detach(): void {
    this.host.remove();
  }

  /** Fits the xterm to its box and the shell's TTY to the xterm. */
  refit(): void {
    if (!this.host.isConnected) return;
    try {
      this.fit.fit();
    } catch {
      return; // Not laid out yet (hidden); the next resize fits it.
    }
    if (this.sessionId) {
      void berth.exec.resize.mutate({ sessionId: this.sessionId, cols: this.terminal.cols, rows: this.terminal.rows }).catch(() => undefined);
    }
  }

  /** Ends the shell (if it still runs) and frees the xterm. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    if (this.sessionId) void berth.exec.close.mutate({ sessionId: this.sessionId }).catch(() => undefined);
    this.sessionId = undefined;
    this.host.remove();
    this.stopFollowingTheme();
    this.terminal.dispose();
    this.listeners.clear();
  }

  private setState(state: ShellState): void {
    this.state = state;
    this.listeners.forEach((listener) => listener());
  }

  private send(data: string): void {
    if (this.pendingInput && this.pendingInput.length + data.length > maxPendingInput) {
      // Input gathered behind a call that has not come back for a long while (a paste alone, however
      // big, says nothing of the shell's reading): the trusted side is the one to say why.
      this.refuseInput({ code: 'CONFLICT', message: 'The shell is not reading what is typed; this input was not sent.', reason: 'terminalInputBacklog' });
      return;
    }
    this.pendingInput += data;
    this.pumpInput();
  }

  private pumpInput(): void {
    const sessionId = this.sessionId;
    if (this.sending || !sessionId || !this.pendingInput) return;
    let data = this.pendingInput.slice(0, maxInputChars);
    // Never split a character made of two UTF-16 units.
    if (data.length === maxInputChars && /[\ud800-\udbff]$/.test(data)) data = data.slice(0, -1);
    this.pendingInput = this.pendingInput.slice(data.length);
    this.sending = true;
    berth.exec.input
      .mutate({ sessionId, data })
      .then(
        () => this.refuseInput(undefined),
        (e: unknown) => {
          const error = toBerthError(e);
          if (error.reason !== 'terminalInputBacklog') return;
          this.pendingInput = '';
          this.refuseInput(error);
        },
      )
      .finally(() => {
        this.sending = false;
        this.pumpInput();
      });
  }

  private refuseInput(error: BerthErrorShape | undefined): void {
    // Said once until input goes through again (a flood would otherwise redraw the view per keystroke).
    if (this.state.phase !== 'open' || Boolean(this.state.inputRefused) === Boolean(error)) return;
    const open = { phase: 'open' as const, shell: this.state.shell };
    this.setState(error ? { ...open, inputRefused: error } : open);
  }

  private start(): void {
    berth.exec.open
      .mutate({ id: this.containerId, cols: this.terminal.cols, rows: this.terminal.rows })
      .then(({ sessionId, shell }) => {
        if (this.closed) return void berth.exec.close.mutate({ sessionId }).catch(() => undefined);
        this.sessionId = sessionId;
        this.setState({ phase: 'open', shell });
        const subscription = berth.exec.output.subscribe(
          { sessionId },
          {
            onData: (event: ExecEvent) => {
              if (event.kind === 'output') this.terminal.write(event.text);
              else this.end(shell, event.code);
            },
            // The link to the trusted side went away: the shell is gone with it.
            onError: () => this.end(shell, null),
            onComplete: () => this.end(shell, null),
          },
        );
        this.unsubscribe = () => subscription.unsubscribe();
        if (this.early.length) this.send(this.early.join(''));
        this.early = [];
        this.terminal.focus();
      })
      .catch((e: unknown) => !this.closed && this.setState({ phase: 'failed', error: toBerthError(e) }));
  }

  private end(shell: string, code: number | null): void {
    if (this.state.phase === 'ended') return;
    this.sessionId = undefined;
    // A program that ended untidily (or on purpose) would leave the ended shell on a blank alternate
    // screen, its history out of reach, the cursor hidden and mouse reporting on (no selecting text
    // to copy): back to the normal screen and modes. Nothing typed goes anywhere now, and nothing is
    // answered.
    this.terminal.write(tidyAfterProgram);
    this.terminal.options.disableStdin = true;
    this.setState({ phase: 'ended', shell, code });
  }
}

const sessions = new Map<string, ShellSession>();
const keyOf = (containerId: string, number: number) => `${containerId}#${number}`;

/** The shell shown as terminal tab `number` of a container: the running one, or a new one not yet started. */
export function shellSession(containerId: string, number: number): ShellSession {
  const key = keyOf(containerId, number);
  let session = sessions.get(key);
  if (!session) {
    session = new ShellSession(containerId);
    sessions.set(key, session);
  }
  return session;
}

/** Frees the shells of containers that no longer exist (their shells ended with them). */
export function forgetShellSessions(containerIds: readonly string[]): void {
  const gone = new Set(containerIds);
  for (const [key, session] of sessions) {
    if (!gone.has(session.containerId)) continue;
    session.close();
    sessions.delete(key);
  }
}

/** Ends terminal tab `number` of a container and forgets it. */
export function closeShellSession(containerId: string, number: number): void {
  const key = keyOf(containerId, number);
  sessions.get(key)?.close();
  sessions.delete(key);
}

adoptTerminalClass(Terminal);
onForgetShellSessions(forgetShellSessions);
