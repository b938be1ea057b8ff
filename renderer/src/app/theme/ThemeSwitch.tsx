import { useTranslation } from 'react-i18next';
import { setTheme, useUiStore } from '../../state/ui-store';
import { isThemeChoice, themeChoices } from './resolve';

/** Light, dark, high contrast, or as the OS says (and following it live); remembered per person. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const theme = useUiStore((s) => s.theme);
  return (
    <label className="language-switch">
      <span>{t('appearance.theme')}</span>
      <select value={theme} onChange={(e) => isThemeChoice(e.target.value) && setTheme(e.target.value)}>
        {themeChoices.map((choice) => (
          <option key={choice} value={choice}>
            {t(`appearance.themes.${choice}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
