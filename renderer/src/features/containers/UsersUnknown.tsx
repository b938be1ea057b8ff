import { useTranslation } from 'react-i18next';
import type { ContainerUsers } from './container-users';

/** A "used by" cell while that is not known: "…" while the containers list loads, "?" (with why) when it failed. */
export function UsersUnknown({ users }: { users: ContainerUsers }) {
  const { t } = useTranslation();
  return users.failed ? (
    <span className="cell--muted" title={t('common.usersUnknownShort')}>
      ?
    </span>
  ) : (
    <span className="cell--muted">…</span>
  );
}

/** The line a remove dialog shows while which containers use the chosen things is not known. */
export function UsersUnknownWarning({ users }: { users: ContainerUsers }) {
  const { t } = useTranslation();
  return users.known ? null : <p className="dialog__warning">{t('common.usersUnknown')}</p>;
}
