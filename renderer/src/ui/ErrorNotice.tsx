import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BerthErrorShape } from '../../../engine/contract/errors';
import { errorText } from './errorText';

/** The words of `errorText` for the current language, for places that show an error as a line of text. */
export function useErrorWords(): (error: BerthErrorShape) => { message: string; hint?: string } {
  const { i18n } = useTranslation();
  return (error) => {
    const { text, hint } = errorText(i18n, error);
    return { message: text, ...(hint ? { hint } : {}) };
  };
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
