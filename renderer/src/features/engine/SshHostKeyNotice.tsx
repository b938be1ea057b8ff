import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EngineStatus } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { ErrorNotice } from '../../ui/ErrorNotice';
import './SshHostKeyNotice.css';

/**
 * What an ssh:// engine's host key check decided, where the banner says the engine is away: a key
 * never seen gets a first-use prompt with its fingerprint and "Trust and connect"; a changed or
 * revoked key is refused with both fingerprints and no way to trust it from here.
 */
export function SshHostKeyNotice({ status }: { status: EngineStatus }) {
  const { t } = useTranslation();
  const trust = useMutation({
    mutationFn: (fingerprint: string) => berth.engines.trustHostKey.mutate({ id: status.endpoint.id, fingerprint }),
  });
  const problem = status.lastErrorKind;
  if (problem?.kind === 'sshHostKeyUnknown') {
    return (
      <section className="ssh-key" aria-labelledby="ssh-key-title">
        <h2 id="ssh-key-title" className="ssh-key__title">{t('ssh.firstUse.title')}</h2>
        <p>{t('ssh.firstUse.body', { host: problem.host, keyType: problem.keyType })}</p>
        <dl className="ssh-key__prints">
          <dt>{t('ssh.fingerprint')}</dt>
          <dd><code aria-label={t('ssh.fingerprint')}>{problem.fingerprint}</code></dd>
        </dl>
        <p className="ssh-key__check">{t('ssh.firstUse.check')}</p>
        <button type="button" className="button button--primary" disabled={trust.isPending} onClick={() => trust.mutate(problem.fingerprint)}>
          {trust.isPending ? t('ssh.firstUse.trusting') : t('ssh.firstUse.trust')}
        </button>
        {trust.error && <ErrorNotice title={t('ssh.firstUse.failed')} error={toBerthError(trust.error)} />}
      </section>
    );
  }
  if (problem?.kind === 'sshHostKeyChanged') {
    return (
      <section className="ssh-key ssh-key--refused" aria-labelledby="ssh-key-title">
        <h2 id="ssh-key-title" className="ssh-key__title">{t('ssh.changed.title')}</h2>
        <p>{t('ssh.changed.body', { host: problem.host, keyType: problem.keyType, file: problem.file, line: problem.line })}</p>
        <dl className="ssh-key__prints">
          <dt>{t('ssh.changed.offered')}</dt>
          <dd><code aria-label={t('ssh.changed.offered')}>{problem.fingerprint}</code></dd>
          <dt>{t('ssh.changed.known')}</dt>
          <dd><code aria-label={t('ssh.changed.known')}>{problem.knownFingerprint}</code></dd>
        </dl>
        <p className="ssh-key__check">{t('ssh.changed.fix', { host: problem.host, file: problem.file })}</p>
      </section>
    );
  }
  if (problem?.kind === 'sshHostKeyRevoked') {
    return (
      <section className="ssh-key ssh-key--refused" aria-labelledby="ssh-key-title">
        <h2 id="ssh-key-title" className="ssh-key__title">{t('ssh.revoked.title')}</h2>
        <p>{t('ssh.revoked.body', { host: problem.host, keyType: problem.keyType, file: problem.file, line: problem.line })}</p>
        <code aria-label={t('ssh.fingerprint')}>{problem.fingerprint}</code>
      </section>
    );
  }
  return null;
}
