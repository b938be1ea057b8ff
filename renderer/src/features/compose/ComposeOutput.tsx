import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShownText } from '../../ui/bounded-lines';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { ComposeRunPhase } from './useComposeRun';

/** Compose's output as it streams (plain text), then how the run ended. */
export function ComposeOutput({ output, phase, onStop }: { output: ShownText; phase: ComposeRunPhase; onStop: () => void }) {
  const { t } = useTranslation();
  const log = useRef<HTMLPreElement>(null);
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [output]);
  if (phase.name === 'idle') return null;
  return (
    <div className="compose-output">
      {phase.name === 'running' && (
        <p className="compose-output__status" role="status">
          {t('compose.running')}{' '}
          <button type="button" className="button button--small" onClick={onStop}>
            {t('compose.stop')}
          </button>
        </p>
      )}
      {output.dropped > 0 && <p className="cell--muted">{t('compose.linesNotShown', { count: output.dropped })}</p>}
      <pre ref={log} className="compose-output__log" aria-label={t('compose.output')}>
        {output.text}
      </pre>
      {phase.name === 'done' && (
        <p className="notice notice--ok" role="status">
          {t('compose.done')}
        </p>
      )}
      {phase.name === 'cancelled' && (
        <p className="notice" role="status">
          {t('compose.cancelled')}
        </p>
      )}
      {phase.name === 'failed' && <ErrorNotice title={t('compose.failed')} error={phase.error} />}
    </div>
  );
}
