import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BerthErrorShape } from '../../../engine/contract/errors';
import { toBerthError } from '../rpc/errors';
import { errorText } from './errorText';

/**
 * The words of `errorText` for the current language, for places that show an error as a line of
 * text. The same function until the language changes, so effects may depend on it.
 */
export function useErrorWords(): (error: BerthErrorShape) => { message: string; hint?: string } {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (error: BerthErrorShape) => {
      const { text, hint } = errorText(i18n, error);
      return { message: text, ...(hint ? { hint } : {}) };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the wording changes with the language, which i18n itself does not tell
    [i18n, language],
  );
}

/** A structured error as a person reads it: what went wrong, then what would help. Always plain text. */
export function ErrorNotice({ error, title, children }: { error: BerthErrorShape; title?: string; children?: ReactNode }) {
  const { i18n } = useTranslation();
  const { text, quoted, hint } = errorText(i18n, error);
  return (
    <div className="error-notice" role="alert">
      {title && <strong className="error-notice__title">{title}</strong>}
      <p className="error-notice__message">{text}</p>
      {quoted && <p className="error-notice__quoted">“{quoted}”</p>}
      {hint && <p className="error-notice__hint">{hint}</p>}
      {children}
    </div>
  );
}

/**
 * A query's failure where a view shows engine data. "The engine is not answering" is left to the
 * window's banner (app/EngineBanner.tsx), which says it once and counts down to the next try; a
 * view that said it too would only repeat it, and a refetch racing a stopped engine would flash it.
 */
export function QueryErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const shape = toBerthError(error);
  return shape.code === 'ENGINE_UNAVAILABLE' ? null : <ErrorNotice error={shape} />;
}
