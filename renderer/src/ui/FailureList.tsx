import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../engine/contract/types';
import { errorText } from './errorText';

/** The items of a bulk action that failed, each worded (the engine's own message beside it) with its hint, as text. */
export function FailureList({ failures, children }: { failures: readonly ActionOutcome[]; children?: ReactNode }) {
  const { i18n } = useTranslation();
  if (failures.length === 0) return null;
  return (
    <div className="error-notice" role="alert">
      <ul className="error-notice__list">
        {failures.map((outcome) => {
          const { text, quoted, hint } = outcome.error ? errorText(i18n, outcome.error) : { text: '' };
          return (
            <li key={outcome.id}>
              {text}
              {quoted && <span className="error-notice__quoted"> “{quoted}”</span>}
              {hint && <span className="error-notice__hint"> {hint}</span>}
            </li>
          );
        })}
      </ul>
      {children}
    </div>
  );
}
