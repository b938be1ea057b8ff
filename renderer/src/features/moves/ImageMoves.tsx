import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportImageDialog } from './ImportImageDialog';
import { LoadImagesDialog } from './LoadImagesDialog';
import { SaveImagesDialog } from './SaveImagesDialog';
import './moves.css';

/** The Images toolbar's file moves: Save… the ticked images, Load… a docker save archive, Import… a file system tar. */
export function ImageMoves({ chosen, usable }: { chosen: string[]; usable: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ kind: 'save'; names: string[] } | { kind: 'load' | 'import' }>();
  const close = () => setOpen(undefined);
  return (
    <>
      <button type="button" className="button" disabled={!usable || chosen.length === 0} onClick={() => setOpen({ kind: 'save', names: chosen })}>
        {t('moves.saveButton')}
      </button>
      <button type="button" className="button" disabled={!usable} onClick={() => setOpen({ kind: 'load' })}>
        {t('moves.loadButton')}
      </button>
      <button type="button" className="button" disabled={!usable} onClick={() => setOpen({ kind: 'import' })}>
        {t('moves.importButton')}
      </button>
      {open?.kind === 'save' && <SaveImagesDialog names={open.names} onClose={close} />}
      {open?.kind === 'load' && <LoadImagesDialog onClose={close} />}
      {open?.kind === 'import' && <ImportImageDialog onClose={close} />}
    </>
  );
}
