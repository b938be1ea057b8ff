import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  containerActionCommand,
  containerListCommand,
  containerRemoveCommand,
} from '../../../../engine/contract/cli';
import type { BerthErrorShape } from '../../../../engine/contract/errors';
import type { ContainerAction } from '../../../../engine/contract/schemas';
import type { ActionOutcome, ContainerSummary } from '../../../../engine/contract/types';
import { useEngineUsable } from '../../app/EngineBanner';
import { onRemoveKey } from '../../app/keyboard/keyboard-store';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { queryKeys } from '../../rpc/queries';
import { useEngineStatus } from '../../rpc/engine-sync';
import {
  setContainerFilter,
  setContainerSearch,
  setSelection,
  useUiStore,
  type ContainerFilter,
} from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import { visibleSelection } from '../../ui/useSelection';
import { QueryErrorNotice } from '../../ui/ErrorNotice';
import { errorText } from '../../ui/errorText';
import { ProjectDetail } from '../compose/ProjectDetail';
import { flatRows, groupContainers, hasProjects } from '../compose-projects/grouping';
import { setContainerLayout, useGrouped, useProjectViewStore } from '../compose-projects/project-view-store';
import { useProjectActions } from '../compose-projects/useProjectActions';
import { ContainerTable } from './ContainerTable';
import { ContainerToolbar } from './ContainerToolbar';
import { visibleContainers } from './filter';
import { RemoveDialog } from './RemoveDialog';
import { RenameDialog } from './RenameDialog';
import { useContainers } from './useContainers';
import { CheckUpdatesButton } from '../edit/ContainerEditActions';
import { useContainerUsage } from './useContainerUsage';
import { mayNotifyLater } from '../../ui/notify';
import { ConceptLink } from '../welcome/ConceptLink';

interface Failure {
  name: string;
  error: BerthErrorShape;
}

