import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommitDialog } from './CommitDialog';
import { ExportContainerDialog } from './ExportContainerDialog';
import './moves.css';

/** A container's moves into files and images: Commit… (docker commit) and Export… (docker export). */
export function ContainerMoves({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'commit' | 'export'>();
  return (
    <div className="moves__actions">
      <button type="button" className="button" onClick={() => setOpen('commit')}>
        {t('moves.commitButton')}
      </button>
      <button type="button" className="button" onClick={() => setOpen('export')}>
        {t('moves.exportButton')}
      </button>
      {open === 'commit' && <CommitDialog container={id} name={name} onClose={() => setOpen(undefined)} />}
      {open === 'export' && <ExportContainerDialog name={name} onClose={() => setOpen(undefined)} />}
    </div>
  );
}
