import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commandLine } from '../../../../engine/contract/cli';
import { useEngineStatus } from '../../rpc/engine-sync';
import { showView } from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import { ConceptLink, concepts } from './ConceptLink';
import './welcome.css';

const welcomedKey = 'berth.welcomed';

/**
 * The first start's welcome, once per person (remembered in localStorage): which engine Berth
 * found and how (the daemon, the socket, the client command that reaches the same engine), or,
 * when none answers, the way to Berth's own engine; and the concepts a newcomer meets first.
 * A card above the view rather than a modal, so nothing waits on it.
 */
export function Welcome() {
  const { t } = useTranslation();
  const [welcomed, setWelcomed] = useState(() => globalThis.localStorage?.getItem(welcomedKey) === '1');
  const status = useEngineStatus();
  if (welcomed) return null;
  const done = () => {
    globalThis.localStorage?.setItem(welcomedKey, '1');
    setWelcomed(true);
  };
  const url = status?.endpoint.url ?? '';
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title" className="welcome__title">
        {t('welcome.title')}
      </h2>
      <p>{t('welcome.intro')}</p>
      {!status || status.state === 'connecting' ? (
        <p>{t('welcome.looking')}</p>
      ) : status.state === 'connected' ? (
        <>
          <p>{t('welcome.found', { url, source: t(`engine.sources.${status.endpoint.source}`) })}</p>
          <p>{t('welcome.daemon', { version: status.version ?? '?' })}</p>
          <CommandPreview command={url.startsWith('unix://') || url.startsWith('tcp://') ? commandLine(['-H', url, 'version']) : commandLine(['version'])} />
        </>
      ) : (
        <>
          <p>{t('welcome.none', { url })}</p>
          <button type="button" className="button" onClick={() => showView('engine')}>
            {t('welcome.setUp')}
          </button>
        </>
      )}
      <p>{t('welcome.conceptsIntro')}</p>
      <div className="welcome__concepts">
        {concepts.map((concept) => (
          <ConceptLink key={concept} concept={concept} />
        ))}
      </div>
      <div className="welcome__actions">
        <button type="button" className="button" onClick={done}>
          {t('welcome.done')}
        </button>
      </div>
    </section>
  );
}
