import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { useUiStore } from '../state/ui-store';
import { localizeTerminals } from '../ui/terminal-strings';
import { en } from './en';
import { koreanParticles } from './josa';
import { ko } from './ko';

export const i18n = i18next.createInstance();

// koreanParticles: the Korean catalog picks a particle from the value it follows, {{name, josa(을/를)}}.
void i18n.use(initReactI18next).use(koreanParticles).init({
  resources: { en: { translation: en }, ko: { translation: ko } },
  lng: useUiStore.getState().language,
  fallbackLng: 'en',
  // React escapes what it renders; i18next must not escape a second time.
  interpolation: { escapeValue: false },
  initAsync: false,
});

// The store owns the choice; i18next and <html lang> follow it.
document.documentElement.lang = useUiStore.getState().language;
localizeTerminals(i18n.t);
useUiStore.subscribe((state, previous) => {
  if (state.language === previous.language) return;
  void i18n.changeLanguage(state.language);
  localizeTerminals(i18n.t);
  document.documentElement.lang = state.language;
});
