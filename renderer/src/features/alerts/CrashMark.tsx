import './alerts.css';
import { useTranslation } from 'react-i18next';
import { openContainer } from '../../state/ui-store';
import { crashAlertText, setCrashAlertsMuted, useCrashAlerts } from './crash-alerts';

/** A mark beside a container that crashed without a person asking; opening it shows the logs. */
export function CrashMark({ containerId }: { containerId: string }) {
  const { t } = useTranslation();
  const alert = useCrashAlerts((s) => s.marks[containerId]);
  if (!alert) return null;
  const { title, body } = crashAlertText(alert);
  return (
    <button type="button" className="crash-mark" title={`${title}\n${body}`} aria-label={t('alerts.mark', { title })} onClick={() => openContainer(containerId)}>
      <span aria-hidden="true">⚠</span>
    </button>
  );
}

/** The container detail's switch for its crash notifications. */
export function CrashMuteToggle({ name }: { name: string }) {
  const { t } = useTranslation();
  const muted = useCrashAlerts((s) => s.muted.has(name));
  return (
    <button type="button" className="button" aria-pressed={muted} onClick={() => setCrashAlertsMuted(name, !muted)}>
      {muted ? t('alerts.unmute') : t('alerts.mute')}
    </button>
  );
}
