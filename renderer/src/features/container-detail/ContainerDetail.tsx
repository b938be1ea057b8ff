import { useEffect, useState } from 'react';
import { acknowledgeCrash } from '../alerts/crash-alerts';
import { CrashMuteToggle } from '../alerts/CrashMark';
import { requestTab, requestedTabOf, useKeyboardStore } from '../../app/keyboard/keyboard-store';
import { useTranslation } from 'react-i18next';
import { useContainers } from '../containers/useContainers';
import { closeContainer } from '../../state/ui-store';
import { StateBadge } from '../containers/StateBadge';
import { FilesTab } from './FilesTab';
import { HealthNote } from './HealthNote';
import { InspectTab } from './InspectTab';
import { LogsTab } from './LogsTab';
import { StatsTab } from './StatsTab';
import { TerminalTab } from './TerminalTab';
import { imageShown } from '../../ui/format';
import { ProjectLink } from '../compose/ProjectLink';
import { ContainerEditActions } from '../edit/ContainerEditActions';
import { ContainerMoves } from '../moves/ContainerMoves';

const tabs = ['logs', 'terminal', 'files', 'inspect', 'stats'] as const;
type Tab = (typeof tabs)[number];

/** One container up close: its logs, a terminal in it, its inspect document and its live stats. */
export function ContainerDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data: containers = [] } = useContainers();
  const container = containers.find((c) => c.id === id);
  // The quick-search palette may ask for a tab ("open terminal of web"), also while this container is open.
  const [picked, setPicked] = useState<Tab>(() => requestedTabOf(id) ?? 'logs');
  const requested = useKeyboardStore((s) => (s.requestedTab?.id === id ? s.requestedTab.tab : undefined));
  const tab = requested ?? picked;
  const setTab = (value: Tab) => {
    setPicked(value);
    requestTab(undefined);
  };
  useEffect(() => () => requestTab(undefined), []);
  const name = container?.name ?? id.slice(0, 12);
  // Opening a container that crashed is seeing its alert: the mark in the list goes.
  useEffect(() => acknowledgeCrash(id), [id]);
  return (
    <section className="view container-detail" aria-labelledby="container-title">
      <header className="view__header">
        <button type="button" className="button" title="Esc" onClick={closeContainer}>
          ← {t('detail.back')}
        </button>
        <h1 id="container-title">{name}</h1>
        {container ? (
          <StateBadge container={container} />
        ) : (
          <span className="state-badge state-badge--dead">{t('detail.gone')}</span>
        )}
        {container && <span className="cell--muted" title={container.image}>{imageShown(container.image)}</span>}
        {container && <CrashMuteToggle name={container.name} />}
        {container?.composeProject && <ProjectLink containerId={container.id} project={container.composeProject} />}
        {container && <ContainerEditActions id={id} />}
        {container && <ContainerMoves id={id} name={container.name} />}
      </header>
      {container && <HealthNote container={container} />}
      <div className="tabs" role="tablist" aria-label={t('detail.tabs')}>
        {tabs.map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            id={`tab-${value}`}
            aria-selected={tab === value}
            aria-controls={`panel-${value}`}
            className="tabs__tab"
            onClick={() => setTab(value)}
          >
            {t(`detail.${value}`)}
          </button>
        ))}
      </div>
      <div className="tabs__panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'logs' && <LogsTab id={id} name={name} />}
        {tab === 'terminal' && <TerminalTab id={id} name={name} />}
        {tab === 'files' && <FilesTab id={id} name={name} />}
        {tab === 'inspect' && <InspectTab id={id} name={name} />}
        {tab === 'stats' && <StatsTab id={id} name={name} />}
      </div>
    </section>
  );
}
