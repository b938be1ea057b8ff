import type { ReactNode } from 'react';
import type { ActionOutcome } from '../../../engine/contract/types';

/** The items of a bulk action that failed, each with the engine's message and hint, as text. */
export function FailureList({ failures, children }: { failures: readonly ActionOutcome[]; children?: ReactNode }) {
  if (failures.length === 0) return null;
  return (
    <div className="error-notice" role="alert">
      <ul className="error-notice__list">
        {failures.map((outcome) => (
          <li key={outcome.id}>
            {outcome.error?.message}
            {outcome.error?.hint && <span className="error-notice__hint"> {outcome.error.hint}</span>}
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}
