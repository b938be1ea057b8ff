import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { formatDateTime } from '../../ui/format';

interface HealthProbe {
  End?: string;
  ExitCode?: number;
  Output?: string;
}

/** The newest probe of inspect's State.Health.Log, if the container has a healthcheck that ran. */
export function lastProbe(inspect: Record<string, unknown> | undefined): HealthProbe | undefined {
  const state = inspect?.State as { Health?: { Log?: HealthProbe[] | null } } | undefined;
  return state?.Health?.Log?.at(-1);
}

/**
 * The last healthcheck probe of a container: when it ran, its exit code and what it printed (text,
 * never markup). Read again from inspect whenever the row's health or newest event changes.
 */
export function HealthNote({ container }: { container: ContainerSummary }) {
  const { t, i18n } = useTranslation();
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const { data } = useQuery({
    queryKey: [engineId, 'containers', 'health', container.id, container.health, container.eventTime ?? ''],
    queryFn: () => berth.containers.inspect.query({ id: container.id }),
    enabled: Boolean(engineId && container.health),
  });
  const probe = lastProbe(data);
  if (!container.health || !probe) return null;
  const output = probe.Output?.trim();
  return (
    <section className="card health-note" aria-label={t('detail.health.title')}>
      <p>
        {t('detail.health.lastProbe', {
          code: probe.ExitCode ?? '?',
          time: probe.End ? formatDateTime(Date.parse(probe.End) / 1000, i18n.language) : '?',
        })}
      </p>
      <pre className="health-note__output">{output || t('detail.health.noOutput')}</pre>
    </section>
  );
}
