import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commandLine } from '../../../../engine/contract/cli';
import { useEngineStatus } from '../../rpc/engine-sync';
import { showView } from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import { ConceptLink, concepts } from './ConceptLink';
import './welcome.css';

const welcomedKey = 'berth.welcomed';

/**
 * The first start's welcome, once per person (remembered in localStorage): what Berth is, the
 * concepts a newcomer meets first, and, folded away, which engine Berth found and how (the daemon,
 * the socket, the client command that reaches the same engine; the status bar already names it).
 * When no engine answers, the way to Berth's own engine is shown outright. A strip above the view
 * rather than a modal, kept to a few lines so the containers list stays in view at 1024×640.
 */
export function Welcome() {
  const { t } = useTranslation();
  const [welcomed, setWelcomed] = useState(() => globalThis.localStorage?.getItem(welcomedKey) === '1');
  const [engineShown, setEngineShown] = useState(false);
  const engineId = useId();
  const status = useEngineStatus();
  if (welcomed) return null;
  const done = () => {
    globalThis.localStorage?.setItem(welcomedKey, '1');
    setWelcomed(true);
  };
  const url = status?.endpoint.url ?? '';
  const connected = status?.state === 'connected';
  const failed = status && status.state !== 'connecting' && !connected;
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <div className="welcome__intro">
        <h2 id="welcome-title" className="welcome__title">
          {t('welcome.title')}
        </h2>{' '}
        {t('welcome.intro')}
      </div>
      <button type="button" className="button welcome__done" onClick={done}>
        {t('welcome.done')}
      </button>
      <div className="welcome__concepts">
        <span>{t('welcome.conceptsIntro')}</span>
        {concepts.map((concept) => (
          <ConceptLink key={concept} concept={concept} />
        ))}
        {connected && (
          <button type="button" className="link-button welcome__toggle" aria-expanded={engineShown} aria-controls={engineId} onClick={() => setEngineShown(!engineShown)}>
            {t('welcome.engineMore')}
          </button>
        )}
      </div>
      {connected && engineShown && (
        <div id={engineId} className="welcome__engine">
          <p>{t('welcome.found', { url, source: t(`engine.sources.${status.endpoint.source}`) })}</p>
          <p>{t('welcome.daemon', { version: status.version ?? '?' })}</p>
          <CommandPreview command={url.startsWith('unix://') || url.startsWith('tcp://') ? commandLine(['-H', url, 'version']) : commandLine(['version'])} />
        </div>
      )}
      {failed && (
        <div className="welcome__engine">
          <p>{t('welcome.none', { url })}</p>
          <button type="button" className="button" onClick={() => showView('engine')}>
            {t('welcome.setUp')}
          </button>
        </div>
      )}
    </section>
  );
}
