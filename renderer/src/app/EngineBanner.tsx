import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SshHostKeyNotice } from '../features/engine/SshHostKeyNotice';
import { SshKeyUnlockNotice } from '../features/engine/SshKeyUnlockNotice';
import { useEngineStatus } from '../rpc/engine-sync';
import { useUiStore } from '../state/ui-store';
import { engineLinkError } from '../ui/engineLinkError';

/** Says, at the top of every view, that the engine (or Berth's own host) is gone and that Berth is on it. */
export function EngineBanner() {
  const { t } = useTranslation();
  const status = useEngineStatus();
  const hostLink = useUiStore((s) => s.hostLink);
  const seconds = useCountdown(status?.state === 'disconnected' ? status.retryInMs : undefined);

  if (hostLink === 'closed') {
    return (
      <div className="banner banner--error" role="alert">
        <strong>{t('banner.hostDown')}</strong>
      </div>
    );
  }
  if (status?.state !== 'disconnected') return null;
  return (
    <div className="banner banner--error" role="alert">
      <strong>{t('banner.engineDown')}</strong>{' '}
      {seconds !== undefined && seconds > 0 ? t('banner.retrying', { seconds }) : t('banner.retryingSoon')}{' '}
      {t('banner.actionsDisabled')}
      {status.lastError && <div className="banner__detail">{engineLinkError(t, status)}</div>}
      <SshHostKeyNotice status={status} />
      <SshKeyUnlockNotice status={status} />
    </div>
  );
}

/** Whole seconds left of `ms`, counting down from when `ms` last changed. */
function useCountdown(ms: number | undefined): number | undefined {
  const [seconds, setSeconds] = useState<number | undefined>();
  useEffect(() => {
    if (ms === undefined) return;
    const deadline = Date.now() + ms;
    const update = () => setSeconds(Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
    const first = setTimeout(update, 0);
    const timer = setInterval(update, 500);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ms]);
  return ms === undefined ? undefined : seconds;
}

/** True while actions can reach the engine. */
export function useEngineUsable(): boolean {
  const status = useEngineStatus();
  const hostLink = useUiStore((s) => s.hostLink);
  return hostLink === 'open' && status?.state === 'connected';
}
