import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { engineDisplayName, isRemoteEngine } from '../features/engine/engine-label';
import '../features/engine/engines.css';
import { useEngineStatus } from '../rpc/engine-sync';
import { useUiStore } from '../state/ui-store';
import { CommandLogButton } from '../features/command-log/CommandLogPanel';

export function StatusBar() {
  const { t } = useTranslation();
  const status = useEngineStatus();
  const hostLink = useUiStore((s) => s.hostLink);
  const state = hostLink === 'closed' ? 'disconnected' : (status?.state ?? 'connecting');
  const name = status ? engineDisplayName(t, status.endpoint) : undefined;
  const remote = status ? isRemoteEngine(status.endpoint) : false;
  // The window's title names the engine too, so a person acting on a remote one sees it in the task bar.
  useEffect(() => {
    if (!name) return;
    document.title = t(remote ? 'engines.windowTitleRemote' : 'engines.windowTitle', { engine: name });
  }, [name, remote, t]);
  return (
    <footer className="status-bar" role="status" aria-label={t('status.engineLabel')}>
      <span className={`status-dot status-dot--${state}`} aria-hidden="true" />
      <span className="status-bar__state">{t(`status.${state}`)}</span>
      {status && (
        <span className="status-bar__endpoint">
          {t('status.engineLabel')}: {name} · {status.endpoint.url}
          {status.version ? ` · Docker ${status.version}` : ''}
        </span>
      )}
      {remote && (
        <span className="status-bar__remote" title={t('engines.remoteIcon')}>
          ⇄ {t('engines.remote')}
        </span>
      )}
      {hostLink === 'closed' && <span>{t('status.hostClosed')}</span>}
      <CommandLogButton />
    </footer>
  );
}
