import { useTranslation } from 'react-i18next';
import { addTerminalTab, removeTerminalTab, showTerminalTab, useUiStore } from '../../state/ui-store';
import { closeShellSession } from './shell-sessions';
import { TerminalSession } from './TerminalSession';

const firstTab = { numbers: [1], active: 1 };

/**
 * Several shells in one container, as tabs. The shells outlive this view: switching to Logs and
 * back, or leaving the container, shows the same shells again; only closing a tab ends one.
 */
export function TerminalTab({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const { numbers, active } = useUiStore((s) => s.terminalTabs[id] ?? firstTab);
  const remove = (number: number) => {
    closeShellSession(id, number);
    removeTerminalTab(id, number);
  };
  return (
    <div className="terminal-tab">
      <div className="terminal-tab__strip" role="tablist" aria-label={t('terminal.sessions')}>
        {numbers.map((number) => (
          <span key={number} className="terminal-tab__item">
            <button type="button" role="tab" aria-selected={active === number} className="tabs__tab" onClick={() => showTerminalTab(id, number)}>
              {t('terminal.session', { number })}
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={t('terminal.closeSession', { number })}
              onClick={() => remove(number)}
            >
              ×
            </button>
          </span>
        ))}
        <button type="button" className="button button--small" onClick={() => addTerminalTab(id)}>
          {t('terminal.new')}
        </button>
      </div>
      {numbers.map((number) => (
        <TerminalSession key={number} id={id} name={name} number={number} visible={number === active} />
      ))}
      {numbers.length === 0 && <p className="view__empty">{t('terminal.none')}</p>}
    </div>
  );
}
