import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { commandLine } from '../../../../engine/contract/cli';
import { useEngineStatus } from '../../rpc/engine-sync';
import { toBerthError } from '../../rpc/errors';
import { imagesQuery } from '../../rpc/queries';
import { CommandPreview } from '../../ui/CommandPreview';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes, formatRelativeTime, shortId } from '../../ui/format';

export function ImagesView() {
  const { t, i18n } = useTranslation();
  const engineId = useEngineStatus()?.endpoint.id;
  const { data: images = [], error, isPending } = useQuery({ ...imagesQuery(engineId ?? ''), enabled: Boolean(engineId) });
  const sorted = [...images].sort((a, b) => b.created - a.created);
  return (
    <section className="view" aria-labelledby="images-title">
      <header className="view__header">
        <h1 id="images-title">{t('images.title')}</h1>
      </header>
      <CommandPreview command={commandLine(['images'])} />
      {error && <ErrorNotice error={toBerthError(error)} />}
      {!isPending && sorted.length === 0 && !error && <p className="view__empty">{t('images.empty')}</p>}
      {sorted.length > 0 && (
        <table className="simple-table">
          <thead>
            <tr>
              <th>{t('images.columns.tags')}</th>
              <th>{t('images.columns.id')}</th>
              <th>{t('images.columns.size')}</th>
              <th>{t('images.columns.created')}</th>
              <th>{t('images.columns.containers')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((image) => (
              <tr key={image.id}>
                <td>{image.tags.length ? image.tags.join(', ') : <em>{t('images.untagged')}</em>}</td>
                <td className="cell--mono">{shortId(image.id)}</td>
                <td>{formatBytes(image.size, i18n.language)}</td>
                <td>{formatRelativeTime(image.created, i18n.language)}</td>
                <td>{image.containers >= 0 ? image.containers : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
