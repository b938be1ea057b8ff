import { useEffect } from 'react';
import { acknowledgeCrash } from '../alerts/crash-alerts';
import { CrashMuteToggle } from '../alerts/CrashMark';
import { useTranslation } from 'react-i18next';
import { useContainers } from '../containers/useContainers';
import { closeContainer, showDetailTab, useUiStore } from '../../state/ui-store';
import { detailTabs as tabs } from '../../state/address';
import { StateBadge } from '../containers/StateBadge';
import { PortLinks } from '../containers/PortLinks';
import { portsTooltip } from '../containers/port-groups';
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

/** One container up close: its logs, a terminal in it, its inspect document and its live stats. */
export function ContainerDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data: containers = [] } = useContainers();
  const container = containers.find((c) => c.id === id);
  const tab = useUiStore((s) => s.detailTab);
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
        {container?.compose && <ProjectLink containerId={container.id} project={container.compose.project} />}
        {container && <ContainerEditActions id={id} />}
        {container && container.ports.length > 0 && (
          <span className="container-detail__ports" title={portsTooltip(container.ports)}>
            <PortLinks ports={container.ports} />
          </span>
        )}
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
            onClick={() => showDetailTab(value)}
          >
            {t(`detail.${value}`)}
          </button>
        ))}
      </div>
      <div className="tabs__panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'logs' && <LogsTab id={id} name={name} gone={!container} />}
        {tab === 'terminal' && <TerminalTab id={id} name={name} />}
        {tab === 'files' && <FilesTab id={id} name={name} />}
        {tab === 'inspect' && <InspectTab id={id} name={name} />}
        {tab === 'stats' && <StatsTab id={id} name={name} />}
      </div>
    </section>
  );
}
