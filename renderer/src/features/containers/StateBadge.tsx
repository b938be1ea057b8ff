import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../../engine/contract/types';
import { statusWords } from './status-words';

/**
 * A container's state as a coloured badge. A running container with a healthcheck shows its verdict
 * instead of plain "Running" (green healthy, red unhealthy, amber while the first probes run).
 */
export function StateBadge({ container }: { container: Pick<ContainerSummary, 'state' | 'health'> }) {
  const { t } = useTranslation();
  const health = container.state === 'running' ? container.health : undefined;
  if (health) {
    return <span className={`state-badge state-badge--${health}`}>{t(`containers.health.${health}`)}</span>;
  }
  return <span className={`state-badge state-badge--${container.state}`}>{t(`containers.states.${container.state}`)}</span>;
}

/** The Status column: docker's words in the person's language, or while restarting the last exit code and restart count. */
export function StatusText({ container }: { container: Pick<ContainerSummary, 'state' | 'status' | 'exitCode' | 'restartCount'> }) {
  const { t } = useTranslation();
  if (container.state === 'restarting') {
    const code = container.exitCode ?? '?';
    // Without a count (inspect failed) say nothing about it rather than a wrong "0 times".
    return <>{container.restartCount === undefined ? t('containers.restartingStatusUncounted', { code }) : t('containers.restartingStatus', { code, count: container.restartCount })}</>;
  }
  return <>{statusWords(t, container.status)}</>;
}