export function ContainersView() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const engineId = useEngineStatus()?.endpoint.id;
  const usable = useEngineUsable();
  const { data: all = [], error, isPending } = useContainers();
  const search = useUiStore((s) => s.containerSearch);
  const filter = useUiStore((s) => s.containerFilter);
  const selection = useUiStore((s) => s.selection);
  const openProjectName = useUiStore((s) => s.openProjectName);
  const [dialog, setDialog] = useState<'rename' | 'remove' | undefined>();
  const [lastCommand, setLastCommand] = useState<string | undefined>();
  const [failures, setFailures] = useState<{ total: number; items: Failure[] } | undefined>();

  // Grouped by Compose project unless the person chose the flat list (remembered); only when a project exists.
  const projectsExist = useMemo(() => hasProjects(all), [all]);
  const grouped = useGrouped() && projectsExist;
  const expanded = useProjectViewStore((s) => s.expanded);
  const collapsed = useProjectViewStore((s) => s.collapsed);
  const groupedList = useMemo(
    () => (grouped ? groupContainers(all, search, filter, expanded, collapsed) : undefined),
    [grouped, all, search, filter, expanded, collapsed],
  );
  const shown = useMemo(() => groupedList?.matching ?? visibleContainers(all, search, filter), [groupedList, all, search, filter]);
  const rows = useMemo(() => groupedList?.rows ?? flatRows(shown), [groupedList, shown]);
  // CPU and memory are read only for the running rows on screen (issue 17).
  const [rowsShown, setRowsShown] = useState<string[]>([]);
  const runningShown = useMemo(() => {
    const running = new Set(all.filter((c) => c.state === 'running').map((c) => c.id));
    return rowsShown.filter((id) => running.has(id));
  }, [all, rowsShown]);
  const usage = useContainerUsage(runningShown);
  const projectActions = useProjectActions({ all, onCommand: setLastCommand, onFailures: setFailures });
  const existing = useMemo(() => all.filter((c) => selection.has(c.id)), [all, selection]);
  // Actions take only the ticked containers the person can see; ticks the search or filter hides are
  // kept (and counted), never acted on.
  const { shown: selected, hidden } = useMemo(() => visibleSelection(shown, (c) => c.id, selection), [shown, selection]);

  // The Delete key asks to remove what is ticked and shown, through the same dialog as the button.
  const removable = selected.length > 0 && usable;
  useEffect(() => onRemoveKey(() => removable && setDialog('remove')), [removable]);

  // A container removed (here or from the CLI) leaves the selection too.
  useEffect(() => {
    if (existing.length !== selection.size) setSelection(existing.map((c) => c.id));
  }, [existing, selection]);

  const report = (targets: readonly ContainerSummary[], outcomes: ActionOutcome[]) => {
    const byId = new Map(targets.map((c) => [c.id, c.name]));
    const items = outcomes
      .filter((o) => !o.ok && o.error)
      .map((o) => ({ name: byId.get(o.id) ?? o.id.slice(0, 12), error: o.error! }));
    setFailures(items.length ? { total: outcomes.length, items } : undefined);
  };

  const act = useMutation({
    mutationFn: ({ action, targets }: { action: ContainerAction; targets: ContainerSummary[] }) =>
      berth.containers.act.mutate({ ids: targets.map((c) => c.id), action }),
    onMutate: ({ action, targets }) => {
      setFailures(undefined);
      setLastCommand(containerActionCommand(action, targets.map((c) => c.name)));
    },
    onSuccess: (outcomes, { targets }) => report(targets, outcomes),
    onError: (e) => setFailures({ total: 1, items: [{ name: '', error: toBerthError(e) }] }),
    onSettled: () => engineId && queryClient.invalidateQueries({ queryKey: queryKeys.resource(engineId, 'containers') }),
  });

  const remove = useMutation({
    mutationFn: ({ targets, removeVolumes, force }: { targets: ContainerSummary[]; removeVolumes: boolean; force: boolean }) =>
      berth.containers.remove.mutate({ ids: targets.map((c) => c.id), removeVolumes, force }),
    onMutate: ({ targets, removeVolumes, force }) => {
      setFailures(undefined);
      setLastCommand(containerRemoveCommand(targets.map((c) => c.name), { removeVolumes, force }));
    },
    onSuccess: (outcomes, { targets }) => report(targets, outcomes),
    onError: (e) => setFailures({ total: 1, items: [{ name: '', error: toBerthError(e) }] }),
    onSettled: () => engineId && queryClient.invalidateQueries({ queryKey: queryKeys.resource(engineId, 'containers') }),
  });

  if (openProjectName) return <ProjectDetail name={openProjectName} />;
  return (
    <section className="view" aria-labelledby="containers-title">
      <header className="view__header">
        <h1 id="containers-title">{t('containers.title')}</h1>
        <span className="view__count">
          {t('containers.count', { count: shown.length })}
          {existing.length > 0 &&
            ` · ${hidden > 0 ? t('containers.selectedHidden', { count: selected.length, hidden }) : t('containers.selectedCount', { count: selected.length })}`}
        </span>
        <div className="view__filters">
          <input
            type="search"
            className="input"
            aria-label={t('common.search')}
            title="/"
            placeholder={t('containers.searchPlaceholder')}
            value={search}
            onChange={(e) => setContainerSearch(e.target.value)}
          />
          <label className="select-field">
            <span>{t('containers.filterLabel')}</span>
            <select value={filter} onChange={(e) => setContainerFilter(e.target.value as ContainerFilter)}>
              <option value="all">{t('containers.filterAll')}</option>
              <option value="running">{t('containers.filterRunning')}</option>
              <option value="healthy">{t('containers.health.healthy')}</option>
              <option value="unhealthy">{t('containers.health.unhealthy')}</option>
              <option value="starting">{t('containers.health.starting')}</option>
            </select>
          </label>
          {projectsExist && (
            <label className="checkbox-field">
              <input type="checkbox" checked={grouped} onChange={(e) => setContainerLayout(e.target.checked ? 'projects' : 'flat')} />
              <span>{t('projectList.group')}</span>
            </label>
          )}
          <CheckUpdatesButton />
        </div>
      </header>

      <ContainerToolbar
        selected={selected}
        usable={usable}
        busy={act.isPending || remove.isPending}
        onAction={(action, targets) => {
          // Starting something is the gesture a browser wants before it lets Berth tell of crashes later.
          if (action === 'start' || action === 'restart' || action === 'unpause') mayNotifyLater();
          act.mutate({ action, targets });
        }}
        onRename={() => setDialog('rename')}
        onRemove={() => setDialog('remove')}
      />
      <CommandPreview
        label={lastCommand ? t('containers.lastCommand') : t('containers.listCommand')}
        command={lastCommand ?? containerListCommand(filter)}
      />

      {failures && (
        <div className="error-notice" role="alert">
          {failures.items.length > 1 || failures.total > 1 ? (
            <strong className="error-notice__title">
              {t('containers.failed', { failed: failures.items.length, total: failures.total })}
            </strong>
          ) : null}
          <ul className="error-notice__list">
            {failures.items.map((f, i) => {
              const { text, quoted, hint } = errorText(i18n, f.error);
              return (
                <li key={i}>
                  {f.name && <strong>{f.name}: </strong>}
                  {text}
                  {quoted && <span className="error-notice__quoted"> “{quoted}”</span>}
                  {hint && <span className="error-notice__hint"> {hint}</span>}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <QueryErrorNotice error={error} />

      {isPending && usable ? (
        <p className="view__empty">{t('common.loading')}</p>
      ) : shown.length === 0 && !error ? (
        <p className="view__empty">
          {search ? t('containers.noMatch', { search }) : filter === 'running' && all.length ? t('containers.noRunning') : filter !== 'all' && all.length ? t('containers.noHealth') : t('containers.empty')}
          {all.length === 0 && !search && <ConceptLink concept="container" />}
        </p>
      ) : (
        <ContainerTable
          rows={rows}
          containers={shown}
          usage={usage}
          onRowsShown={setRowsShown}
          projects={{ narrowed: search.trim() !== '' || filter !== 'all', usable, busy: projectActions.busy, onRequest: projectActions.request }}
        />
      )}

      {projectActions.dialog}
      {dialog === 'rename' && selected.length === 1 && (
        <RenameDialog container={selected[0]!} onClose={() => setDialog(undefined)} />
      )}
      {dialog === 'remove' && selected.length > 0 && (
        <RemoveDialog
          containers={selected}
          onClose={() => setDialog(undefined)}
          onConfirm={(options) => {
            setDialog(undefined);
            remove.mutate({ targets: selected, ...options });
          }}
        />
      )}
    </section>
  );
}
