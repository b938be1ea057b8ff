import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { berth } from '../../rpc/client';
import { QueryErrorNotice } from '../../ui/ErrorNotice';
import './BerthLogCard.css';

/** Lines the card shows: enough to see what just happened, bounded so the view stays light. */
const shownLines = 200;

interface LogLine {
  time?: string;
  level?: string;
  area?: string;
  msg?: string;
  [field: string]: unknown;
}

/** One JSON line of the log as one readable line: time, level, area, message, then the other fields. */
function readable(line: string): { level: string; text: string } {
  try {
    const { time, level, area, msg, pid: _pid, ...rest } = JSON.parse(line) as LogLine;
    const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
    return { level: String(level ?? ''), text: `${time ?? ''} ${String(level ?? '').toUpperCase()} ${area ?? ''}: ${msg ?? ''}${extra}` };
  } catch {
    return { level: '', text: line };
  }
}

/**
 * Berth's own log in the Engine view (issue 17): its last lines on request, and "Copy diagnostics",
 * a report of versions, engine facts and the last 200 lines (redacted on the trusted side) for a
 * bug report. Log text is rendered as text, never markup.
 */
export function BerthLogCard() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [copy, setCopy] = useState<{ state: 'copied' } | { state: 'failed'; text: string } | undefined>();
  const log = useQuery({
    queryKey: ['berth-log', shownLines],
    queryFn: () => berth.diagnostics.log.query({ lines: shownLines }),
    enabled: open,
    staleTime: 0,
  });
  // The card sits at the foot of a long Engine view: lines that opened below the window's edge made
  // "Show the last lines" look as if it did nothing.
  const lines = useRef<HTMLPreElement>(null);
  const linesShown = open && (log.data?.lines.length ?? 0) > 0;
  useEffect(() => {
    if (linesShown) lines.current?.scrollIntoView({ block: 'nearest' });
  }, [linesShown]);
  const copyDiagnostics = async () => {
    const { text } = await berth.diagnostics.report.query();
    try {
      await navigator.clipboard.writeText(text);
      setCopy({ state: 'copied' });
    } catch {
      setCopy({ state: 'failed', text });
    }
  };
  return (
    <section className="card" aria-labelledby="berth-log-title">
      <h2 id="berth-log-title" className="card__title">{t('berthLog.title')}</h2>
      <p className="berth-log__note">{t('berthLog.intro')}</p>
      <div className="berth-log__actions">
        <button type="button" className="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t('berthLog.hide') : t('berthLog.show')}
        </button>
        {open && (
          <button type="button" className="button" onClick={() => void log.refetch()}>
            {t('berthLog.refresh')}
          </button>
        )}
        <button type="button" className="button" title={t('berthLog.copyHint')} onClick={() => void copyDiagnostics()}>
          {t('berthLog.copy')}
        </button>
        {copy?.state === 'copied' && <span role="status">{t('berthLog.copied')}</span>}
      </div>
      {copy?.state === 'failed' && (
        <>
          <p role="alert">{t('berthLog.copyFailed')}</p>
          <textarea className="berth-log__lines" aria-label={t('berthLog.reportLabel')} readOnly value={copy.text} rows={12} />
        </>
      )}
      {open && <QueryErrorNotice error={log.error} />}
      {open && log.data && (
        <>
          <p className="berth-log__note">{log.data.folder ? t('berthLog.folder', { folder: log.data.folder }) : t('berthLog.noLog')}</p>
          {log.data.folder && log.data.lines.length === 0 && <p className="berth-log__note">{t('berthLog.empty')}</p>}
          {log.data.lines.length > 0 && (
            <pre ref={lines} className="berth-log__lines" aria-label={t('berthLog.linesLabel')} tabIndex={0}>
              {log.data.lines.map((line, i) => {
                const { level, text } = readable(line);
                return (
                  <span key={i} className={`berth-log__line berth-log__level--${level}`}>
                    {text}
                  </span>
                );
              })}
            </pre>
          )}
        </>
      )}
    </section>
  );
}
