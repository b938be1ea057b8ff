import { useTranslation } from 'react-i18next';
import { showView, useUiStore, type View } from '../state/ui-store';
import { LanguageSwitch } from './LanguageSwitch';
import { ThemeSwitch } from './theme/ThemeSwitch';
import { openHelp, openPalette } from './keyboard/keyboard-store';
import { isMac, shortcutKeys } from './keyboard/shortcuts';
import { CommandLogButton } from '../features/command-log/CommandLogPanel';

const views: View[] = ['containers', 'images', 'volumes', 'networks', 'swarm', 'engine'];

export function Sidebar() {
  const { t } = useTranslation();
  const current = useUiStore((s) => s.view);
  const mac = isMac();
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">⚓</span>
        {t('app.name')}
      </div>
      <ul className="sidebar__list">
        {views.map((view) => (
          <li key={view}>
            <button
              type="button"
              className="sidebar__item"
              aria-current={current === view ? 'page' : undefined}
              title={shortcutKeys({ kind: 'section', view }, mac)}
              onClick={() => showView(view)}
            >
              {t(`nav.${view}`)}
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar__keys">
        <button type="button" className="sidebar__item" title={shortcutKeys({ kind: 'palette' }, mac)} onClick={openPalette}>
          {t('keyboard.paletteButton')}
        </button>
        <button type="button" className="sidebar__item" title={shortcutKeys({ kind: 'help' }, mac)} onClick={openHelp}>
          {t('keyboard.helpButton')}
        </button>
      </div>
      <CommandLogButton className="sidebar__item" />
      <LanguageSwitch />
      <ThemeSwitch />
    </nav>
  );
}
