import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volumeCreateCommand, volumeRemoveCommand } from '../../../../engine/contract/cli';
import { volumeName } from '../../../../engine/contract/schemas';
import { firstProblemText } from '../../ui/inputProblem';
import type { ActionOutcome } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes } from '../../ui/format';
import { lineProblemText, parseKeyValueLines } from '../../ui/keyValueLines';

export function CreateVolumeDialog({ existing, onClose }: { existing: readonly string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [driver, setDriver] = useState('local');
  const [optionsText, setOptionsText] = useState('');
  const [labelsText, setLabelsText] = useState('');
  const options = parseKeyValueLines(optionsText);
  const labels = parseKeyValueLines(labelsText);
  const nameProblem = name ? (firstProblemText(t, volumeName, name) ?? (existing.includes(name) ? t('volumes.exists', { name }) : undefined)) : undefined;
  const input = {
    name,
    driver: driver.trim() || 'local',
    driverOptions: 'values' in options ? options.values : {},
    labels: 'values' in labels ? labels.values : {},
  };
  const create = useMutation({ mutationFn: () => berth.volumes.create.mutate(input), onSuccess: onClose });
  const invalid = Boolean(nameProblem) || 'code' in options || 'code' in labels;
  return (
    <Dialog title={t('volumes.createTitle')} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) create.mutate();
        }}
      >
        <label className="field">
          <span className="field__label">{t('volumes.name')}</span>
          <input className="input" autoFocus value={name} placeholder="app-data" onChange={(e) => setName(e.target.value)} />
          {nameProblem && <span className="field__problem">{nameProblem}</span>}
        </label>
        <label className="field">
          <span className="field__label">{t('volumes.driver')}</span>
          <input className="input" value={driver} onChange={(e) => setDriver(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('volumes.options')}</span>
          <textarea className="input" rows={2} value={optionsText} placeholder="type=tmpfs" onChange={(e) => setOptionsText(e.target.value)} />
          {'code' in options && <span className="field__problem">{lineProblemText(t, options)}</span>}
        </label>
        <label className="field">
          <span className="field__label">{t('volumes.labels')}</span>
          <textarea className="input" rows={2} value={labelsText} placeholder="team=payments" onChange={(e) => setLabelsText(e.target.value)} />
          {'code' in labels && <span className="field__problem">{lineProblemText(t, labels)}</span>}
        </label>
        <CommandPreview command={volumeCreateCommand(input)} />
        {create.error && <ErrorNotice error={toBerthError(create.error)} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={invalid || create.isPending}>
            {t('volumes.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Prune lists every unused volume and its size, and deletes exactly that list. */
export function PruneVolumesDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const preview = useQuery({ queryKey: ['volume-prune-preview'], queryFn: () => berth.volumes.prunePreview.query(), staleTime: 0, gcTime: 0 });
  const prune = useMutation({ mutationFn: (names: string[]) => berth.volumes.prune.mutate({ names }) });
  const volumes = preview.data?.volumes ?? [];
  const failures = (prune.data ?? []).filter((o: ActionOutcome) => !o.ok);
  return (
    <Dialog title={t('volumes.pruneTitle')} onClose={onClose}>
      <CommandPreview command={volumeRemoveCommand(volumes.map((v) => v.name))} />
      {preview.data && !prune.isSuccess && (
        <>
          <p>
            {volumes.length
              ? t('volumes.pruneWill', { count: volumes.length, size: formatBytes(preview.data.totalSize, i18n.language) })
              : t('volumes.pruneNothing')}
          </p>
          <ul className="dialog__list" aria-label={t('volumes.pruneList')}>
            {volumes.map((v) => (
              <li key={v.name}>
                {v.name} {v.size !== undefined && <span className="cell--muted">({formatBytes(v.size, i18n.language)})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {prune.isSuccess && (
        <p className="notice notice--ok" role="status">
          {t('volumes.pruned', { count: prune.data.length - failures.length })}
        </p>
      )}
      {failures.map((f) => f.error && <ErrorNotice key={f.id} title={f.id} error={f.error} />)}
      {(preview.error || prune.error) && <ErrorNotice error={toBerthError(preview.error ?? prune.error)} />}
      <div className="dialog__actions">
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {prune.isSuccess ? t('common.close') : t('common.cancel')}
        </button>
        {!prune.isSuccess && (
          <button type="button" className="button button--danger" disabled={!volumes.length || prune.isPending} onClick={() => prune.mutate(volumes.map((v) => v.name))}>
            {t('volumes.pruneSubmit', { count: volumes.length })}
          </button>
        )}
      </div>
    </Dialog>
  );
}
