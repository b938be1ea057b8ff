import { useTranslation } from 'react-i18next';
import type { NativeEngineStatus } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { Facts } from '../../ui/Facts';
import { LogTail } from '../../ui/LogTail';
import { OwnEngineControls, ownEngineTone, useOwnEngine } from './ownEngine';
import { processEndText } from './process-end-text';

/** Berth's own dockerd: its state, its buttons, and its log. */
export function NativeEngineCard() {
  const { t } = useTranslation();
  const { status, operate, log, showLog, toggleLog } = useOwnEngine<NativeEngineStatus>({
    key: ['native-engine'],
    status: () => berth.engines.native.status.query(),
    watch: (onData) => berth.engines.native.watch.subscribe(undefined, { onData }),
    operate: (operation) => berth.engines.native[operation].mutate(),
    log: () => berth.engines.native.log.query(),
    readyTitle: t('notify.nativeReady'),
    failedTitle: t('notify.nativeFailed'),
  });
  if (!status) return null;
  const facts: [string, string | undefined][] = [
    [t('engine.native.mode'), t(`engine.native.modes.${status.mode}`)],
    [t('engine.endpoint'), status.url],
    [t('engine.dataRoot'), status.dataRoot],
    [t('engine.native.readyIn'), status.readyInMs !== undefined ? `${status.readyInMs} ms` : undefined],
    [t('engine.native.restarts'), String(status.restarts)],
    [t('engine.native.lastExit'), processEndText(t, status.lastExit)],
    [t('engine.native.network'), status.outboundNatFailed ? t('engine.own.outboundNatFailed', { detail: status.outboundNatFailed }) : undefined],
    [t('engine.native.logFile'), status.logFile],
  ];
  return (
    <section className="card" aria-labelledby="native-engine-title">
      <h2 id="native-engine-title" className="card__title">
        {t('engine.native.title')}{' '}
        <span className={`status-pill status-pill--${ownEngineTone(status.state)}`}>
          {t(`engine.native.states.${status.state}`)}
        </span>
      </h2>
      <p className="cell--muted">{t('engine.native.about')}</p>
      <OwnEngineControls
        label={t('engine.native.actions')}
        state={status.state}
        operate={operate}
        error={status.error}
        showLog={showLog}
        toggleLog={toggleLog}
        reset={{ title: t('engine.native.resetTitle'), body: t('engine.native.resetBody'), path: status.dataRoot, keeps: t('engine.native.resetKeeps') }}
      />
      <Facts rows={facts} />
      {showLog && <LogTail text={log || t('engine.own.logEmpty')} label={t('engine.own.log')} />}
    </section>
  );
}
