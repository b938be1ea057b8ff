import { useTranslation } from 'react-i18next';
import { showView, useUiStore, type View } from '../state/ui-store';
import { LanguageSwitch } from './LanguageSwitch';
import { CommandLogButton } from '../features/command-log/CommandLogPanel';

const views: View[] = ['containers', 'images', 'volumes', 'networks', 'engine'];

export function Sidebar() {
  const { t } = useTranslation();
  const current = useUiStore((s) => s.view);
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
              onClick={() => showView(view)}
            >
              {t(`nav.${view}`)}
            </button>
          </li>
        ))}
      </ul>
      <CommandLogButton className="sidebar__item" />
      <LanguageSwitch />
    </nav>
  );
}
