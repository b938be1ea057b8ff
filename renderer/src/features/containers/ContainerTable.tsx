import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary, ContainerUsage } from '../../../../engine/contract/types';
import type { ListRow, ProjectGroup } from '../compose-projects/grouping';
import { ProjectRow, ServiceName, type ProjectRequest } from '../compose-projects/ProjectRow';
import { openContainer, setSelection, toggleSelected, useUiStore } from '../../state/ui-store';
import { formatBytes, formatDateTime, formatRelativeTime, imageShown } from '../../ui/format';
import { toggleAllShown } from '../../ui/useSelection';
import { PortLinks } from './PortLinks';
import { portsTooltip } from './port-groups';
import { CrashMark } from '../alerts/CrashMark';
import { StateBadge, StatusText } from './StateBadge';
import { UpdateMark } from '../edit/ContainerEditActions';
import { useFirstRowsMark } from '../../ui/timing';
import { revealInvisible } from '../../../../engine/contract/visible-text';

const rowHeight = 44;

/**
 * Every shown container, one row each, and (grouped) a row per Compose project with its containers
 * under it when open: one virtual list, so only the rows on screen are in the DOM and 1,000 stay instant.
 */
export function ContainerTable({
  rows,
  containers,
  usage,
  projects,
  onRowsShown,
}: {
  rows: readonly ListRow[];
  /** The containers the rows stand for (grouped: open or not), what "select all" ticks. */
  containers: readonly ContainerSummary[];
  usage: Readonly<Record<string, ContainerUsage>>;
  projects?: { narrowed: boolean; usable: boolean; busy: boolean; onRequest: (group: ProjectGroup, request: ProjectRequest) => void };
  /** Told the ids of the rows in the DOM (on screen and a few beside) whenever they change. */
  onRowsShown?: (ids: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const selection = useUiStore((s) => s.selection);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    getItemKey: (index) => rows[index]!.key,
  });
  useFirstRowsMark('containers', rows.length); // bench/ measures request → rows on screen to here
  // The containers whose rows are in the DOM (on screen and a few beside), for the usage columns.
  const shownKey = virtualizer
    .getVirtualItems()
    .map((item) => rows[item.index])
    .flatMap((row) => (row?.kind === 'container' ? [row.container.id] : []))
    .join(',');
  useEffect(() => onRowsShown?.(shownKey === '' ? [] : shownKey.split(',')), [shownKey, onRowsShown]);
  const allSelected = containers.length > 0 && containers.every((c) => selection.has(c.id));

  return (
    <div className="table" role="table" aria-label={t('containers.title')} aria-rowcount={rows.length + 1}>
      <div className="table__row table__row--head containers-grid" role="row" aria-rowindex={1}>
        <span role="columnheader">
          <input
            type="checkbox"
            aria-label={t('containers.selectAll')}
            checked={allSelected}
            onChange={() => setSelection(toggleAllShown(containers.map((c) => c.id), selection))}
          />
        </span>
        <span role="columnheader">{t('containers.columns.name')}</span>
        <span role="columnheader">{t('containers.columns.image')}</span>
        <span role="columnheader">{t('containers.columns.state')}</span>
        <span role="columnheader">{t('containers.columns.status')}</span>
        <span role="columnheader">{t('containers.columns.cpu')}</span>
        <span role="columnheader">{t('containers.columns.memory')}</span>
        <span role="columnheader">{t('containers.columns.created')}</span>
        <span role="columnheader">{t('containers.columns.ports')}</span>
      </div>
      <div className="table__body" ref={scrollRef}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const style = { position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` } as const;
            if (row.kind === 'project') {
              return (
                <ProjectRow
                  key={item.key}
                  group={row.group}
                  expanded={row.expanded}
                  narrowed={projects?.narrowed ?? false}
                  usable={projects?.usable ?? false}
                  busy={projects?.busy ?? false}
                  style={style}
                  rowIndex={item.index + 2}
                  onRequest={(group, request) => projects?.onRequest(group, request)}
                />
              );
            }
            const c = row.container;
            const selected = selection.has(c.id);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                data-container-id={c.id}
                className={`table__row containers-grid${selected ? ' table__row--selected' : ''}`}
                style={style}
              >
                <span role="cell">
                  <input
                    type="checkbox"
                    aria-label={t('containers.select', { name: c.name })}
                    checked={selected}
                    onChange={() => toggleSelected(c.id)}
                  />
                </span>
                <span role="cell" className={row.project ? 'cell--name project-member' : 'cell--name'} title={row.project ? `${c.name}\n${c.id}` : c.id}>
                  {row.project && <ServiceName container={c} />}
                  <button type="button" className="link-button" onClick={() => openContainer(c.id)}>
                    {revealInvisible(c.name)}
                  </button>
                  <CrashMark containerId={c.id} />
                </span>
                <span role="cell" className="cell--muted" title={c.image}>
                  {imageShown(c.image)}
                  <UpdateMark containerId={c.id} />
                </span>
                <span role="cell">
                  <StateBadge container={c} />
                </span>
                <span role="cell" className="cell--muted">
                  <StatusText container={c} />
                </span>
                <span role="cell" className="cell--numeric" aria-label={t('containers.columns.cpu')}>
                  {usage[c.id] ? `${usage[c.id]!.cpuPercent.toFixed(1)} %` : '—'}
                </span>
                <span role="cell" className="cell--numeric" aria-label={t('containers.columns.memory')}>
                  {usage[c.id] ? formatBytes(usage[c.id]!.memoryBytes, i18n.language) : '—'}
                </span>
                <span role="cell" className="cell--muted" title={formatDateTime(c.created, i18n.language)}>
                  {formatRelativeTime(c.created, i18n.language)}
                </span>
                <span role="cell" className="cell--ports" title={portsTooltip(c.ports) || undefined}>
                  <PortLinks ports={c.ports} />
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
