import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { missingApiFeatures } from '../../../../engine/contract/api-version';
import { engineInfoCommand } from '../../../../engine/contract/cli-engines';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { engineLinkError } from '../../ui/engineLinkError';
import { BerthLogCard } from './BerthLogCard';
import { DiskUsageCard } from './DiskUsageCard';
import { EngineChoices } from './EngineChoices';
import { NativeEngineCard } from './NativeEngineCard';
import { VmEngineCard } from './VmEngineCard';
import { engineInfoQuery } from '../../rpc/queries';
import { CommandPreview } from '../../ui/CommandPreview';
import { QueryErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes } from '../../ui/format';
import { Facts } from '../../ui/Facts';

export function EngineView() {
  const { t, i18n } = useTranslation();
  const status = useEngineStatus();
  const engineId = status?.endpoint.id;
  const { data: info, error } = useQuery({
    ...engineInfoQuery(engineId ?? ''),
    enabled: Boolean(engineId) && status?.state === 'connected',
  });
  const { data: nativeAvailable } = useQuery({
    queryKey: ['native-engine', 'available'],
    queryFn: () => berth.engines.native.available.query(),
    staleTime: Infinity,
  });
  const rows: [string, string | undefined][] = status
    ? [
        [t('engine.endpoint'), status.endpoint.url],
        [t('engine.source'), t(`engine.sources.${status.endpoint.source}`) + (status.endpoint.contextName ? ` (${status.endpoint.contextName})` : '')],
        [t('engine.version'), info?.serverVersion ?? status.version],
        [
          t('engine.apiVersion'),
          status.apiVersion && status.engineApiVersion && status.engineApiVersion !== status.apiVersion
            ? t('engines.apiBerthSpeaks', { api: status.apiVersion, engineApi: status.engineApiVersion })
            : status.apiVersion,
        ],
        [
          t('engines.apiMissing', { version: status.apiVersion ?? '' }),
          missingApiFeatures(status.apiVersion).map((feature) => t(`engines.apiFeatures.${feature}`)).join('; ') || undefined,
        ],
        [t('engine.os'), info ? `${info.operatingSystem} (${info.osType}/${info.architecture})` : status.os],
        [t('engine.kernel'), info?.kernelVersion],
        [t('engine.cpus'), info ? String(info.cpus) : undefined],
        [t('engine.memory'), info ? formatBytes(info.memoryBytes, i18n.language) : undefined],
        [t('engine.storageDriver'), info?.storageDriver],
        [t('engine.dataRoot'), info?.dataRoot],
        [t('engine.containers'), info ? t('engine.containersBreakdown', info.containers) : undefined],
        [t('engine.images'), info ? String(info.images) : undefined],
        [t('engine.lastError'), status.state === 'disconnected' ? engineLinkError(t, status) : undefined],
      ]
    : [];
  return (
    <section className="view" aria-labelledby="engine-title">
      <header className="view__header">
        <h1 id="engine-title">{t('engine.title')}</h1>
        {status && <span className={`status-pill status-pill--${status.state}`}>{t(`status.${status.state}`)}</span>}
      </header>
      {status && <CommandPreview command={engineInfoCommand(status.endpoint)} />}
      <QueryErrorNotice error={error} />
      <Facts rows={rows} />
      <DiskUsageCard />
      <EngineChoices />
      {nativeAvailable && <NativeEngineCard />}
      <VmEngineCard />
      <BerthLogCard />
    </section>
  );
}
