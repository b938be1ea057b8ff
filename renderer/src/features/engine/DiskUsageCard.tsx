import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { commandLine } from '../../../../engine/contract/cli';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { CommandPreview } from '../../ui/CommandPreview';
import { QueryErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes } from '../../ui/format';

const kinds = ['images', 'containers', 'volumes', 'buildCache'] as const;

/** What the engine's data takes on disk, and what a prune would give back: `docker system df`. */
export function DiskUsageCard() {
  const { t, i18n } = useTranslation();
  const status = useEngineStatus();
  const engineId = status?.endpoint.id ?? '';
  // Under the engine's 'info' key, so container and image changes refresh it too.
  const { data, error } = useQuery({
    queryKey: [engineId, 'info', 'disk-usage'],
    queryFn: () => berth.engine.diskUsage.query(),
    enabled: Boolean(engineId) && status?.state === 'connected',
  });
  const bytes = (n: number) => formatBytes(n, i18n.language);
  return (
    <section className="card" aria-labelledby="disk-usage-title">
      <h2 id="disk-usage-title" className="card__title">{t('engine.disk.title')}</h2>
      <CommandPreview command={commandLine(['system', 'df'])} />
      <QueryErrorNotice error={error} />
      {data && (
        <table className="simple-table" aria-labelledby="disk-usage-title">
          <thead>
            <tr>
              <th>{t('engine.disk.kind')}</th>
              <th>{t('engine.disk.count')}</th>
              <th>{t('engine.disk.size')}</th>
              <th>{t('engine.disk.reclaimable')}</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind}>
                <td>{t(`engine.disk.kinds.${kind}`)}</td>
                <td>{data[kind].count}</td>
                <td>{bytes(data[kind].size)}</td>
                <td>{bytes(data[kind].reclaimable)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
