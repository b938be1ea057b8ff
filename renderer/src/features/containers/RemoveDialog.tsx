import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { containerRemoveCommand } from '../../../../engine/contract/cli';
import type { ContainerSummary } from '../../../../engine/contract/types';
import { CommandPreview } from '../../ui/CommandPreview';
import { ConfirmActions, Dialog } from '../../ui/Dialog';

/** Asks before removing, naming every container and volume that would go. */
export function RemoveDialog({
  containers,
  onConfirm,
  onClose,
}: {
  containers: readonly ContainerSummary[];
  onConfirm: (options: { removeVolumes: boolean; force: boolean }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [removeVolumes, setRemoveVolumes] = useState(false);
  const running = containers.filter((c) => c.state === 'running' || c.state === 'paused' || c.state === 'restarting');
  const anonymous = [...new Set(containers.flatMap((c) => c.volumes.filter((v) => v.anonymous).map((v) => v.name)))];
  const force = running.length > 0;
  const names = containers.map((c) => c.name);
  return (
    <Dialog title={t('remove.title', { count: containers.length })} onClose={onClose}>
      <p>{t('remove.body')}</p>
      <ul className="dialog__list">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      {force && <p className="dialog__warning">{t('remove.running', { count: running.length })}</p>}
      {anonymous.length > 0 && (
        <label className="checkbox-field">
          <input type="checkbox" checked={removeVolumes} onChange={(e) => setRemoveVolumes(e.target.checked)} />
          <span>
            {t('remove.anonymousVolumes', { count: anonymous.length })}
            <span className="cell--muted"> ({anonymous.map((v) => v.slice(0, 12)).join(', ')})</span>
          </span>
        </label>
      )}
      <p className="cell--muted">{t('remove.namedVolumesKept')}</p>
      <CommandPreview command={containerRemoveCommand(names, { force, removeVolumes })} />
      <ConfirmActions
        cancel={t('common.cancel')}
        confirm={t('remove.submit')}
        onCancel={onClose}
        onConfirm={() => onConfirm({ removeVolumes, force })}
      />
    </Dialog>
  );
}
