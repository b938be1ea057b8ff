import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../engine/contract/types';
import { wordError } from '../rpc/errors';

/** The items of a bulk action that failed, each with the engine's message and hint, as text. */
export function FailureList({ failures, children }: { failures: readonly ActionOutcome[]; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  if (failures.length === 0) return null;
  return (
    <div className="error-notice" role="alert">
      <ul className="error-notice__list">
        {failures.map((outcome) => {
          const worded = outcome.error && wordError(t, (key) => i18n.exists(key), outcome.error);
          return (
            <li key={outcome.id}>
              {worded?.message}
              {worded?.hint && <span className="error-notice__hint"> {worded.hint}</span>}
            </li>
          );
        })}
      </ul>
      {children}
    </div>
  );
}
