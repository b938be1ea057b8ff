import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDoor, type DoorProblem } from '../rpc/door';

const messageKey = {
  TOKEN_USED: 'door.tokenUsed',
  TOKEN_UNKNOWN: 'door.tokenUnknown',
  NO_LOGIN: 'door.noLogin',
  SESSION_UNKNOWN: 'door.sessionUnknown',
} as const satisfies Record<DoorProblem, string>;

/** The app once the page holds a session at the web host's door; otherwise what to do to get one. */
export function DoorGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const problem = useDoor((s) => s.problem);
  if (!problem) return children;
  return (
    <main className="door" aria-labelledby="door-title">
      <h1 id="door-title">{t('door.title')}</h1>
      <p role="alert">{t(messageKey[problem])}</p>
    </main>
  );
}
