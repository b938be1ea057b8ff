import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { commandLine } from '../../../../engine/contract/cli';
import { useEngineStatus } from '../../rpc/engine-sync';
import { toBerthError } from '../../rpc/errors';
import { volumesQuery } from '../../rpc/queries';
import { CommandPreview } from '../../ui/CommandPreview';
import { ErrorNotice } from '../../ui/ErrorNotice';

export function VolumesView() {
  const { t, i18n } = useTranslation();
  const engineId = useEngineStatus()?.endpoint.id;
  const { data: volumes = [], error, isPending } = useQuery({ ...volumesQuery(engineId ?? ''), enabled: Boolean(engineId) });
  const sorted = [...volumes].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section className="view" aria-labelledby="volumes-title">
      <header className="view__header">
        <h1 id="volumes-title">{t('volumes.title')}</h1>
      </header>
      <CommandPreview command={commandLine(['volume', 'ls'])} />
      {error && <ErrorNotice error={toBerthError(error)} />}
      {!isPending && sorted.length === 0 && !error && <p className="view__empty">{t('volumes.empty')}</p>}
      {sorted.length > 0 && (
        <table className="simple-table">
          <thead>
            <tr>
              <th>{t('volumes.columns.name')}</th>
              <th>{t('volumes.columns.driver')}</th>
              <th>{t('volumes.columns.created')}</th>
              <th>{t('volumes.columns.mountpoint')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((volume) => (
              <tr key={volume.name}>
                <td className="cell--mono">{volume.name}</td>
                <td>{volume.driver}</td>
                <td>{volume.created ? new Date(volume.created).toLocaleString(i18n.language) : '—'}</td>
                <td className="cell--mono cell--muted">{volume.mountpoint}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
