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
      {/* The tablist holds only its tabs (ARIA allows nothing else there); the close button beside it closes the shown one. */}
      <div className="terminal-tab__strip">
        <div className="terminal-tab__tabs" role="tablist" aria-label={t('terminal.sessions')}>
          {numbers.map((number) => (
            <button key={number} type="button" role="tab" aria-selected={active === number} className="tabs__tab" onClick={() => showTerminalTab(id, number)}>
              {t('terminal.session', { number })}
            </button>
          ))}
        </div>
        {numbers.includes(active) && (
          <button type="button" className="button button--small" aria-label={t('terminal.closeSession', { number: active })} title={t('terminal.closeSession', { number: active })} onClick={() => remove(active)}>
            ×
          </button>
        )}
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
