import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { containerRenameCommand } from '../../../../engine/contract/cli';
import { containerName } from '../../../../engine/contract/schemas';
import { firstProblemText } from '../../ui/inputProblem';
import type { ContainerSummary } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';

export function RenameDialog({ container, onClose }: { container: ContainerSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(container.name);
  const problem = name === container.name ? undefined : firstProblemText(t, containerName, name);
  const rename = useMutation({
    mutationFn: () => berth.containers.rename.mutate({ id: container.id, name: name.trim() }),
    onSuccess: onClose,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem && name.trim() !== container.name) rename.mutate();
  };
  return (
    <Dialog title={t('rename.title')} onClose={onClose}>
      <form onSubmit={submit} className="form">
        <label className="field">
          <span className="field__label">{t('rename.newName')}</span>
          <input
            className="input"
            value={name}
            autoFocus
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'rename-problem' : undefined}
            onChange={(e) => {
              setName(e.target.value);
              rename.reset();
            }}
          />
          {problem && (
            <span id="rename-problem" className="field__problem">
              {problem}
            </span>
          )}
        </label>
        <CommandPreview command={containerRenameCommand(container.name, name.trim() || '…')} />
        {rename.error && <ErrorNotice title={t('rename.failed')} error={toBerthError(rename.error)} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={Boolean(problem) || name.trim() === container.name || rename.isPending}
          >
            {t('rename.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
