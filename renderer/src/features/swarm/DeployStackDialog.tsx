import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeEvent } from '../../../../engine/contract/compose-cli';
import type { BerthErrorShape } from '../../../../engine/contract/errors';
import { stackDeployCommand } from '../../../../engine/contract/swarm';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { appendShown, type ShownText } from '../../ui/bounded-lines';
import { OutputFilter } from '../../ui/output-filter';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';

const stackNamePattern = /^[a-z0-9][a-z0-9_-]*$/;
const maxOutputLines = 5000;

type Phase = { name: 'idle' } | { name: 'running' } | { name: 'done' } | { name: 'failed'; error: BerthErrorShape } | { name: 'cancelled' };

/**
 * Deploy a stack from a compose file with `docker stack deploy -c FILE NAME`: a path typed (the file
 * is read on the engine side's machine, which the web host cannot browse), the CLI's output streamed.
 */
export function DeployStackDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  const [stack, setStack] = useState('');
  const [output, setOutput] = useState<ShownText>({ text: '', dropped: 0 });
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const subscription = useRef<{ unsubscribe(): void } | undefined>(undefined);
  const log = useRef<HTMLPreElement>(null);
  useEffect(() => () => subscription.current?.unsubscribe(), []);
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [output]);

  const path = file.trim();
  const name = stack.trim();
  const relative = Boolean(path) && !path.startsWith('/');
  const nameProblem = Boolean(name) && !stackNamePattern.test(name);
  const invalid = !path || !name || relative || nameProblem;
  const running = phase.name === 'running';

  const start = () => {
    subscription.current?.unsubscribe();
    setOutput({ text: '', dropped: 0 });
    setPhase({ name: 'running' });
    // Shown as text: the bytes' control sequences (colours, cursor moves, titles) are left out, not printed as garbage.
    const filter = new OutputFilter({ colours: false });
    subscription.current = berth.swarm.deploy.subscribe(
      { file: path, stack: name },
      {
        onData(event: ComposeEvent) {
          if (event.kind === 'output') {
            const text = filter.push(event.text);
            setOutput((shown) => appendShown(shown, text, maxOutputLines));
          } else if (event.kind === 'done') setPhase({ name: 'done' });
        },
        onError: (e) => setPhase({ name: 'failed', error: toBerthError(e) }),
      },
    );
  };
  const stop = () => {
    subscription.current?.unsubscribe();
    subscription.current = undefined;
    setPhase({ name: 'cancelled' });
  };

  return (
    <Dialog title={t('swarm.deploy.title')} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid && !running) start();
        }}
      >
        <label className="field">
          <span className="field__label">{t('swarm.deploy.file')}</span>
          <input className="input" data-autofocus value={file} placeholder="/home/me/app/stack.yml" onChange={(e) => setFile(e.target.value)} />
        </label>
        {relative && <span className="field__problem">{t('swarm.deploy.absolute')}</span>}
        <label className="field">
          <span className="field__label">{t('swarm.deploy.name')}</span>
          <input className="input" value={stack} placeholder="shop" onChange={(e) => setStack(e.target.value)} />
        </label>
        {nameProblem && <span className="field__problem">{t('swarm.deploy.nameProblem')}</span>}
        <CommandPreview command={stackDeployCommand(path || '/home/me/app/stack.yml', name || 'shop')} />
        {phase.name !== 'idle' && (
          <div className="compose-output">
            {running && (
              <p role="status">
                {t('swarm.deploy.running')}{' '}
                <button type="button" className="button button--small" onClick={stop}>
                  {t('swarm.deploy.stop')}
                </button>
              </p>
            )}
            <pre ref={log} className="swarm-output__log" aria-label={t('swarm.deploy.output')}>
              {output.text}
            </pre>
            {phase.name === 'done' && (
              <p className="notice notice--ok" role="status">
                {t('swarm.deploy.done', { stack: name })}
              </p>
            )}
            {phase.name === 'cancelled' && <p className="notice">{t('swarm.deploy.cancelled')}</p>}
            {phase.name === 'failed' && <ErrorNotice title={t('swarm.deploy.failed')} error={phase.error} />}
          </div>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('swarm.deploy.close')}
          </button>
          <button type="submit" className="button button--primary" disabled={invalid || running}>
            {t('swarm.deploy.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
