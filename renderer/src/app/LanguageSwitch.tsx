import { useTranslation } from 'react-i18next';
import { setLanguage, useUiStore, type Language } from '../state/ui-store';

// Each language is named in itself, so a person who cannot read the current one still finds theirs.
const languages: { code: Language; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'ko', name: '한국어' },
];

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  return (
    <label className="language-switch">
      <span>{t('app.language')}</span>
      <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {languages.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
