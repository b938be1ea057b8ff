import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { containerStatsCommand } from '../../../../engine/contract/cli';
import type { StatsSample } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { watchEngineStatus } from '../../rpc/engine-sync';
import { followAcrossEngineRestarts } from '../../rpc/follow';
import { CommandPreview } from '../../ui/CommandPreview';
import { formatBytes } from '../../ui/format';
import { Sparkline } from '../../ui/Sparkline';
import { useErrorWords } from '../../ui/ErrorNotice';
import type { BerthErrorShape } from '../../../../engine/contract/errors';

const historyLength = 60;

/** Live CPU, memory, network and disk use; the engine stream runs only while this tab is shown. */
export function StatsTab({ id, name }: { id: string; name: string }) {
  const { t, i18n } = useTranslation();
  const words = useErrorWords();
  const [samples, setSamples] = useState<StatsSample[]>([]);
  // Kept as the engine's shape and worded when drawn, so it follows a change of language.
  const [error, setError] = useState<BerthErrorShape>();
  /** What happened to the stream, when it was cut: waiting for the engine, resumed after a gap, or ended. */
  const [follow, setFollow] = useState<{ phase: 'waiting' } | { phase: 'resumed'; seconds: number } | { phase: 'ended' }>();
  useEffect(
    () =>
      // Followed across engine restarts: a stats stream has no past, so it simply opens again.
      followAcrossEngineRestarts<StatsSample>((_resumeFrom, callbacks) => berth.containers.stats.subscribe({ id }, callbacks), {
        onData: (sample) => setSamples((list) => [...list.slice(-(historyLength - 1)), sample]),
        onError: (e) => setError(toBerthError(e)),
        onWaiting: () => setFollow({ phase: 'waiting' }),
        onResumed: (seconds) => setFollow({ phase: 'resumed', seconds }),
        onEnded: () => setFollow({ phase: 'ended' }),
      }, { watchStatus: watchEngineStatus }),
    [id],
  );

  const last = samples.at(-1);
  const rate = (pick: (s: StatsSample) => number) => {
    const previous = samples.at(-2);
    if (!last || !previous || last.time <= previous.time) return 0;
    return Math.max(0, (pick(last) - pick(previous)) / ((last.time - previous.time) / 1000));
  };
  const bytes = (n: number) => formatBytes(n, i18n.language);
  const cards = last
    ? [
        {
          key: 'cpu',
          title: t('stats.cpu'),
          value: `${last.cpuPercent.toFixed(1)} %`,
          series: samples.map((s) => s.cpuPercent),
          max: 100,
        },
        {
          key: 'memory',
          title: t('stats.memory'),
          value: `${bytes(last.memoryBytes)} / ${bytes(last.memoryLimitBytes)}`,
          series: samples.map((s) => s.memoryBytes),
        },
        {
          key: 'network',
          title: t('stats.network'),
          value: t('stats.rxTx', { rx: bytes(last.networkRxBytes), tx: bytes(last.networkTxBytes), rate: bytes(rate((s) => s.networkRxBytes + s.networkTxBytes)) }),
          series: samples.map((s) => s.networkRxBytes + s.networkTxBytes),
        },
        {
          key: 'block',
          title: t('stats.block'),
          value: t('stats.readWrite', { read: bytes(last.blockReadBytes), write: bytes(last.blockWriteBytes) }),
          series: samples.map((s) => s.blockReadBytes + s.blockWriteBytes),
        },
      ]
    : [];
  return (
    <div className="stats-tab">
      <CommandPreview command={containerStatsCommand(name)} />
      {error && (
        <p className="error-notice" role="alert">
          {words(error).message}
        </p>
      )}
      {!last && !error && <p className="cell--muted">{t('stats.waiting')}</p>}
      {follow && (
        <p className="notice" role="status">
          {follow.phase === 'resumed' ? t('follow.resumed', { seconds: follow.seconds, what: t('follow.stats') }) : t(`follow.${follow.phase}`)}
        </p>
      )}
      <div className="stats-grid">
        {cards.map((card) => (
          <section key={card.key} className="card stats-card" aria-label={card.title}>
            <h3 className="stats-card__title">{card.title}</h3>
            <p className="stats-card__value">{card.value}</p>
            <Sparkline values={card.series} label={t('stats.chart', { what: card.title })} {...(card.max ? { max: card.max } : {})} />
          </section>
        ))}
      </div>
    </div>
  );
}
