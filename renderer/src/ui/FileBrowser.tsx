import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commandLine, volumeDeleteRecipe, volumeListCommand } from '../../../engine/contract/cli';
import type { FileEntry } from '../../../engine/contract/types';
import { berth } from '../rpc/client';
import { useEngineStatus } from '../rpc/engine-sync';
import { toBerthError } from '../rpc/errors';
import { CommandPreview } from './CommandPreview';
import { ConfirmActions, Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';
import { formatBytes, formatDateTime } from './format';

const join = (folder: string, name: string) => `${folder === '/' ? '' : folder}/${name}`;

export type FileSource = { kind: 'volume'; name: string } | { kind: 'container'; id: string; name: string; mounts: readonly string[] };

/**
 * Files of a volume (through a helper container that is created but never started) or of a
 * container (running or stopped): browse folders, download files or folders, upload files.
 */
export function FileBrowser({ source }: { source: FileSource }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const [path, setPath] = useState('/');
  const [uploadError, setUploadError] = useState<string>();
  const [uploading, setUploading] = useState(false);
  const [deleting, setDeleting] = useState<string>();
  const remove = useMutation({
    mutationFn: (target: string) => berth.volumes.deleteFile.mutate({ volume: source.kind === 'volume' ? source.name : '', path: target }),
    onSettled: () => {
      setDeleting(undefined);
      void queryClient.invalidateQueries({ queryKey: ['files', engineId, source.kind] });
    },
  });
  const target = source.kind === 'volume' ? source.name : source.id;
  // Not under [engineId, 'volumes']: refreshing a listing must not be triggered by the listing's own helper.
  const key = ['files', engineId, source.kind, target, path];
  const { data: entries = [], error, isPending } = useQuery({
    queryKey: key,
    queryFn: () => (source.kind === 'volume' ? berth.volumes.files.query({ volume: source.name, path }) : berth.containers.files.query({ id: source.id, path })),
    enabled: Boolean(engineId),
  });
  const crumbs = path.split('/').filter(Boolean);
  const link = (entry: FileEntry) =>
    `download/${source.kind}/${encodeURIComponent(target)}?path=${encodeURIComponent(join(path, entry.name))}&as=${entry.type === 'directory' ? 'folder' : 'file'}`;

  const upload = async (files: FileList | null) => {
    if (!files?.length) return;
    setUploading(true);
    setUploadError(undefined);
    try {
      for (const file of Array.from(files)) {
        const response = await fetch(`upload/${source.kind}/${encodeURIComponent(target)}?path=${encodeURIComponent(path)}&name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          body: file,
        });
        if (!response.ok) throw new Error(`${file.name}: ${await response.text()}`);
      }
    } catch (e) {
      setUploadError((e as Error).message);
    } finally {
      setUploading(false);
      void queryClient.invalidateQueries({ queryKey: ['files', engineId, source.kind, target] });
      if (source.kind === 'volume') void queryClient.invalidateQueries({ queryKey: [engineId, 'volumes'] });
    }
  };

  return (
    <div className="file-browser">
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
      </div>
      <CommandPreview
        command={source.kind === 'volume' ? volumeListCommand(source.name, path) : commandLine(['exec', source.name, 'ls', '-la', path])}
      />
      {remove.error && <ErrorNotice error={toBerthError(remove.error)} />}
      {deleting && source.kind === 'volume' && (
        <Dialog title={t('files.deleteTitle', { path: deleting })} onClose={() => setDeleting(undefined)}>
          <p>{t('files.deleteBody', { path: deleting, volume: source.name })}</p>
          <CommandPreview command={volumeDeleteRecipe(source.name, deleting)} />
          <ConfirmActions cancel={t('common.cancel')} confirm={t('files.delete')} onCancel={() => setDeleting(undefined)} onConfirm={() => remove.mutate(deleting)} />
        </Dialog>
      )}
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
                  {entry.type === 'directory' && (
                    <button type="button" className="link-button" onClick={() => setPath(join(path, entry.name))}>
                      {entry.name}/
                    </button>
                  )}
                  {entry.type !== 'directory' && (
                    <span className="cell--mono">
                      {entry.name}
                      {entry.linkTarget && <span className="cell--muted"> → {entry.linkTarget}</span>}
                    </span>
                  )}
                  {source.kind === 'container' && source.mounts.includes(join(path, entry.name)) && (
                    <span className="state-badge">{t('files.mount')}</span>
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
                  {source.kind === 'volume' && (
                    <button
                      type="button"
                      className="button button--small button--danger"
                      aria-label={t('files.deleteOne', { name: entry.name })}
                      onClick={() => setDeleting(join(path, entry.name))}
                    >
                      {t('files.delete')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
