import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { commandLine } from '../../../../engine/contract/cli';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { openImage } from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import { QueryErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes, formatRelativeTime, shortId } from '../../ui/format';
import { Facts } from '../../ui/Facts';
import { useContainerUsers } from '../containers/useContainers';
import { firstNames } from '../../ui/first-names';

/** One image up close: its layers (and which other images share them), its config, and its containers. */
export function ImageDetailView({ reference }: { reference: string }) {
  const { t, i18n } = useTranslation();
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const { data, error } = useQuery({
    queryKey: [engineId, 'images', 'detail', reference],
    queryFn: () => berth.images.detail.query({ reference }),
    enabled: Boolean(engineId),
  });
  const users = useContainerUsers();
  const bytes = (n: number) => formatBytes(n, i18n.language);
  // The first names and a count: an image tagged 2,000 times (or run by 10,000 containers) made a
  // page tens of thousands of pixels tall before its layers; the images list has a row per tag.
  const listed = (names: readonly string[], separator: string) => {
    const { shown, more } = firstNames(names, 20);
    return [...shown, ...(more ? [t('lists.andMore', { count: more })] : [])].join(separator);
  };
  const facts: [string, string][] = data
    ? [
        [t('imageDetail.id'), shortId(data.id)],
        [t('imageDetail.tags'), listed(data.tags, '\n')],
        [t('imageDetail.digests'), listed(data.digests, '\n')],
        [t('imageDetail.size'), bytes(data.size)],
        [t('imageDetail.created'), formatRelativeTime(data.created, i18n.language)],
        [t('imageDetail.platform'), `${data.os}/${data.architecture}`],
        [t('imageDetail.entrypoint'), data.entrypoint.join(' ')],
        [t('imageDetail.cmd'), data.cmd.join(' ')],
        [t('imageDetail.workdir'), data.workingDir],
        [t('imageDetail.user'), data.user],
        [t('imageDetail.ports'), data.exposedPorts.join(', ')],
        [t('imageDetail.env'), data.env.join('\n')],
        [t('imageDetail.labels'), Object.entries(data.labels).map(([k, v]) => `${k}=${v}`).join('\n')],
        [t('imageDetail.usedBy'), users.known ? listed(users.ofImage(data.id), ', ') : users.failed ? t('common.usersUnknownShort') : '…'],
      ]
    : [];
  return (
    <section className="view" aria-labelledby="image-title">
      <header className="view__header">
        <button type="button" className="button" onClick={() => openImage(undefined)}>
          ← {t('images.title')}
        </button>
        <h1 id="image-title">{reference}</h1>
      </header>
      <CommandPreview command={commandLine(['image', 'history', reference])} />
      <QueryErrorNotice error={error} />
      {data && (
        <>
          <Facts rows={facts} />
          <h2 className="card__title">{t('imageDetail.layers', { count: data.layers.filter((l) => l.diffId).length })}</h2>
          <p className="cell--muted">{data.sharedSavings > 0 ? t('imageDetail.savings', { size: bytes(data.sharedSavings) }) : t('imageDetail.noSharing')}</p>
          <table className="simple-table" aria-label={t('imageDetail.layersTable')}>
            <thead>
              <tr>
                <th>{t('imageDetail.step')}</th>
                <th>{t('imageDetail.size')}</th>
                <th>{t('imageDetail.sharedWith')}</th>
              </tr>
            </thead>
            <tbody>
              {data.layers.map((layer, i) => (
                <tr key={i}>
                  <td className="cell--mono layer-step">{layer.createdBy || <span className="cell--muted">{t('imageDetail.imported')}</span>}</td>
                  <td>{layer.diffId ? bytes(layer.size) : <span className="cell--muted">{t('imageDetail.metadata')}</span>}</td>
                  <td>{layer.sharedWith.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
