import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volumeExportRecipe } from '../../../../engine/contract/cli';
import { toBerthError } from '../../rpc/errors';
import { useTransfer } from '../../rpc/useTransfer';
import { openVolume } from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import { FileBrowser } from '../../ui/FileBrowser';
import { SaveLink } from '../../ui/SaveLink';
import { TransferStatus } from '../../ui/TransferStatus';
import { CloneVolumeDialog } from './VolumeBackupDialogs';

/** A volume up close: its files, and its backups (export, clone). */
export function VolumeFilesView({ volume }: { volume: string }) {
  const { t } = useTranslation();
  const [cloning, setCloning] = useState(false);
  const exporting = useTransfer();
  return (
    <section className="view" aria-labelledby="volume-files-title">
      <header className="view__header">
        <button type="button" className="button" onClick={() => openVolume(undefined)}>
          ← {t('volumes.title')}
        </button>
        <h1 id="volume-files-title">{volume}</h1>
        <div className="view__filters">
          <SaveLink
            href={`download/volume-export/${encodeURIComponent(volume)}?transfer=${exporting.nextId}`}
            onFollow={(e) => (exporting.running ? e.preventDefault() : exporting.begin())}
            save={(files) => {
              if (exporting.running) return;
              files
                .exportVolume({ volume, transfer: exporting.begin() })
                .then((saved) => !saved.chosen && exporting.cancel())
                .catch((e: unknown) => exporting.fail(toBerthError(e)));
            }}
          >
            {t('backup.export')}
          </SaveLink>
          <button type="button" className="button" onClick={() => setCloning(true)}>
            {t('backup.cloneButton')}
          </button>
        </div>
      </header>
      <CommandPreview label={t('backup.exportRecipe')} command={volumeExportRecipe(volume)} />
      <TransferStatus progress={exporting.progress} label={t('backup.exportProgress')} runningText={t('backup.exporting')} doneText={(size) => t('backup.exported', { size })} />
      {cloning && <CloneVolumeDialog source={volume} onClose={() => setCloning(false)} />}
      <FileBrowser source={{ kind: 'volume', name: volume }} />
    </section>
  );
}
