import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { useUiStore, type Language } from '../state/ui-store';
import { localizeTerminals } from '../ui/terminal-strings';
import { en, type Catalog } from './en';
import { koreanParticles } from './josa';

/**
 * Catalogs other than English load when chosen (their own chunk): the first screen carries one
 * language's words, not every language's. English is the fallback, so it is always here.
 */
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Catalog>> = {
  ko: () => import('./ko').then((m) => m.ko),
};

export const i18n = i18next.createInstance();

// koreanParticles: the Korean catalog picks a particle from the value it follows, {{name, josa(을/를)}}.
void i18n.use(initReactI18next).use(koreanParticles).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  // React escapes what it renders; i18next must not escape a second time.
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Shows `language` once its catalog is here, unless another was chosen meanwhile; i18next, terminals and <html lang> follow. */
async function show(language: Language): Promise<void> {
  if (language !== 'en' && !i18n.hasResourceBundle(language, 'translation')) {
    i18n.addResourceBundle(language, 'translation', await loaders[language]());
  }
  if (useUiStore.getState().language !== language) return;
  await i18n.changeLanguage(language);
  localizeTerminals(i18n.t);
  document.documentElement.lang = language;
}

/**
 * A catalog that cannot load (the host went away mid-update) leaves the words English, not the
 * window blank, and the choice goes back to English so the picker says what is shown (choosing the
 * language again tries again).
 */
const shown = (language: Language) =>
  show(language).catch((error: unknown) => {
    console.error(`Berth: the ${language} catalog did not load`, error);
    // Not saved: the next window tries the person's choice again.
    if (useUiStore.getState().language === language) useUiStore.setState({ language: 'en' });
  });

/** How long the first render waits for a catalog; a slower one is shown when it arrives. */
const firstRenderWaitMs = 3000;

/**
 * Resolves once the chosen language can be drawn, or after firstRenderWaitMs: main.tsx renders
 * after it, so no frame shows the wrong language unless the catalog is that slow.
 */
export const i18nReady: Promise<void> = Promise.race([
  shown(useUiStore.getState().language),
  new Promise<void>((resolve) => setTimeout(resolve, firstRenderWaitMs)),
]);

// The store owns the choice; i18next follows it.
useUiStore.subscribe((state, previous) => {
  if (state.language !== previous.language) void shown(state.language);
});
