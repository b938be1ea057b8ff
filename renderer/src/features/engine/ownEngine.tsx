import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BerthErrorShape } from '../../../../engine/contract/errors';
import { toBerthError } from '../../rpc/errors';
import { ConfirmActions, Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { errorText } from '../../ui/errorText';
import { mayNotifyLater, notifyIfAway } from '../../ui/notify';
import { enginesKey } from './EngineChoices';

export type Operation = 'start' | 'stop' | 'restart' | 'reset';

interface OwnEngineStatus {
  state: string;
  url: string;
  error?: BerthErrorShape;
}

/** How the hook reaches one of Berth's own engines (its dockerd or its VM) through the contract. */
export interface OwnEngineCalls<S> {
  key: readonly unknown[];
  status: () => Promise<S>;
  watch: (onData: (next: S) => void) => { unsubscribe(): void };
  operate: (operation: Operation) => Promise<S>;
  log: () => Promise<string>;
  /** Notification titles for a start that ended while the person was away. */
  readyTitle: string;
  failedTitle: string;
}

/**
 * The live status of one of Berth's own engines, its operations and its log: the status comes from
 * the engine's watch stream (never polled), and a start that ends while the window is away says so.
 */
export function useOwnEngine<S extends OwnEngineStatus>(calls: OwnEngineCalls<S>) {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const [showLog, setShowLog] = useState(false);
  const { data: status } = useQuery({ queryKey: calls.key, queryFn: calls.status, staleTime: Infinity });
  const { key, watch, readyTitle, failedTitle } = calls;
  useEffect(() => {
    const subscription = watch((next) => {
      const before = queryClient.getQueryData<S>(key);
      if (before?.state === 'starting' && next.state === 'running') notifyIfAway(readyTitle, next.url);
      // Any start that ends failed: the person's, or an automatic restart Berth gave up on.
      if (before && before.state !== 'failed' && next.state === 'failed') notifyIfAway(failedTitle, next.error ? errorText(i18n, next.error).text : '');
      queryClient.setQueryData(key, next);
      void queryClient.invalidateQueries({ queryKey: enginesKey });
    });
    return () => subscription.unsubscribe();
    // The calls object is rebuilt on every render; what it reaches is fixed per card.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryClient, readyTitle, failedTitle, i18n]);
  const operate = useMutation({
    mutationFn: (operation: Operation) => {
      if (operation !== 'stop') mayNotifyLater();
      return calls.operate(operation);
    },
    onSuccess: (next) => queryClient.setQueryData(calls.key, next),
  });
  const log = useQuery({
    queryKey: [...calls.key, 'log', status?.state, status && 'stage' in status ? status.stage : undefined],
    queryFn: calls.log,
    enabled: showLog,
    staleTime: 0,
  });
  return { status, operate, log: log.data, showLog, toggleLog: () => setShowLog((v) => !v) };
}

/** The status pill's colour for an own engine's state. */
export function ownEngineTone(state: string): 'connected' | 'disconnected' | 'connecting' {
  if (state === 'running') return 'connected';
  return state === 'failed' || state === 'unavailable' ? 'disconnected' : 'connecting';
}

/**
 * Start, Stop, Restart, Reset… and Log for one of Berth's own engines, then its errors; Reset asks
 * first in a dialog naming what it deletes.
 */
export function OwnEngineControls(props: {
  label: string;
  state: string;
  operate: ReturnType<typeof useOwnEngine>['operate'];
  error: OwnEngineStatus['error'];
  showLog: boolean;
  toggleLog: () => void;
  reset: { title: string; body: string; path: string; keeps: string };
  /** Stop may cancel a start in progress (the VM's boot); otherwise it waits for it. */
  stopWhileStarting?: boolean;
}) {
  const { t } = useTranslation();
  const { state, operate } = props;
  const [confirmReset, setConfirmReset] = useState(false);
  const busy = operate.isPending || state === 'starting' || state === 'stopping';
  const canStop = props.stopWhileStarting ? state !== 'stopped' && state !== 'stopping' : !busy && state !== 'stopped';
  return (
    <>
      <div className="toolbar" role="toolbar" aria-label={props.label}>
        <button type="button" className="button" disabled={busy || state === 'running'} onClick={() => operate.mutate('start')}>
          {t('engine.own.start')}
        </button>
        <button type="button" className="button" disabled={!canStop} onClick={() => operate.mutate('stop')}>
          {t('engine.own.stop')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => operate.mutate('restart')}>
          {t('engine.own.restart')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={() => setConfirmReset(true)}>
          {t('engine.own.reset')}
        </button>
        <button type="button" className="button" aria-expanded={props.showLog} onClick={props.toggleLog}>
          {t('engine.own.log')}
        </button>
      </div>
      {props.error && <ErrorNotice error={props.error} />}
      {operate.error && <ErrorNotice error={toBerthError(operate.error)} />}
      {confirmReset && <ResetDialog {...props.reset} onClose={() => setConfirmReset(false)} onConfirm={() => operate.mutate('reset')} />}
    </>
  );
}

/** Asks before a reset and names exactly what it deletes. */
function ResetDialog(props: { title: string; body: string; path: string; keeps: string; onClose: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <p>{props.body}</p>
      <p>
        <code>{props.path}</code>
      </p>
      <p className="dialog__warning">{props.keeps}</p>
      <ConfirmActions
        cancel={t('common.cancel')}
        confirm={t('engine.own.resetConfirm')}
        onCancel={props.onClose}
        onConfirm={() => {
          props.onClose();
          props.onConfirm();
        }}
      />
    </Dialog>
  );
}
