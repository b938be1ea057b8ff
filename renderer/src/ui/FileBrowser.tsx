import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commandLine, volumeDeleteRecipe, volumeListCommand } from '../../../engine/contract/cli';
import type { TransferProgress } from '../../../engine/contract/transfer';
import type { FileEntry } from '../../../engine/contract/types';
import { berth } from '../rpc/client';
import { useEngineStatus } from '../rpc/engine-sync';
import { desktopFiles, type DesktopFiles } from '../rpc/desktop';
import { toBerthError } from '../rpc/errors';
import { CommandPreview } from './CommandPreview';
import { ConfirmActions, Dialog } from './Dialog';
import { ErrorNotice, QueryErrorNotice, useErrorWords } from './ErrorNotice';
import { errorText } from './errorText';
import { SaveLink } from './SaveLink';
import { TransferStatus } from './TransferStatus';
import { uploadWithProgress } from './upload';
import { formatBytes, formatDateTime } from './format';

/** Desktop file dialogs, when this window has them (else the web host's HTTP uploads). */
const desktop = desktopFiles;
const join = (folder: string, name: string) => `${folder === '/' ? '' : folder}/${name}`;

export type FileSource = { kind: 'volume'; name: string } | { kind: 'container'; id: string; name: string; mounts: readonly string[] };

/**
 * Files of a volume (through a helper container that is created but never started) or of a
 * container (running or stopped): browse folders, download files or folders, upload files.
 */
export function FileBrowser({ source }: { source: FileSource }) {
  const { t, i18n } = useTranslation();
  const words = useErrorWords();
  const queryClient = useQueryClient();
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const [path, setPath] = useState('/');
  const [transferError, setTransferError] = useState<string>();
  const [uploading, setUploading] = useState(false);
  const [sent, setSent] = useState<{ name: string; progress: TransferProgress }>();
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

  /** Runs one upload (of however many files), then shows what changed. */
  const runUpload = async (work: () => Promise<void>) => {
    setUploading(true);
    setTransferError(undefined);
    setSent(undefined);
    try {
      await work();
    } catch (e) {
      setSent(undefined);
      setTransferError(errorText(i18n, toBerthError(e)).text);
    } finally {
      setUploading(false);
      void queryClient.invalidateQueries({ queryKey: ['files', engineId, source.kind, target] });
      if (source.kind === 'volume') void queryClient.invalidateQueries({ queryKey: [engineId, 'volumes'] });
    }
  };
  const upload = async (chosen: File[] | null) => {
    if (!chosen?.length) return;
    await runUpload(async () => {
      for (const file of chosen) {
        const url = `upload/${source.kind}/${encodeURIComponent(target)}?path=${encodeURIComponent(path)}&name=${encodeURIComponent(file.name)}`;
        const report = (state: TransferProgress['state'], bytes: number) => setSent({ name: file.name, progress: { id: file.name, state, bytes, total: file.size } });
        report('running', 0);
        await uploadWithProgress(url, file, (bytes) => report('running', bytes), t('files.connectionLost', { name: file.name }));
        report('done', file.size);
      }
    });
  };
  const uploadInDesktop = (dialogs: DesktopFiles) => runUpload(async () => void (await dialogs.uploadFiles({ kind: source.kind, target, folder: path })));

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
        {desktop ? (
          <button type="button" className="button" aria-label={t('files.uploadInto', { path })} disabled={uploading} onClick={() => void uploadInDesktop(desktop)}>
            {uploading ? t('files.uploading') : t('files.upload')}
          </button>
        ) : (
          <label className="button">
            {uploading ? t('files.uploading') : t('files.upload')}
            <input
              type="file"
              multiple
              className="visually-hidden"
              aria-label={t('files.uploadInto', { path })}
              onChange={(e) => {
                const chosen = e.target.files && Array.from(e.target.files);
                // Cleared so choosing the same file again uploads it again.
                e.target.value = '';
                void upload(chosen);
              }}
            />
          </label>
        )}
      </div>
      {sent && (
        <TransferStatus
          progress={sent.progress}
          label={t('files.uploadProgress')}
          runningText={sent.progress.bytes < (sent.progress.total ?? 0) ? t('files.sending', { name: sent.name }) : t('files.writing', { name: sent.name })}
          doneText={(size) => t('files.uploaded', { name: sent.name, size })}
        />
      )}
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
      {transferError && (
        <p className="error-notice" role="alert">
          {transferError}
        </p>
      )}
      <QueryErrorNotice error={error} />
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
                <td>{entry.size === undefined ? '—' : formatBytes(entry.size, i18n.language)}</td>
                <td>{formatDateTime(entry.mtime, i18n.language)}</td>
                <td>
                  {entry.type !== 'symlink' && entry.type !== 'other' && (
                    <SaveLink
                      className="button button--small"
                      href={link(entry)}
                      label={t('files.downloadOne', { name: entry.name })}
                      save={(files) =>
                        void files
                          .saveFile({ kind: source.kind, target, path: join(path, entry.name), as: entry.type === 'directory' ? 'folder' : 'file' })
                          .catch((e: unknown) => setTransferError(words(toBerthError(e)).message))
                      }
                    >
                      {t('files.download')}
                    </SaveLink>
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
