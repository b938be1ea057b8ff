import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TerminalSession } from './TerminalSession';

/** Several shells in one container, as tabs; each keeps running while another is shown. */
export function TerminalTab({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const [sessions, setSessions] = useState<number[]>([1]);
  const [active, setActive] = useState(1);
  const add = () => {
    const next = Math.max(0, ...sessions) + 1;
    setSessions([...sessions, next]);
    setActive(next);
  };
  const remove = (key: number) => {
    const rest = sessions.filter((s) => s !== key);
    setSessions(rest);
    if (active === key && rest.length) setActive(rest.at(-1)!);
  };
  return (
    <div className="terminal-tab">
      <div className="terminal-tab__strip" role="tablist" aria-label={t('terminal.sessions')}>
        {sessions.map((key) => (
          <span key={key} className="terminal-tab__item">
            <button type="button" role="tab" aria-selected={active === key} className="tabs__tab" onClick={() => setActive(key)}>
              {t('terminal.session', { number: key })}
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={t('terminal.closeSession', { number: key })}
              onClick={() => remove(key)}
            >
              ×
            </button>
          </span>
        ))}
        <button type="button" className="button button--small" onClick={add}>
          {t('terminal.new')}
        </button>
      </div>
      {sessions.map((key) => (
        <TerminalSession key={key} id={id} name={name} visible={key === active} />
      ))}
      {sessions.length === 0 && <p className="view__empty">{t('terminal.none')}</p>}
    </div>
  );
}
