import { useTranslation } from 'react-i18next';
import type { BerthErrorShape } from '../../../engine/contract/errors';
import { wordError } from '../rpc/errors';

/** A structured error as a person reads it, in their language: what went wrong, then what would help. Always plain text. */
export function ErrorNotice({ error, title }: { error: BerthErrorShape; title?: string }) {
  const { t, i18n } = useTranslation();
  const { message, hint } = wordError(t, (key) => i18n.exists(key), error);
  return (
    <div className="error-notice" role="alert">
      {title && <strong className="error-notice__title">{title}</strong>}
      <p className="error-notice__message">{message}</p>
      {hint && <p className="error-notice__hint">{hint}</p>}
    </div>
  );
}
