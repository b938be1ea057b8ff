import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volumeExportRecipe, volumeListCommand } from '../../../../engine/contract/cli';
import type { FileEntry } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { toBerthError } from '../../rpc/errors';
import { openVolume } from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes, formatDateTime } from '../../ui/format';
import { CloneVolumeDialog } from './VolumeBackupDialogs';

const join = (folder: string, name: string) => `${folder === '/' ? '' : folder}/${name}`;

/** A volume's files, read through a helper container that is created but never started. */
export function VolumeFilesView({ volume }: { volume: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const [path, setPath] = useState('/');
  const [uploadError, setUploadError] = useState<string>();
  const [uploading, setUploading] = useState(false);
  const [cloning, setCloning] = useState(false);
  // Not under [engineId, 'volumes']: refreshing a listing must not be triggered by the listing's own helper.
  const key = ['volume-files', engineId, volume, path];
  const { data: entries = [], error, isPending } = useQuery({ queryKey: key, queryFn: () => berth.volumes.files.query({ volume, path }), enabled: Boolean(engineId) });
  const crumbs = path.split('/').filter(Boolean);
  const link = (entry: FileEntry) =>
    `download/volume/${encodeURIComponent(volume)}?path=${encodeURIComponent(join(path, entry.name))}&as=${entry.type === 'directory' ? 'folder' : 'file'}`;

  const upload = async (files: FileList | null) => {
    if (!files?.length) return;
    setUploading(true);
    setUploadError(undefined);
    try {
      for (const file of Array.from(files)) {
        const response = await fetch(`upload/volume/${encodeURIComponent(volume)}?path=${encodeURIComponent(path)}&name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          body: file,
        });
        if (!response.ok) throw new Error(`${file.name}: ${await response.text()}`);
      }
    } catch (e) {
      setUploadError((e as Error).message);
    } finally {
      setUploading(false);
      void queryClient.invalidateQueries({ queryKey: ['volume-files', engineId, volume] });
      void queryClient.invalidateQueries({ queryKey: [engineId, 'volumes'] });
    }
  };

  return (
    <section className="view" aria-labelledby="volume-files-title">
      <header className="view__header">
        <button type="button" className="button" onClick={() => openVolume(undefined)}>
          ← {t('volumes.title')}
        </button>
        <h1 id="volume-files-title">{volume}</h1>
      </header>
      <nav className="breadcrumbs" aria-label={t('files.path')}>
        <button type="button" className="link-button" onClick={() => setPath('/')}>
          /
        </button>
        {crumbs.map((part, i) => (
          <span key={i}>
            <button type="button" className="link-button" onClick={() => setPath(`/${crumbs.slice(0, i + 1).join('/')}`)}>
              {part}
            </button>
            /
          </span>
        ))}
      </nav>
      <div className="toolbar">
        <label className="button">
          {uploading ? t('files.uploading') : t('files.upload')}
          <input type="file" multiple className="visually-hidden" aria-label={t('files.uploadInto', { path })} onChange={(e) => void upload(e.target.files)} />
        </label>
        <a className="button" href={`download/volume-export/${encodeURIComponent(volume)}`} download>
          {t('backup.export')}
        </a>
        <button type="button" className="button" onClick={() => setCloning(true)}>
          {t('backup.cloneButton')}
        </button>
      </div>
      <CommandPreview label={t('backup.exportRecipe')} command={volumeExportRecipe(volume)} />
      {cloning && <CloneVolumeDialog source={volume} onClose={() => setCloning(false)} />}
      <CommandPreview command={volumeListCommand(volume, path)} />
      {uploadError && (
        <p className="error-notice" role="alert">
          {uploadError}
        </p>
      )}
      {error && <ErrorNotice error={toBerthError(error)} />}
      {!isPending && entries.length === 0 && !error && <p className="view__empty">{t('files.empty')}</p>}
      {entries.length > 0 && (
        <table className="simple-table" aria-label={t('files.table', { path })}>
          <thead>
            <tr>
              <th>{t('files.name')}</th>
              <th>{t('files.size')}</th>
              <th>{t('files.modified')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.name}>
                <td>
                  {entry.type === 'directory' ? (
                    <button type="button" className="link-button" onClick={() => setPath(join(path, entry.name))}>
                      {entry.name}/
                    </button>
                  ) : (
                    <span className="cell--mono">
                      {entry.name}
                      {entry.linkTarget && <span className="cell--muted"> → {entry.linkTarget}</span>}
                    </span>
                  )}
                </td>
                <td>{formatBytes(entry.size, i18n.language)}</td>
                <td>{formatDateTime(entry.mtime, i18n.language)}</td>
                <td>
                  {entry.type !== 'symlink' && entry.type !== 'other' && (
                    <a className="button button--small" href={link(entry)} download aria-label={t('files.downloadOne', { name: entry.name })}>
                      {t('files.download')}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
