import { useUiStore } from '../state/ui-store';

let loading: Promise<unknown> | undefined;

/**
 * Bundled Noto Sans KR, so Korean never shows as empty boxes on a machine without a CJK font.
 * Only the Korean subset at the two weights the UI uses (400, 700; ~0.5 MB each), and only once
 * Korean is chosen: an English reader never downloads it. styles.css names 'Noto Sans KR' in the
 * font stack after the system's own fonts, so a system Korean font still wins where there is one.
 */
export function loadKoreanFont(): Promise<unknown> {
  loading ??= Promise.all([import('@fontsource/noto-sans-kr/korean-400.css'), import('@fontsource/noto-sans-kr/korean-700.css')]);
  return loading;
}

/** Loads the font now if Korean is the language, else the first time a person switches to it. */
export function startKoreanFont(): void {
  if (useUiStore.getState().language === 'ko') void loadKoreanFont();
  useUiStore.subscribe((state, previous) => {
    if (state.language === 'ko' && previous.language !== 'ko') void loadKoreanFont();
  });
}
