import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEngineStatus } from '../rpc/engine-sync';
import { useUiStore } from '../state/ui-store';

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
      {status.lastError && <div className="banner__detail">{status.lastError}</div>}
    </div>
  );
}

function useCountdown(ms: number | undefined): number | undefined {
  const [deadline, setDeadline] = useState<number | undefined>();
  const [, tick] = useState(0);
  useEffect(() => {
    setDeadline(ms === undefined ? undefined : Date.now() + ms);
    if (ms === undefined) return;
    const timer = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(timer);
  }, [ms]);
  return deadline === undefined ? undefined : Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
}

/** True while actions can reach the engine. */
export function useEngineUsable(): boolean {
  const status = useEngineStatus();
  const hostLink = useUiStore((s) => s.hostLink);
  return hostLink === 'open' && status?.state === 'connected';
}
