import { useTranslation } from 'react-i18next';
import { archiveFileName, imageSaveCommand } from '../../../../engine/contract/cli';
import { imageSaveNames } from '../../../../engine/contract/schemas';
import { toBerthError } from '../../rpc/errors';
import { useTransfer } from '../../rpc/useTransfer';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { firstProblemText } from '../../ui/inputProblem';
import { SaveLink } from '../../ui/SaveLink';
import { TransferStatus } from '../../ui/TransferStatus';

/** docker save: the ticked images, with their names, in one .tar streamed to disk by the trusted side. */
export function SaveImagesDialog({ names, onClose }: { names: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const saving = useTransfer();
  // More images than one archive takes (the host would refuse the download): said here, no link.
  const problem = firstProblemText(t, imageSaveNames, names);
  const query = names.map((name) => `name=${encodeURIComponent(name)}`).join('&');
  return (
    <Dialog title={t('moves.saveTitle')} onClose={onClose}>
      <p className="moves__names">{t('moves.saveImages', { count: names.length, names: names.join(', ') })}</p>
      {problem && <p className="field__problem">{problem}</p>}
      <CommandPreview command={imageSaveCommand(names, archiveFileName(names[0] ?? 'images'))} />
      <TransferStatus progress={saving.progress} label={t('moves.saveProgress')} runningText={t('moves.saving')} doneText={(size) => t('moves.saved', { size })} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
        {!problem && (
          <SaveLink
            className="button button--primary"
            href={`download/image-save?${query}&transfer=${saving.nextId}`}
            onFollow={(e) => (saving.running ? e.preventDefault() : saving.begin())}
            save={(files) => {
              if (saving.running) return;
              files
                .saveImages({ names, transfer: saving.begin() })
                .then((saved) => !saved.chosen && saving.cancel())
                .catch((e: unknown) => saving.fail(toBerthError(e)));
            }}
          >
            {t('moves.download')}
          </SaveLink>
        )}
      </div>
    </Dialog>
  );
}
