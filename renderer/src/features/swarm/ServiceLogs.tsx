import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { swarmCommands } from '../../../../engine/contract/swarm';
import type { BerthErrorShape } from '../../../../engine/contract/errors';
import type { LogEvent } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { watchEngineStatus } from '../../rpc/engine-sync';
import { engineSince, followAcrossEngineRestarts } from '../../rpc/follow';
import { toBerthError } from '../../rpc/errors';
import { appendShown, type ShownText } from '../../ui/bounded-lines';
import { OutputFilter } from '../../ui/output-filter';
import { CommandPreview } from '../../ui/CommandPreview';
import { ErrorNotice } from '../../ui/ErrorNotice';

const tail = 500;
const maxLines = 5000;

/**
 * A service's logs (keyed by the service where it is shown, so another service starts empty), every
 * task's lines together (`docker service logs --follow`), as text; followed across engine restarts
 * like a container's logs, from when the last lines came.
 */
export function ServiceLogs({ service, onClose }: { service: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState<ShownText>({ text: '', dropped: 0 });
  const [error, setError] = useState<BerthErrorShape>();
  const ref = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const append = (text: string) => setShown((s) => appendShown(s, text, maxLines));
    const mark = (text: string) => append(`— ${text} —\n`);
    // Shown as text: the bytes' control sequences (colours, cursor moves, titles) are left out, not printed as garbage.
    const filters = { stdout: new OutputFilter({ colours: false }), stderr: new OutputFilter({ colours: false }) };
    return followAcrossEngineRestarts<LogEvent>(
      (resumeFrom, callbacks) =>
        berth.swarm.logs.subscribe(resumeFrom === undefined ? { service, tail, follow: true } : { service, follow: true, sinceTime: engineSince(resumeFrom) }, callbacks),
      {
        onData(event) {
          if (event.kind === 'output') append(event.segments.map((seg) => filters[seg.stream].push(seg.text)).join(''));
        },
        onStarted: () => setError(undefined),
        onError: (e) => setError(toBerthError(e)),
        // i18n.t, not the hook's t: a new language must not open the stream again (its lines would show twice).
        onWaiting: () => mark(i18n.t('follow.waiting')),
        onResumed: (seconds) => mark(i18n.t('follow.resumed', { seconds, what: i18n.t('follow.logs') })),
        onEnded: () => mark(i18n.t('follow.ended')),
      },
      { watchStatus: watchEngineStatus },
    );
  }, [service, i18n]);
  useEffect(() => {
    if (ref.current) ref.current.scrollTop = ref.current.scrollHeight;
  }, [shown]);
  return (
    <section className="swarm-logs" aria-label={t('swarm.logsOf', { service })}>
      <div className="swarm-logs__header">
        <h2>{t('swarm.logsOf', { service })}</h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('swarm.logsClose')}
        </button>
      </div>
      <CommandPreview command={swarmCommands.logs(service, tail)} />
      {error && <ErrorNotice error={error} />}
      <pre ref={ref} className="swarm-output__log" aria-label={t('swarm.logsOf', { service })}>
        {shown.text || t('swarm.logsEmpty')}
      </pre>
    </section>
  );
}
