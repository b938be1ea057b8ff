import type { BerthErrorShape } from '../../../engine/contract/errors';

/** A structured error as a person reads it: what went wrong, then what would help. Always plain text. */
export function ErrorNotice({ error, title }: { error: BerthErrorShape; title?: string }) {
  return (
    <div className="error-notice" role="alert">
      {title && <strong className="error-notice__title">{title}</strong>}
      <p className="error-notice__message">{error.message}</p>
      {error.hint && <p className="error-notice__hint">{error.hint}</p>}
    </div>
  );
}
