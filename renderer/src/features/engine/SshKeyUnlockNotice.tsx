import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sshAddRecipe } from '../../../../engine/contract/cli';
import type { EngineStatus } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { CommandPreview } from '../../ui/CommandPreview';
import { ErrorNotice } from '../../ui/ErrorNotice';
import './SshHostKeyNotice.css';

/**
 * Where the banner says an ssh:// engine's login failed while a key file wants its passphrase
 * (`sshKeyLocked`): names the file (its path only), asks for the passphrase and sends it once
 * (`engines.unlockKey`); the engine reconnects at once. A wrong passphrase is said so and the field
 * stays, emptied, for another try. The passphrase lives only in the field (uncontrolled) until sent:
 * never in React state or the mutation's variables, which react-query keeps for minutes.
 */
export function SshKeyUnlockNotice({ status }: { status: EngineStatus }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const problem = status.lastErrorKind?.kind === 'sshKeyLocked' ? status.lastErrorKind : undefined;
  const unlock = useMutation({
    mutationFn: (key: string) => berth.engines.unlockKey.mutate({ id: status.endpoint.id, key, passphrase: field.current?.value ?? '' }),
    onSettled: () => {
      if (field.current) field.current.value = '';
      setTyped(false);
    },
    onError: () => field.current?.focus(),
  });
  if (!problem) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed && !unlock.isPending) unlock.mutate(problem.key);
  };
  return (
    <section className="ssh-key" aria-labelledby="ssh-unlock-title">
      <h2 id="ssh-unlock-title" className="ssh-key__title">{t('sshKey.title')}</h2>
      <p>{t('sshKey.body', { user: problem.user, host: problem.host })}</p>
      <dl className="ssh-key__prints">
        <dt>{t('sshKey.file')}</dt>
        <dd><code>{problem.key}</code></dd>
      </dl>
      <form className="ssh-key__unlock" onSubmit={submit}>
        <label className="field">
          <span className="field__label">{t('sshKey.passphrase')}</span>
          <input
            ref={field}
            className="input"
            type="password"
            autoComplete="off"
            onChange={(e) => setTyped(e.target.value !== '')}
          />
        </label>
        <button type="submit" className="button button--primary" disabled={!typed || unlock.isPending}>
          {unlock.isPending ? t('sshKey.unlocking') : t('sshKey.unlock')}
        </button>
      </form>
      <p className="ssh-key__check">{t('sshKey.kept')}</p>
      <CommandPreview label={t('sshKey.cli')} command={sshAddRecipe(problem.key)} />
      {unlock.error && <ErrorNotice title={t('sshKey.failed')} error={toBerthError(unlock.error)} />}
    </section>
  );
}
