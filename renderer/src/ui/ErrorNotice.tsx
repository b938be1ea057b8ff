import { useTranslation } from 'react-i18next';
import type { BerthErrorShape } from '../../../engine/contract/errors';

/**
 * What a person reads for an error: the catalog's words where the engine side named a reason
 * (`errors.<reason>`, and `errors.<reason>Hint` for the hint), else the message it sent.
 */
export function useErrorWords(): (error: BerthErrorShape) => { message: string; hint?: string } {
  const { t, i18n } = useTranslation();
  return (error) => {
    const key = error.reason ? `errors.${error.reason}` : undefined;
    if (!key || !i18n.exists(key)) return { message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
    const hint = i18n.exists(`${key}Hint`) ? t(`${key}Hint`, error.params ?? {}) : error.hint;
    return { message: t(key, error.params ?? {}), ...(hint ? { hint } : {}) };
  };
}

/** A structured error as a person reads it: what went wrong, then what would help. Always plain text. */
export function ErrorNotice({ error, title }: { error: BerthErrorShape; title?: string }) {
  const { message, hint } = useErrorWords()(error);
  return (
    <div className="error-notice" role="alert">
      {title && <strong className="error-notice__title">{title}</strong>}
      <p className="error-notice__message">{message}</p>
      {hint && <p className="error-notice__hint">{hint}</p>}
    </div>
  );
}
