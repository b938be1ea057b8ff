import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tKnown } from '../../i18n/keys';
import { imagePullCommand } from '../../../../engine/contract/cli';
import type { BerthErrorShape } from '../../../../engine/contract/errors';
import { parseImageReference } from '../../../../engine/contract/reference';
import type { LayerProgress, PullEvent } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { mayNotifyLater, notifyIfAway } from '../../ui/notify';
import { toBerthError } from '../../rpc/errors';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice, useErrorWords } from '../../ui/ErrorNotice';
import { LayerProgressList } from './LayerProgressList';

type Phase = { name: 'idle' } | { name: 'pulling' } | { name: 'done'; image: string } | { name: 'cancelled' } | { name: 'failed'; error: BerthErrorShape };

/**
 * Pull an image: the reference checked as you type, then one progress row per layer and a total.
 * When the registry wants a login, "Log in to <registry>…" hands over to the login (`onLoginNeeded`);
 * the dialog comes back with `autoStart` to pull again once logged in.
 */
export function PullDialog({
  onClose,
  initial = '',
  autoStart = false,
  onLoginNeeded,
}: {
  onClose: () => void;
  initial?: string | undefined;
  autoStart?: boolean | undefined;
  onLoginNeeded?: ((registry: string, reference: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const words = useErrorWords();
  const [reference, setReference] = useState(initial);
  const [layers, setLayers] = useState<LayerProgress[]>([]);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const subscription = useRef<{ unsubscribe(): void } | undefined>(undefined);
  useEffect(() => () => subscription.current?.unsubscribe(), []);

  const parsed = parseImageReference(reference);
  const problem = reference.trim() && !parsed.ok ? tKnown(t, `problems.reference.${parsed.code}`, parsed.params) : undefined;
  const start = () => {
    if (!parsed.ok) return;
    setLayers([]);
    setPhase({ name: 'pulling' });
    mayNotifyLater();
    subscription.current = berth.images.pull.subscribe(
      { reference: reference.trim() },
      {
        onData(event: PullEvent) {
          if (event.kind === 'progress') setLayers(event.layers);
          else {
            setPhase({ name: 'done', image: event.image });
            notifyIfAway(t('notify.pulled'), event.image);
          }
        },
        onError(e) {
          setPhase({ name: 'failed', error: toBerthError(e) });
          notifyIfAway(t('notify.pullFailed'), words(toBerthError(e)).message);
        },
      },
    );
  };
  // Once, on opening again after a login: the person already asked for this pull.
  const started = useRef(false);
  useEffect(() => {
    if (autoStart && !started.current) {
      started.current = true;
      start();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once, for the reference the dialog opened with
  }, []);
  const cancel = () => {
    subscription.current?.unsubscribe();
    subscription.current = undefined;
    setPhase({ name: 'cancelled' });
  };

  return (
    <Dialog title={t('pull.title')} onClose={phase.name === 'pulling' ? cancel : onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <label className="field">
          <span className="field__label">{t('pull.reference')}</span>
          <input
            className="input"
            value={reference}
            autoFocus
            placeholder="nginx:1.27"
            disabled={phase.name === 'pulling'}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => setReference(e.target.value)}
          />
          {problem && <span className="field__problem">{problem}</span>}
          {parsed.ok && <span className="cell--muted">{t('pull.normalized', { name: parsed.reference.normalized })}</span>}
        </label>
        <CommandPreview command={imagePullCommand(reference.trim() || '…')} />
        <LayerProgressList layers={layers} complete={phase.name === 'done'} />
        {phase.name === 'done' && (
          <p className="notice notice--ok" role="status">
            {t('pull.done', { image: phase.image })}
          </p>
        )}
        {phase.name === 'cancelled' && (
          <p className="notice" role="status">
            {t('pull.cancelled')}
          </p>
        )}
        {phase.name === 'failed' && (
          <ErrorNotice title={t('pull.failed')} error={phase.error}>
            {phase.error.reason === 'registryLoginRequired' && onLoginNeeded && typeof phase.error.params?.registry === 'string' && (
              <button type="button" className="button button--small" onClick={() => onLoginNeeded(String(phase.error.params!.registry), reference.trim())}>
                {t('pull.loginTo', { registry: phase.error.params.registry })}
              </button>
            )}
          </ErrorNotice>
        )}
        <div className="dialog__actions">
          {phase.name === 'pulling' ? (
            <button type="button" className="button" onClick={cancel}>
              {t('pull.cancel')}
            </button>
          ) : (
            <button type="button" className="button" onClick={onClose}>
              {t('common.close')}
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={!parsed.ok || phase.name === 'pulling'}>
            {t('pull.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
