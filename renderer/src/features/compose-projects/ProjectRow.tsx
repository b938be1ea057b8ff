import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { composeProjectRef, type ProjectAction } from '../../../../engine/contract/schemas';
import type { ContainerSummary } from '../../../../engine/contract/types';
import { openProject } from '../../state/ui-store';
import { projectState, type ProjectGroup } from './grouping';
import { toggleProjectExpanded } from './project-view-store';
import './compose-projects.css';
import { revealInvisible } from '../../../../engine/contract/visible-text';

/** What a project row can ask for: an Engine API action, its merged logs, or removal (which asks first). */
export type ProjectRequest = ProjectAction | 'logs' | 'remove';

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/**
 * One Compose project in the containers list: its name (opens the project's detail), how its
 * containers are doing ("2/3 running"), its folder and files, and what can be done to all of it.
 */
export function ProjectRow({
  group,
  expanded,
  narrowed,
  usable,
  busy,
  style,
  rowIndex,
  onRequest,
}: {
  group: ProjectGroup;
  expanded: boolean;
  /** A search or filter is on: say how many of its containers match. */
  narrowed: boolean;
  usable: boolean;
  busy: boolean;
  style: CSSProperties;
  rowIndex: number;
  onRequest: (group: ProjectGroup, request: ProjectRequest) => void;
}) {
  const { t } = useTranslation();
  const { running, total, paused, oneOff } = projectState(group);
  const up = group.containers.filter((c) => c.state === 'running' || c.state === 'paused' || c.state === 'restarting').length;
  // A project label Compose never writes (spaces, markup, 100 KB…): the actions by label refuse it,
  // so they are not offered; the containers under it still act one by one.
  const foreign = !composeProjectRef.safeParse(group.name).success;
  const off = !usable || busy || foreign;
  const where = [
    group.workingDir ? t('projectList.folder', { folder: group.workingDir }) : '',
    group.configFiles.length ? t('projectList.files', { files: group.configFiles.join(', ') }) : '',
  ].filter(Boolean);
  const button = (request: ProjectRequest, disabled: boolean) => (
    <button type="button" className={`button button--small${request === 'remove' ? ' button--danger' : ''}`} disabled={disabled} onClick={() => onRequest(group, request)}>
      {t(`projectList.actions.${request}`)}
    </button>
  );
  return (
    <div role="row" aria-rowindex={rowIndex} aria-label={t('projectList.row', { name: group.name })} data-project={group.name} className="table__row project-row" style={style}>
      <span role="cell">
        <button
          type="button"
          className="project-row__toggle"
          aria-expanded={expanded}
          aria-label={t(expanded ? 'projectList.collapse' : 'projectList.expand', { name: group.name })}
          onClick={() => toggleProjectExpanded(group.name, expanded)}
        >
          {expanded ? '▾' : '▸'}
        </button>
      </span>
      <span role="cell" className="cell--name">
        <button type="button" className="link-button" onClick={() => openProject(group.name)}>
          {revealInvisible(group.name)}
        </button>
      </span>
      <span role="cell" className="cell--muted project-row__where" title={where.join('\n') || t('projectList.noFiles')}>
        {group.workingDir ? baseName(group.workingDir) : '—'}
        {group.configFiles.length > 0 && ` · ${group.configFiles.map(baseName).join(', ')}`}
      </span>
      <span role="cell" className="project-row__state">
        <span className={`state-badge${running === total ? ' state-badge--running' : running > 0 || paused > 0 ? ' state-badge--paused' : ''}`}>
          {t('projectList.running', { running, total })}
        </span>
        {paused > 0 && <span className="cell--muted"> · {t('projectList.paused', { count: paused })}</span>}
        {oneOff > 0 && <span className="cell--muted"> · {t('projectList.oneOff', { count: oneOff })}</span>}
        {narrowed && <span className="cell--muted"> · {t('projectList.matching', { count: group.matching.length, total })}</span>}
      </span>
      <span
        role="cell"
        className="project-row__actions"
        aria-label={t('projectList.actionsLabel', { name: group.name })}
        title={foreign ? t('foreignLabels.notComposeProject', { name: group.name }) : undefined}
      >
        {button('start', off || up === total)}
        {button('stop', off || up === 0)}
        {button('restart', off)}
        {paused > 0 ? button('unpause', off) : button('pause', off || running === 0)}
        {button('logs', foreign || total === 0)}
        {button('remove', off)}
      </span>
    </div>
  );
}

/** A project's container, named in its row by service and replica number ahead of its container name. */
export function ServiceName({ container }: { container: ContainerSummary }) {
  if (!container.compose) return null;
  return (
    <span className="project-member__service">
      {revealInvisible(container.compose.service)}
      {container.compose.number !== undefined && <span className="project-member__replica"> #{container.compose.number}</span>}{' '}
    </span>
  );
}
