import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volumeCloneRecipe, volumeImportRecipe } from '../../../../engine/contract/cli';
import { firstProblem, volumeName } from '../../../../engine/contract/schemas';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';

/** Copy every file of a volume into a new one. */
export function CloneVolumeDialog({ source, onClose }: { source: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState(`${source}-copy`);
  const problem = firstProblem(volumeName, target);
  const clone = useMutation({
    mutationFn: () => berth.volumes.clone.mutate({ source, target }),
    onSuccess: () => void queryClient.invalidateQueries(),
  });
  return (
    <Dialog title={t('backup.cloneTitle', { source })} onClose={onClose}>
      <label className="field">
        <span className="field__label">{t('backup.newVolume')}</span>
        <input className="input" autoFocus value={target} onChange={(e) => setTarget(e.target.value)} />
        {problem && <span className="field__problem">{problem}</span>}
      </label>
      <CommandPreview command={volumeCloneRecipe(source, target)} />
      {clone.isPending && <p className="cell--muted">{t('backup.cloning')}</p>}
      {clone.isSuccess && (
        <p className="notice notice--ok" role="status">
          {t('backup.cloned', { target })}
        </p>
      )}
      {clone.error && <ErrorNotice error={toBerthError(clone.error)} />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
        <button type="button" className="button button--primary" disabled={Boolean(problem) || clone.isPending || clone.isSuccess} onClick={() => clone.mutate()}>
          {t('backup.clone')}
        </button>
      </div>
    </Dialog>
  );
}

/** Unpack a .tar or .tar.gz into a new (or empty) volume. */
export function ImportVolumeDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [file, setFile] = useState<File>();
  const [state, setState] = useState<{ phase: 'idle' | 'importing' | 'done' } | { phase: 'failed'; message: string }>({ phase: 'idle' });
  const problem = name ? firstProblem(volumeName, name) : undefined;
  const start = async () => {
    if (!file) return;
    setState({ phase: 'importing' });
    const response = await fetch(`upload/volume-import/${encodeURIComponent(name)}`, { method: 'POST', body: file }).catch((e: Error) => e);
    if (response instanceof Error || !response.ok) {
      setState({ phase: 'failed', message: response instanceof Error ? response.message : await response.text() });
      return;
    }
    setState({ phase: 'done' });
    void queryClient.invalidateQueries();
  };
  return (
    <Dialog title={t('backup.importTitle')} onClose={onClose}>
      <label className="field">
        <span className="field__label">{t('backup.newVolume')}</span>
        <input className="input" autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        {problem && <span className="field__problem">{problem}</span>}
      </label>
      <label className="field">
        <span className="field__label">{t('backup.archive')}</span>
        <input type="file" accept=".tar,.tar.gz,.tgz,application/gzip,application/x-tar" onChange={(e) => setFile(e.target.files?.[0])} />
      </label>
      <CommandPreview command={volumeImportRecipe(name || '…', file?.name ?? 'backup.tar.gz')} />
      {state.phase === 'importing' && <p className="cell--muted">{t('backup.importing')}</p>}
      {state.phase === 'done' && (
        <p className="notice notice--ok" role="status">
          {t('backup.imported', { name })}
        </p>
      )}
      {state.phase === 'failed' && (
        <p className="error-notice" role="alert">
          {state.message}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
        <button type="button" className="button button--primary" disabled={!name || Boolean(problem) || !file || state.phase === 'importing'} onClick={() => void start()}>
          {t('backup.import')}
        </button>
      </div>
    </Dialog>
  );
}
