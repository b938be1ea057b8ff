import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { containerExecCommand } from '../../../../engine/contract/cli';
import { CommandPreview } from '../../ui/CommandPreview';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { shellSession } from './shell-sessions';

/** Shows one of a container's shells (kept alive in shell-sessions.ts) in an xterm sized to its box. */
export function TerminalSession({ id, name, number, visible }: { id: string; name: string; number: number; visible: boolean }) {
  const { t } = useTranslation();
  const session = shellSession(id, number);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    session.attach(box);
    const observer = new ResizeObserver(() => session.refit());
    observer.observe(box);
    return () => {
      observer.disconnect();
      session.detach();
    };
  }, [session]);

  useEffect(() => {
    if (!visible) return;
    session.refit();
    session.terminal.focus();
  }, [visible, session]);

  return (
    <div className="terminal-session" hidden={!visible}>
      {state.phase === 'open' && (
        <>
          <p className="cell--muted">
            {state.shell.endsWith('bash') ? t('terminal.usingBash') : t('terminal.usingSh', { shell: state.shell })}
          </p>
          <CommandPreview command={containerExecCommand(name, state.shell)} />
          {state.inputRefused && <ErrorNotice error={state.inputRefused} />}
        </>
      )}
      {state.phase === 'ended' && (
        <p className="notice" role="status">
          {state.code === null ? t('terminal.endedUnknown') : t('terminal.ended', { code: state.code })}
        </p>
      )}
      {state.phase === 'failed' && <ErrorNotice title={t('terminal.failed')} error={state.error} />}
      <div className="terminal-box" ref={boxRef} aria-label={t('terminal.label', { name })} hidden={state.phase === 'failed'} />
    </div>
  );
}
