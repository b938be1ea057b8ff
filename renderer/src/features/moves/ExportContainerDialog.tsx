import { useTranslation } from 'react-i18next';
import { archiveFileName, containerExportCommand } from '../../../../engine/contract/cli';
import { toBerthError } from '../../rpc/errors';
import { useTransfer } from '../../rpc/useTransfer';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { SaveLink } from '../../ui/SaveLink';
import { TransferStatus } from '../../ui/TransferStatus';

/** docker export: the container's file system as a .tar, streamed to disk by the trusted side. */
export function ExportContainerDialog({ name, onClose }: { name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const exporting = useTransfer();
  return (
    <Dialog title={t('moves.exportTitle', { name })} onClose={onClose}>
      <p className="cell--muted">{t('moves.exportNote')}</p>
      <CommandPreview command={containerExportCommand(name, archiveFileName(name))} />
      <TransferStatus progress={exporting.progress} label={t('moves.exportProgress')} runningText={t('moves.exporting')} doneText={(size) => t('moves.exported', { size })} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
        <SaveLink
          className="button button--primary"
          href={`download/container-export/${encodeURIComponent(name)}?transfer=${exporting.nextId}`}
          onFollow={(e) => (exporting.running ? e.preventDefault() : exporting.begin())}
          save={(files) => {
            if (exporting.running) return;
            files
              .exportContainer({ container: name, transfer: exporting.begin() })
              .then((saved) => !saved.chosen && exporting.cancel())
              .catch((e: unknown) => exporting.fail(toBerthError(e)));
          }}
        >
          {t('moves.download')}
        </SaveLink>
      </div>
    </Dialog>
  );
}
