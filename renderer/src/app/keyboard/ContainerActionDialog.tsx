import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { containerActionCommand } from '../../../../engine/contract/cli';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { toBerthError } from '../../rpc/errors';
import { queryKeys } from '../../rpc/queries';
import { CommandPreview } from '../../ui/CommandPreview';
import { ConfirmActions, Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { askAction, type PendingAction } from './keyboard-store';

/**
 * A start or stop asked for from the palette: names the container, shows the docker command, and
 * acts only when confirmed. Stop is the careful kind (Cancel has the focus); Start runs on Enter.
 */
export function ContainerActionDialog({ pending }: { pending: PendingAction }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const engineId = useEngineStatus()?.endpoint.id;
  const { action, id, name } = pending;
  const close = () => askAction(undefined);
  const act = useMutation({
    mutationFn: async () => {
      const [outcome] = await berth.containers.act.mutate({ ids: [id], action });
      if (outcome && !outcome.ok && outcome.error) throw outcome.error;
    },
    onSuccess: close,
    onSettled: () => engineId && queryClient.invalidateQueries({ queryKey: queryKeys.resource(engineId, 'containers') }),
  });
  const title = action === 'stop' ? t('keyboard.confirm.stopTitle', { name }) : t('keyboard.confirm.startTitle', { name });
  return (
    <Dialog title={title} onClose={close}>
      <p>{action === 'stop' ? t('keyboard.confirm.stopBody') : t('keyboard.confirm.startBody')}</p>
      <CommandPreview command={containerActionCommand(action, [name])} />
      {act.error && <ErrorNotice error={toBerthError(act.error)} />}
      {act.isPending && <p role="status">{t('keyboard.confirm.working')}</p>}
      {action === 'stop' ? (
        <ConfirmActions cancel={t('common.cancel')} confirm={t('keyboard.confirm.stop')} onCancel={close} onConfirm={() => act.mutate()} />
      ) : (
        <div className="dialog__actions">
          <button type="button" className="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--primary" data-autofocus disabled={act.isPending} onClick={() => act.mutate()}>
            {t('keyboard.confirm.start')}
          </button>
        </div>
      )}
    </Dialog>
  );
}
