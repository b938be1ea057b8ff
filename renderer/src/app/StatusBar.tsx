import { useTranslation } from 'react-i18next';
import { useEngineStatus } from '../rpc/engine-sync';
import { useUiStore } from '../state/ui-store';
import { CommandLogButton } from '../features/command-log/CommandLogPanel';

export function StatusBar() {
  const { t } = useTranslation();
  const status = useEngineStatus();
  const hostLink = useUiStore((s) => s.hostLink);
  const state = hostLink === 'closed' ? 'disconnected' : (status?.state ?? 'connecting');
  return (
    <footer className="status-bar" role="status" aria-label={t('status.engineLabel')}>
      <span className={`status-dot status-dot--${state}`} aria-hidden="true" />
      <span className="status-bar__state">{t(`status.${state}`)}</span>
      {status && (
        <span className="status-bar__endpoint">
          {t('status.engineLabel')}: {status.endpoint.url}
          {status.version ? ` · Docker ${status.version}` : ''}
        </span>
      )}
      {hostLink === 'closed' && <span>{t('status.hostClosed')}</span>}
      <CommandLogButton />
    </footer>
  );
}
