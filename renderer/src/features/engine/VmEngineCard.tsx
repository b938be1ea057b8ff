import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commandLine } from '../../../../engine/contract/cli';
import type { VmBootStage, VmEngineStatus } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { CommandPreview } from '../../ui/CommandPreview';
import { ConfirmActions, Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Facts } from '../../ui/Facts';
import { LogTail } from '../../ui/LogTail';
import { mayNotifyLater, notifyIfAway } from '../../ui/notify';
import { enginesKey } from './EngineChoices';
import { VmSettingsForm } from './VmSettingsForm';

const vmKey = ['vm-engine'] as const;
type Operation = 'start' | 'stop' | 'restart' | 'reset';

const bootStages: readonly VmBootStage[] = ['preparing', 'accelerator', 'kernel', 'init', 'network', 'sshd', 'dockerd', 'connecting', 'ready'];

/** Berth's virtual machine: its state, boot progress, settings, buttons and console log. */
export function VmEngineCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirmReset, setConfirmReset] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const { data: status } = useQuery({ queryKey: vmKey, queryFn: () => berth.engines.vm.status.query(), staleTime: Infinity });
  useEffect(() => {
    const subscription = berth.engines.vm.watch.subscribe(undefined, {
      onData: (next: VmEngineStatus) => {
        const before = queryClient.getQueryData<VmEngineStatus>(vmKey);
        if (before?.state === 'starting' && next.state === 'running') notifyIfAway(t('notify.vmReady'), next.url);
        if (before?.state === 'starting' && next.state === 'failed') notifyIfAway(t('notify.vmFailed'), next.error?.message ?? '');
        queryClient.setQueryData(vmKey, next);
        void queryClient.invalidateQueries({ queryKey: enginesKey });
      },
    });
    return () => subscription.unsubscribe();
  }, [queryClient, t]);
  const operate = useMutation({
    mutationFn: (operation: Operation) => {
      if (operation !== 'stop') mayNotifyLater();
      return berth.engines.vm[operation].mutate();
    },
    onSuccess: (next) => queryClient.setQueryData(vmKey, next),
  });
  const log = useQuery({
    queryKey: [...vmKey, 'log', status?.state, status?.stage],
    queryFn: () => berth.engines.vm.log.query(),
    enabled: showLog,
    staleTime: 0,
  });
  if (!status) return null;
  const unavailable = status.state === 'unavailable';
  const busy = operate.isPending || status.state === 'starting' || status.state === 'stopping';
  const running = status.state === 'running';
  const facts: [string, string | undefined][] = [
    [t('engine.endpoint'), status.url],
    [t('engine.vm.context'), status.contextName],
    [t('engine.vm.accelerator'), status.accelerator && t(`engine.vm.accelerators.${status.accelerator}`)],
    [t('engine.vm.resources'), t('engine.vm.resourcesValue', status.settings)],
    [t('engine.vm.bootTime'), status.bootMs !== undefined ? t('engine.vm.seconds', { seconds: (status.bootMs / 1000).toFixed(1) }) : undefined],
    [t('engine.vm.ports'), running ? status.forwardedPorts.map((port) => `127.0.0.1:${port}`).join(', ') || t('engine.vm.noPorts') : undefined],
    [t('engine.vm.portProblems'), status.portProblems.join('\n') || undefined],
    [t('engine.vm.disk'), status.diskFile],
    [t('engine.vm.image'), status.imageDir],
  ];
  return (
    <section className="card" aria-labelledby="vm-engine-title">
      <h2 id="vm-engine-title" className="card__title">
        {t('engine.vm.title')}{' '}
        <span className={`status-pill status-pill--${running ? 'connected' : status.state === 'failed' || unavailable ? 'disconnected' : 'connecting'}`}>
          {t(`engine.vm.states.${status.state}`)}
        </span>
      </h2>
      <p className="cell--muted">{t('engine.vm.about')}</p>
      {status.unavailable && <ErrorNotice error={status.unavailable} />}
      {!unavailable && (
        <div className="toolbar" role="toolbar" aria-label={t('engine.vm.actions')}>
          <button type="button" className="button" disabled={busy || running} onClick={() => operate.mutate('start')}>
            {t('engine.native.start')}
          </button>
          <button type="button" className="button" disabled={status.state === 'stopped' || status.state === 'stopping'} onClick={() => operate.mutate('stop')}>
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
      )}
      {status.state === 'starting' && status.stage && <BootProgress stage={status.stage} />}
      {status.acceleratorNote && <p className="notice" role="note">{status.acceleratorNote}</p>}
      {status.error && <ErrorNotice error={status.error} />}
      {operate.error && <ErrorNotice error={toBerthError(operate.error)} />}
      <Facts rows={facts} />
      {running && <CommandPreview command={commandLine(['--context', status.contextName, 'ps'])} />}
      {!unavailable && <VmSettingsForm status={status} onSaved={(next) => queryClient.setQueryData(vmKey, next)} />}
      {showLog && <LogTail text={log.data || t('engine.native.logEmpty')} label={t('engine.vm.log')} />}
      {confirmReset && (
        <Dialog title={t('engine.vm.resetTitle')} onClose={() => setConfirmReset(false)}>
          <p>{t('engine.vm.resetBody')}</p>
          <p>
            <code>{status.diskFile}</code>
          </p>
          <p className="dialog__warning">{t('engine.vm.resetKeeps')}</p>
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

/** How far the boot has got, with a clock, so a slow emulated boot never looks frozen. */
function BootProgress({ stage }: { stage: VmBootStage }) {
  const { t } = useTranslation();
  const [began] = useState(() => Date.now());
  const [now, setNow] = useState(began);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const step = bootStages.indexOf(stage);
  return (
    <div className="pull-progress" aria-live="polite">
      <progress aria-label={t('engine.vm.bootProgress')} max={bootStages.length - 1} value={step} />
      <span className="pull-progress__total">
        {t(`engine.vm.stages.${stage}`)} · {t('engine.vm.seconds', { seconds: Math.round((now - began) / 1000) })}
      </span>
    </div>
  );
}
