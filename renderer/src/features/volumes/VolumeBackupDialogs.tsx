import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volumeCloneRecipe, volumeImportRecipe } from '../../../../engine/contract/cli';
import { volumeName } from '../../../../engine/contract/schemas';
import { berth } from '../../rpc/client';
import { desktopFiles, type DesktopFiles } from '../../rpc/desktop';
import { ticketUrl } from '../../rpc/door';
import { toBerthError } from '../../rpc/errors';
import { useTransfer } from '../../rpc/useTransfer';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice, useErrorWords } from '../../ui/ErrorNotice';
import { errorText } from '../../ui/errorText';
import { firstProblemText } from '../../ui/inputProblem';
import { TransferStatus } from '../../ui/TransferStatus';
import { hostRefusal } from '../../ui/upload';

/** Copy every file of a volume into a new one. */
export function CloneVolumeDialog({ source, onClose }: { source: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState(`${source}-copy`);
  const problem = firstProblemText(t, volumeName, target);
  const copying = useTransfer();
  const clone = useMutation({
    mutationFn: () => berth.volumes.clone.mutate({ source, target, transfer: copying.begin() }),
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
      <TransferStatus progress={copying.progress} label={t('backup.cloneProgress')} runningText={t('backup.cloning')} doneText={(size) => t('backup.cloned', { size, target })} />
      {/* Input the contract refused never became a transfer; its error is the call's own. */}
      {clone.error && copying.progress?.state !== 'failed' && <ErrorNotice error={toBerthError(clone.error)} />}
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
  const { t, i18n } = useTranslation();
  const words = useErrorWords();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [file, setFile] = useState<File>();
  const importing = useTransfer();
  // A refusal that never became a transfer (the request did not arrive, or its id was refused).
  const [requestError, setRequestError] = useState<string>();
  const problem = name ? firstProblemText(t, volumeName, name) : undefined;
  const startInDesktop = (files: DesktopFiles) => {
    setRequestError(undefined);
    files
      .importVolume({ volume: name, transfer: importing.begin() })
      .then((opened) => (opened.chosen ? void queryClient.invalidateQueries() : importing.cancel()))
      .catch((e: unknown) => importing.fail(toBerthError(e)));
  };
  const start = async () => {
    if (desktopFiles) return startInDesktop(desktopFiles);
    if (!file) return;
    setRequestError(undefined);
    const transfer = importing.begin();
    // A single-use address minted for this one upload (the web host takes no cookies).
    const response = await ticketUrl('POST', `upload/volume-import/${encodeURIComponent(name)}?transfer=${transfer}`)
      .then((target) => fetch(target, { method: 'POST', body: file }))
      .catch((e: Error) => e);
    if (response instanceof Error) setRequestError(words(toBerthError(response)).message);
    else if (response.status === 400) setRequestError(errorText(i18n, hostRefusal(await response.text(), response.status)).text);
    void queryClient.invalidateQueries();
  };
  return (
    <Dialog title={t('backup.importTitle')} onClose={onClose}>
      <label className="field">
        <span className="field__label">{t('backup.newVolume')}</span>
        <input className="input" autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        {problem && <span className="field__problem">{problem}</span>}
      </label>
      {/* The desktop shell asks for the archive in the system's open dialog when Import is pressed. */}
      {!desktopFiles && (
        <label className="field">
          <span className="field__label">{t('backup.archive')}</span>
          <input type="file" accept=".tar,.tar.gz,.tgz,application/gzip,application/x-tar" onChange={(e) => setFile(e.target.files?.[0])} />
        </label>
      )}
      <CommandPreview command={volumeImportRecipe(name || '…', file?.name ?? 'backup.tar.gz')} />
      {requestError ? (
        <p className="error-notice" role="alert">
          {requestError}
        </p>
      ) : (
        <TransferStatus progress={importing.progress} label={t('backup.importProgress')} runningText={t('backup.importing')} doneText={(size) => t('backup.imported', { size, name })} />
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
        <button type="button" className="button button--primary" disabled={!name || Boolean(problem) || (!file && !desktopFiles) || importing.running} onClick={() => void start()}>
          {desktopFiles ? t('backup.chooseAndImport') : t('backup.import')}
        </button>
      </div>
    </Dialog>
  );
}
