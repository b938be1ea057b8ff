import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tKnown } from '../../i18n/keys';
import { commandLine } from '../../../../engine/contract/cli';
import type { VmBootStage, VmEngineStatus, VmSettings } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { CommandPreview } from '../../ui/CommandPreview';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Facts } from '../../ui/Facts';
import { LogTail } from '../../ui/LogTail';
import { OwnEngineControls, ownEngineTone, useOwnEngine } from './ownEngine';
import { processEndText } from './process-end-text';
import { VmSettingsForm } from './VmSettingsForm';

const vmKey = ['vm-engine'] as const;

const bootStages: readonly VmBootStage[] = ['preparing', 'accelerator', 'kernel', 'init', 'network', 'sshd', 'dockerd', 'connecting', 'ready'];

/** Berth's virtual machine: its state, boot progress, settings, buttons and console log. */
export function VmEngineCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { status, operate, log, showLog, toggleLog } = useOwnEngine<VmEngineStatus>({
    key: vmKey,
    status: () => berth.engines.vm.status.query(),
    watch: (onData) => berth.engines.vm.watch.subscribe(undefined, { onData }),
    operate: (operation) => berth.engines.vm[operation].mutate(),
    log: () => berth.engines.vm.log.query(),
    readyTitle: t('notify.vmReady'),
    failedTitle: t('notify.vmFailed'),
  });
  if (!status) return null;
  const unavailable = status.state === 'unavailable';
  const running = status.state === 'running';
  const savedDiffers = status.runningSettings !== undefined && !sameSettings(status.runningSettings, status.settings);
  const facts: [string, string | undefined][] = [
    [t('engine.endpoint'), status.url],
    [t('engine.vm.context'), status.contextName],
    [t('engine.vm.accelerator'), status.accelerator && t(`engine.vm.accelerators.${status.accelerator}`)],
    [t('engine.vm.resources'), t('engine.vm.resourcesValue', { ...(status.runningSettings ?? status.settings) })],
    [t('engine.vm.savedResources'), savedDiffers ? t('engine.vm.resourcesValue', { ...status.settings }) : undefined],
    [t('engine.vm.bootTime'), status.bootMs !== undefined ? t('engine.vm.seconds', { seconds: (status.bootMs / 1000).toFixed(1) }) : undefined],
    [t('engine.vm.ports'), running ? status.forwardedPorts.map((port) => `127.0.0.1:${port}`).join(', ') || t('engine.vm.noPorts') : undefined],
    [t('engine.vm.portProblems'), status.portProblems.map((problem) => tKnown(t, `engine.vm.portProblem.${problem.reason}`, { ...problem })).join('\n') || undefined],
    [t('engine.vm.restarts'), status.restarts > 0 ? String(status.restarts) : undefined],
    [t('engine.vm.lastExit'), processEndText(t, status.lastExit)],
    [t('engine.vm.disk'), status.diskFile],
    [t('engine.vm.image'), status.imageDir],
  ];
  return (
    <section className="card" aria-labelledby="vm-engine-title">
      <h2 id="vm-engine-title" className="card__title">
        {t('engine.vm.title')}{' '}
        <span className={`status-pill status-pill--${ownEngineTone(status.state)}`}>
          {t(`engine.vm.states.${status.state}`)}
        </span>
      </h2>
      <p className="cell--muted">{t('engine.vm.about')}</p>
      {status.unavailable && <ErrorNotice error={status.unavailable} />}
      {!unavailable && (
        <OwnEngineControls
          label={t('engine.vm.actions')}
          state={status.state}
          operate={operate}
          error={status.error}
          showLog={showLog}
          toggleLog={toggleLog}
          reset={{ title: t('engine.vm.resetTitle'), body: t('engine.vm.resetBody'), path: status.diskFile, keeps: t('engine.vm.resetKeeps') }}
          stopWhileStarting
        />
      )}
      {status.state === 'starting' && status.stage && <BootProgress stage={status.stage} startedAt={status.bootStartedAt} />}
      {status.acceleratorNote && <p className="notice" role="note">{status.acceleratorNote}</p>}
      <Facts rows={facts} />
      {running && <CommandPreview command={commandLine(['--context', status.contextName, 'ps'])} />}
      {!unavailable && <VmSettingsForm status={status} onSaved={(next) => queryClient.setQueryData(vmKey, next)} />}
      {showLog && <LogTail text={log || t('engine.own.logEmpty')} label={t('engine.vm.log')} />}
    </section>
  );
}

function sameSettings(a: VmSettings, b: VmSettings): boolean {
  return a.cpus === b.cpus && a.memoryMiB === b.memoryMiB && a.diskGiB === b.diskGiB;
}

/** How far the boot has got, with a clock, so a slow emulated boot never looks frozen. */
function BootProgress({ stage, startedAt }: { stage: VmBootStage; startedAt: number | undefined }) {
  const { t } = useTranslation();
  const [shownAt] = useState(() => Date.now());
  const began = startedAt ?? shownAt;
  const [now, setNow] = useState(shownAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const step = bootStages.indexOf(stage);
  return (
    <div className="pull-progress" aria-live="polite">
      <progress aria-label={t('engine.vm.bootProgress')} max={bootStages.length - 1} value={step} />
      <span className="pull-progress__total">
        {t(`engine.vm.stages.${stage}`)} · {t('engine.vm.seconds', { seconds: Math.max(0, Math.round((now - began) / 1000)) })}
      </span>
    </div>
  );
}
