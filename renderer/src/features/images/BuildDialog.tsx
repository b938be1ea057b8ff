import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { tKnown } from '../../i18n/keys';
import { imageBuildCommand } from '../../../../engine/contract/cli';
import type { BerthErrorShape } from '../../../../engine/contract/errors';
import { parseImageReference } from '../../../../engine/contract/reference';
import type { BuildEvent } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { queryKeys } from '../../rpc/queries';
import { mayNotifyLater, notifyIfAway } from '../../ui/notify';
import { toBerthError } from '../../rpc/errors';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice, useErrorWords } from '../../ui/ErrorNotice';
import { lineProblemText, parseKeyValueLines } from '../../ui/keyValueLines';
import { appendShown, type ShownText } from '../../ui/bounded-lines';
import { OutputFilter } from '../../ui/output-filter';

/** Build output kept on screen; earlier lines are counted, not kept (a chatty build could fill memory). */
const maxOutputLines = 5000;

type Phase = { name: 'idle' } | { name: 'building'; step?: string } | { name: 'done'; image: string } | { name: 'failed'; error: BerthErrorShape; step?: string };

/** Build an image from a folder on the engine's machine; the output streams live, a failed step is marked. */
export function BuildDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const words = useErrorWords();
  const queryClient = useQueryClient();
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  // The engine sends no event for an image a build makes without a name (nor for a failed build's
  // steps), so the images list is told here.
  const imagesChanged = () => void queryClient.invalidateQueries({ queryKey: queryKeys.resource(engineId, 'images') });
  const [context, setContext] = useState('');
  const [dockerfile, setDockerfile] = useState('Dockerfile');
  const [tag, setTag] = useState('');
  const [argsText, setArgsText] = useState('');
  const [output, setOutput] = useState<ShownText>({ text: '', dropped: 0 });
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const subscription = useRef<{ unsubscribe(): void } | undefined>(undefined);
  const log = useRef<HTMLPreElement>(null);
  useEffect(() => () => subscription.current?.unsubscribe(), []);
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [output]);

  const args = parseKeyValueLines(argsText);
  const parsedTag = parseImageReference(tag);
  const tagProblem = tag.trim() && !parsedTag.ok ? tKnown(t, `problems.reference.${parsedTag.code}`, parsedTag.params) : undefined;
  const contextProblem = context && !context.startsWith('/') ? t('build.absolute') : undefined;
  const input = { context: context.trim(), dockerfile: dockerfile.trim() || 'Dockerfile', tag: tag.trim(), buildArgs: 'values' in args ? args.values : {} };
  const invalid = !context || Boolean(contextProblem || tagProblem) || 'code' in args || phase.name === 'building';

  const start = () => {
    setOutput({ text: '', dropped: 0 });
    // Shown as text: the bytes' control sequences (colours, cursor moves, titles) are left out, not printed as garbage.
    const filter = new OutputFilter({ colours: false });
    let step: string | undefined;
    setPhase({ name: 'building' });
    mayNotifyLater();
    subscription.current = berth.images.build.subscribe(input, {
      onData(event: BuildEvent) {
        if (event.kind === 'output') {
          const text = filter.push(event.text);
          setOutput((shown) => appendShown(shown, text, maxOutputLines));
        } else if (event.kind === 'step') {
          step = `Step ${event.step}/${event.total} : ${event.instruction}`;
          setPhase({ name: 'building', step });
        } else {
          const image = event.tag || event.imageId.replace(/^sha256:/, '').slice(0, 12);
          setPhase({ name: 'done', image });
          imagesChanged();
          notifyIfAway(t('notify.built'), image);
        }
      },
      onError: (e) => {
        setPhase({ name: 'failed', error: toBerthError(e), ...(step ? { step } : {}) });
        imagesChanged();
        notifyIfAway(t('notify.buildFailed'), words(toBerthError(e)).message);
      },
    });
  };

  return (
    <Dialog title={t('build.title')} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) start();
        }}
      >
        <label className="field">
          <span className="field__label">{t('build.context')}</span>
          <input className="input" autoFocus value={context} placeholder="/home/me/app" onChange={(e) => setContext(e.target.value)} />
          {contextProblem && <span className="field__problem">{contextProblem}</span>}
        </label>
        <label className="field">
          <span className="field__label">{t('build.dockerfile')}</span>
          <input className="input" value={dockerfile} onChange={(e) => setDockerfile(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('build.tag')}</span>
          <input className="input" value={tag} placeholder="my-app:dev" onChange={(e) => setTag(e.target.value)} />
          {tagProblem && <span className="field__problem">{tagProblem}</span>}
        </label>
        <label className="field">
          <span className="field__label">{t('build.args')}</span>
          <textarea className="input" rows={2} value={argsText} placeholder="VERSION=1.2" onChange={(e) => setArgsText(e.target.value)} />
          {'code' in args && <span className="field__problem">{lineProblemText(t, args)}</span>}
        </label>
        <CommandPreview command={(revealSecrets) => imageBuildCommand(input, { revealSecrets })} />
        {phase.name === 'building' && phase.step && <p className="cell--muted">{phase.step}</p>}
        {output.dropped > 0 && (
          <p className="cell--muted" role="status">
            {t('build.linesNotShown', { count: output.dropped })}
          </p>
        )}
        {output.text && (
          <pre ref={log} className="log-tail" aria-label={t('build.output')}>
            {output.text}
          </pre>
        )}
        {phase.name === 'failed' && (
          <>
            {phase.step && (
              <p className="failed-step" role="status">
                <mark>{phase.step}</mark>
              </p>
            )}
            <ErrorNotice title={t('build.failed')} error={phase.error} />
          </>
        )}
        {phase.name === 'done' && (
          <p className="notice notice--ok" role="status">
            {t('build.done', { image: phase.image })}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {phase.name === 'building' ? t('build.cancel') : t('common.close')}
          </button>
          <button type="submit" className="button button--primary" disabled={invalid}>
            {t('build.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
