import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imageLoadCommand } from '../../../../engine/contract/cli';
import type { BerthErrorShape } from '../../../../engine/contract/errors';
import { desktopFiles, type DesktopFiles } from '../../rpc/desktop';
import { toBerthError } from '../../rpc/errors';
import { useTransfer } from '../../rpc/useTransfer';
import { openImage } from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TransferStatus } from '../../ui/TransferStatus';
import { uploadForAnswer } from './upload-answer';

/** docker load: the images of a docker save archive, with their names; then what the engine loaded. */
export function LoadImagesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File>();
  const loading = useTransfer();
  const [loaded, setLoaded] = useState<string[]>();
  // The host's answer when it refused: it words the engine's reason (the transfer may not have begun).
  const [refusal, setRefusal] = useState<BerthErrorShape>();
  const startInDesktop = (files: DesktopFiles) =>
    files
      .loadImages({ transfer: loading.begin() })
      .then((answer) => (answer.chosen ? setLoaded(answer.loaded) : loading.cancel()))
      .catch((e: unknown) => loading.fail(toBerthError(e)));
  const start = async () => {
    setLoaded(undefined);
    setRefusal(undefined);
    if (desktopFiles) return startInDesktop(desktopFiles);
    if (!file) return;
    const answer = await uploadForAnswer<{ loaded: string[] }>(`upload/image-load?transfer=${loading.begin()}`, file, t('moves.connectionLost'));
    if (answer.ok) setLoaded(answer.value.loaded);
    else setRefusal(answer.error);
    void queryClient.invalidateQueries();
  };
  return (
    <Dialog title={t('moves.loadTitle')} onClose={onClose}>
      {!desktopFiles && (
        <label className="field">
          <span className="field__label">{t('moves.loadArchive')}</span>
          <input type="file" data-autofocus accept=".tar,.tar.gz,.tgz,application/x-tar,application/gzip" onChange={(e) => setFile(e.target.files?.[0])} />
        </label>
      )}
      <CommandPreview command={imageLoadCommand(file?.name ?? 'images.tar')} />
      {refusal ? (
        <ErrorNotice error={refusal} />
      ) : (
        <TransferStatus progress={loading.progress} label={t('moves.loadProgress')} runningText={t('moves.loading')} doneText={(size) => t('moves.loadedBytes', { size })} />
      )}
      {loaded && loaded.length === 0 && <p className="cell--muted">{t('moves.loadedNone')}</p>}
      {loaded && loaded.length > 0 && (
        <section aria-label={t('moves.loadedList')}>
          <h3 className="field__label">{t('moves.loadedList')}</h3>
          <ul className="moves__list">
            {loaded.map((name) => (
              <li key={name}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    onClose();
                    openImage(name);
                  }}
                >
                  {name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
        <button type="button" className="button button--primary" disabled={(!file && !desktopFiles) || loading.running} onClick={() => void start()}>
          {desktopFiles ? t('moves.chooseAndLoad') : t('moves.load')}
        </button>
      </div>
    </Dialog>
  );
}
