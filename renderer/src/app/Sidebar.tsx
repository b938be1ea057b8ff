import { useMemo } from 'react';
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
  const mac = isMac();
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">⚓</span>
        {t('app.name')}
      </div>
      <SectionList mac={mac} />
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

/**
 * The sections' buttons, the one shown marked. Only this list draws again when a section is opened
 * (not the sidebar's switches and buttons), and its labels are worked out once per language: that
 * drawing comes before the section's rows show (issue 17).
 */
function SectionList({ mac }: { mac: boolean }) {
  const { t } = useTranslation();
  const current = useUiStore((s) => s.view);
  const labels = useMemo(() => Object.fromEntries(views.map((view) => [view, t(`nav.${view}`)])) as Record<View, string>, [t]);
  return (
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
            {labels[view]}
          </button>
        </li>
      ))}
    </ul>
  );
}
