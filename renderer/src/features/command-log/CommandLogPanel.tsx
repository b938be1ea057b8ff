import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { CommandLogEntry } from '../../../../engine/contract/command-log';
import { berth } from '../../rpc/client';
import { Dialog } from '../../ui/Dialog';
import { errorText } from '../../ui/errorText';
import { commandLogScript } from './script';
import './command-log.css';

/** Whether the command log is open; one panel for the window, opened from the sidebar or the status bar. */
const usePanel = create<{ open: boolean }>(() => ({ open: false }));
export const openCommandLog = () => usePanel.setState({ open: true });
const closeCommandLog = () => usePanel.setState({ open: false });

/** The button that opens the command log (in the sidebar and in the status bar). */
export function CommandLogButton({ className }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className={className ?? 'command-log-button'} onClick={openCommandLog}>
      {t('commandLog.open')}
    </button>
  );
}

/** The session's entries as the engine side keeps them (oldest first), live while the panel is open. */
function useCommandLogEntries(): CommandLogEntry[] {
  const [entries, setEntries] = useState<CommandLogEntry[]>([]);
  useEffect(() => {
    const subscription = berth.commandLog.watch.subscribe(undefined, {
      onData(update) {
        if (update.kind === 'all') setEntries(update.entries);
        else setEntries((list) => [...list, update.entry].slice(-1000));
      },
    });
    return () => subscription.unsubscribe();
  }, []);
  return entries;
}

/**
 * Everything Berth did on the engine in this session (recorded on the engine side, so every window
 * shows the same): time, the docker command, how it ended in the person's language, newest first,
 * and a button that copies it all as a shell script.
 */
export function CommandLogPanel() {
  const open = usePanel((s) => s.open);
  return open ? <CommandLogDialog /> : null;
}

function CommandLogDialog() {
  const { t, i18n } = useTranslation();
  const entries = useCommandLogEntries();
  const [copied, setCopied] = useState(false);
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' });
  const failure = (entry: CommandLogEntry) => {
    if (entry.cancelled) return { text: t('commandLog.cancelled') };
    if (!entry.error) return { text: t('commandLog.failed', { error: '' }) };
    const { text, quoted } = errorText(i18n, entry.error);
    return { text: t('commandLog.failed', { error: text }), quoted };
  };
  const copy = async () => {
    const script = commandLogScript(entries, {
      header: t('commandLog.scriptHeader', { date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.now()) }),
      failure: (entry) => {
        const { text, quoted } = failure(entry);
        return quoted ? `${text} “${quoted}”` : text;
      },
    });
    try {
      await navigator.clipboard.writeText(script);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard refused (no focus, no permission): the commands stay selectable in the table.
    }
  };
  return (
    <Dialog title={t('commandLog.title')} onClose={closeCommandLog}>
      <div className="command-log">
        <p className="command-log__intro">{t('commandLog.intro')}</p>
        <div className="command-log__scroll">
          {entries.length === 0 ? (
            <p className="command-log__empty">{t('commandLog.empty')}</p>
          ) : (
            <table className="command-log__table" aria-label={t('commandLog.title')}>
              <thead>
                <tr>
                  <th scope="col">{t('commandLog.time')}</th>
                  <th scope="col">{t('commandLog.command')}</th>
                  <th scope="col">{t('commandLog.result')}</th>
                </tr>
              </thead>
              <tbody>
                {[...entries].reverse().map((entry) => {
                  const failed = entry.ok ? undefined : failure(entry);
                  return (
                    <tr key={entry.seq}>
                      <td className="command-log__time">{time.format(entry.at)}</td>
                      <td>
                        <code className="command-log__command">{entry.command}</code>
                      </td>
                      <td className={failed ? 'command-log__failed' : 'command-log__ok'}>
                        {failed ? (
                          <>
                            {failed.text}
                            {failed.quoted && <span className="command-log__quoted">“{failed.quoted}”</span>}
                          </>
                        ) : (
                          <>✓ {t('commandLog.ok')}</>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button" disabled={entries.length === 0} onClick={() => void copy()}>
            {copied ? t('commandLog.copied') : t('commandLog.copyScript')}
          </button>
          <button type="button" className="button" onClick={closeCommandLog}>
            {t('commandLog.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
