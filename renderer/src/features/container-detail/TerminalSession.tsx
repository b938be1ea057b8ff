import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { containerExecCommand } from '../../../../engine/contract/cli';
import type { BerthErrorShape } from '../../../../engine/contract/errors';
import type { ExecEvent } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { CommandPreview } from '../../ui/CommandPreview';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTerminal } from '../../ui/useTerminal';

type State =
  | { phase: 'opening' }
  | { phase: 'open'; shell: string }
  | { phase: 'ended'; shell: string; code: number | null }
  | { phase: 'failed'; error: BerthErrorShape };

/** One interactive shell in a container, in an xterm that keeps the shell's TTY the size it shows. */
export function TerminalSession({ id, name, visible }: { id: string; name: string; visible: boolean }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ phase: 'opening' });
  const sessionRef = useRef<string | undefined>(undefined);
  const { containerRef, handle } = useTerminal({ cursorBlink: true, scrollback: 5000 }, (size) => {
    if (sessionRef.current) void berth.exec.resize.mutate({ sessionId: sessionRef.current, ...size }).catch(() => undefined);
  });

  useEffect(() => {
    if (!handle) return;
    const { terminal } = handle;
    let cancelled = false;
    let unsubscribe: (() => void) | undefined;
    // Ctrl+Shift+C copies the selection (plain Ctrl+C belongs to the shell); pasting works as in any text field.
    terminal.attachCustomKeyEventHandler((event) => {
      if (event.type === 'keydown' && event.ctrlKey && event.shiftKey && event.code === 'KeyC') {
        void navigator.clipboard.writeText(terminal.getSelection()).catch(() => undefined);
        return false;
      }
      return true;
    });
    // Keys typed while the shell is still opening wait here, so nothing typed early is lost.
    let early: string[] = [];
    const send = (sessionId: string, data: string) => void berth.exec.input.mutate({ sessionId, data }).catch(() => undefined);
    const typing = terminal.onData((data) => {
      if (sessionRef.current) send(sessionRef.current, data);
      else early.push(data);
    });
    berth.exec.open
      .mutate({ id, cols: terminal.cols, rows: terminal.rows })
      .then(({ sessionId, shell }) => {
        if (cancelled) return void berth.exec.close.mutate({ sessionId });
        sessionRef.current = sessionId;
        setState({ phase: 'open', shell });
        const subscription = berth.exec.output.subscribe(
          { sessionId },
          {
            onData(event: ExecEvent) {
              if (event.kind === 'output') terminal.write(event.text);
              else {
                sessionRef.current = undefined;
                setState({ phase: 'ended', shell, code: event.code });
              }
            },
          },
        );
        unsubscribe = () => subscription.unsubscribe();
        if (early.length) send(sessionId, early.join(''));
        early = [];
        terminal.focus();
      })
      .catch((e: unknown) => !cancelled && setState({ phase: 'failed', error: toBerthError(e) }));
    return () => {
      cancelled = true;
      typing.dispose();
      unsubscribe?.();
      if (sessionRef.current) void berth.exec.close.mutate({ sessionId: sessionRef.current }).catch(() => undefined);
      sessionRef.current = undefined;
    };
  }, [handle, id]);

  return (
    <div className="terminal-session" hidden={!visible}>
      {state.phase === 'open' && (
        <>
          <p className="cell--muted">
            {state.shell.endsWith('bash') ? t('terminal.usingBash') : t('terminal.usingSh', { shell: state.shell })}
          </p>
          <CommandPreview command={containerExecCommand(name, state.shell)} />
        </>
      )}
      {state.phase === 'ended' && (
        <p className="notice" role="status">
          {t('terminal.ended', { code: state.code ?? '?' })}
        </p>
      )}
      {state.phase === 'failed' && <ErrorNotice title={t('terminal.failed')} error={state.error} />}
      <div
        className="terminal-box"
        ref={containerRef}
        aria-label={t('terminal.label', { name })}
        hidden={state.phase === 'failed'}
      />
    </div>
  );
}
