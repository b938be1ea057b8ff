import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PullEvent } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { toBerthError } from '../../rpc/errors';
import { openContainer } from '../../state/ui-store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { RunDialog } from '../images/RunDialog';
import { updatesQuery, useContainerUpdate, useUpdates } from './updates';
import './edit.css';

/**
 * Edit, Duplicate and (when a check found a newer image) Update for one container. Update pulls the
 * tag and then does the safe recreate with nothing else changed; for a Compose container the dialog
 * shows Compose's own pull + up instead.
 */
export function ContainerEditActions({ id }: { id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const [mode, setMode] = useState<'apply' | 'duplicate'>();
  const [pulling, setPulling] = useState(false);
  const update = useContainerUpdate(id);
  const editable = useQuery({ queryKey: [engineId, 'containers', 'editable', id], queryFn: () => berth.containers.editable.query({ id }), enabled: Boolean(mode) || update?.status === 'available', retry: false });
  const updating = useMutation({
    mutationFn: async () => {
      const container = editable.data ?? (await berth.containers.editable.query({ id }));
      setPulling(true);
      await pull(container.form.image);
      setPulling(false);
      const outcome = await berth.containers.edit.mutate({ id, form: container.form, mode: 'recreate', keepPrevious: false });
      // Here rather than in onSuccess: the old container's removal unmounts this component first.
      openContainer(outcome.id);
      void queryClient.invalidateQueries({ queryKey: [engineId] });
      return outcome;
    },
    onSettled: () => setPulling(false),
  });
  const compose = editable.data?.compose;
  return (
    <div className="detail-actions">
      {update?.status === 'available' && (
        <button
          type="button"
          className="button button--primary"
          title={compose ? t('edit.updates.composeHint') : t('edit.updates.availableTitle', { image: update.reference })}
          disabled={updating.isPending}
          onClick={() => (compose ? setMode('apply') : updating.mutate())}
        >
          {pulling ? t('edit.updates.updating', { image: update.reference }) : t('edit.updateButton')}
        </button>
      )}
      <button type="button" className="button" onClick={() => setMode('apply')}>
        {t('edit.editButton')}
      </button>
      <button type="button" className="button" onClick={() => setMode('duplicate')}>
        {t('edit.duplicateButton')}
      </button>
      {updating.error && <ErrorNotice title={t('edit.failed')} error={toBerthError(updating.error)} />}
      {editable.error && mode && <ErrorNotice title={t('edit.failed')} error={toBerthError(editable.error)} />}
      {mode && editable.data && (
        <RunDialog
          image={editable.data.form.image}
          edit={{ container: editable.data, mode }}
          onClose={() => {
            setMode(undefined);
            void queryClient.invalidateQueries({ queryKey: updatesQuery(engineId).queryKey });
          }}
        />
      )}
    </div>
  );
}

function pull(reference: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const subscription = berth.images.pull.subscribe(
      { reference },
      {
        onData(event: PullEvent) {
          if (event.kind === 'done') {
            subscription.unsubscribe();
            resolve();
          }
        },
        onError: reject,
      },
    );
  });
}

/** "Check for updates": asks every registry now, whatever the last check's age. */
export function CheckUpdatesButton() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const current = useUpdates();
  const check = useMutation({
    mutationFn: () => berth.images.checkUpdates.mutate({ force: true }),
    onSuccess: (data) => queryClient.setQueryData(updatesQuery(engineId).queryKey, data),
  });
  const time = current ? new Date(current.checkedAt).toLocaleTimeString(i18n.language) : undefined;
  return (
    <button type="button" className="button" disabled={check.isPending || !engineId} title={time ? t('edit.updates.checkedAt', { time }) : undefined} onClick={() => check.mutate()}>
      {check.isPending ? t('edit.updates.checking') : t('edit.updates.check')}
    </button>
  );
}

/** The mark a row carries when its image has a newer digest in the registry. */
export function UpdateMark({ containerId }: { containerId: string }) {
  const { t } = useTranslation();
  const update = useContainerUpdate(containerId);
  if (update?.status === 'failed') {
    // Quiet: the list stays readable when a registry is down; the hover says what the registry said.
    return (
      <span className="update-mark update-mark--failed" title={update.error?.engineText ?? update.error?.message}>
        {t('edit.updates.failed')}
      </span>
    );
  }
  if (update?.status !== 'available') return null;
  return (
    <span className="update-mark" title={t('edit.updates.availableTitle', { image: update.reference })}>
      {t('edit.updates.available')}
    </span>
  );
}
