import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NativeEngineStatus } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { ConfirmActions, Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Facts } from '../../ui/Facts';
import { LogTail } from '../../ui/LogTail';
import { mayNotifyLater, notifyIfAway } from '../../ui/notify';
import { enginesKey } from './EngineChoices';

const nativeKey = ['native-engine'] as const;
type Operation = 'start' | 'stop' | 'restart' | 'reset';

/** Berth's own dockerd: its state, its buttons, and its log. */
export function NativeEngineCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirmReset, setConfirmReset] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const { data: status } = useQuery({
    queryKey: nativeKey,
    queryFn: () => berth.engines.native.status.query(),
    staleTime: Infinity,
  });
  useEffect(() => {
    const subscription = berth.engines.native.watch.subscribe(undefined, {
      onData: (next: NativeEngineStatus) => {
        const before = queryClient.getQueryData<NativeEngineStatus>(nativeKey);
        if (before?.state === 'starting' && next.state === 'running') notifyIfAway(t('notify.nativeReady'), next.url);
        queryClient.setQueryData(nativeKey, next);
        void queryClient.invalidateQueries({ queryKey: enginesKey });
      },
    });
    return () => subscription.unsubscribe();
  }, [queryClient, t]);
  const operate = useMutation({
    mutationFn: (operation: Operation) => {
      if (operation !== 'stop') mayNotifyLater();
      return berth.engines.native[operation].mutate();
    },
    onSuccess: (next) => queryClient.setQueryData(nativeKey, next),
  });
  const log = useQuery({
    queryKey: [...nativeKey, 'log', status?.state, status?.restarts],
    queryFn: () => berth.engines.native.log.query(),
    enabled: showLog,
    staleTime: 0,
  });
  if (!status) return null;
  const busy = operate.isPending || status.state === 'starting' || status.state === 'stopping';
  const running = status.state === 'running';
  const facts: [string, string | undefined][] = [
    [t('engine.native.mode'), t(`engine.native.modes.${status.mode}`)],
    [t('engine.endpoint'), status.url],
    [t('engine.dataRoot'), status.dataRoot],
    [t('engine.native.readyIn'), status.readyInMs !== undefined ? `${status.readyInMs} ms` : undefined],
    [t('engine.native.restarts'), String(status.restarts)],
    [t('engine.native.lastExit'), status.lastExit],
    [t('engine.native.logFile'), status.logFile],
  ];
  return (
    <section className="card" aria-labelledby="native-engine-title">
      <h2 id="native-engine-title" className="card__title">
        {t('engine.native.title')}{' '}
        <span className={`status-pill status-pill--${running ? 'connected' : status.state === 'failed' ? 'disconnected' : 'connecting'}`}>
          {t(`engine.native.states.${status.state}`)}
        </span>
      </h2>
      <p className="cell--muted">{t('engine.native.about')}</p>
      <div className="toolbar" role="toolbar" aria-label={t('engine.native.actions')}>
        <button type="button" className="button" disabled={busy || running} onClick={() => operate.mutate('start')}>
          {t('engine.native.start')}
        </button>
        <button type="button" className="button" disabled={busy || status.state === 'stopped'} onClick={() => operate.mutate('stop')}>
          {t('engine.native.stop')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => operate.mutate('restart')}>
          {t('engine.native.restart')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={() => setConfirmReset(true)}>
          {t('engine.native.reset')}
        </button>
        <button type="button" className="button" aria-expanded={showLog} onClick={() => setShowLog((v) => !v)}>
          {t('engine.native.log')}
        </button>
      </div>
      {status.error && <ErrorNotice error={status.error} />}
      {operate.error && <ErrorNotice error={toBerthError(operate.error)} />}
      <Facts rows={facts} />
      {showLog && <LogTail text={log.data || t('engine.native.logEmpty')} label={t('engine.native.log')} />}
      {confirmReset && (
        <Dialog title={t('engine.native.resetTitle')} onClose={() => setConfirmReset(false)}>
          <p>{t('engine.native.resetBody')}</p>
          <p>
            <code>{status.dataRoot}</code>
          </p>
          <p className="dialog__warning">{t('engine.native.resetKeeps')}</p>
          <ConfirmActions
            cancel={t('common.cancel')}
            confirm={t('engine.native.resetConfirm')}
            onCancel={() => setConfirmReset(false)}
            onConfirm={() => {
                setConfirmReset(false);
                operate.mutate('reset');
              }}
          />
        </Dialog>
      )}
    </section>
  );
}
