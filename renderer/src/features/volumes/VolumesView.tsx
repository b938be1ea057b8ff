import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, useEffect, useMemo, useState } from 'react';
import { onRemoveKey } from '../../app/keyboard/keyboard-store';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { firstNames } from '../../ui/first-names';
import { commandLine, volumeRemoveCommand } from '../../../../engine/contract/cli';
import type { ActionOutcome, VolumeSummary } from '../../../../engine/contract/types';
import { useEngineUsable } from '../../app/EngineBanner';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { useContainerUsers } from '../containers/useContainers';
import { UsersUnknown, UsersUnknownWarning } from '../containers/UsersUnknown';
import type { ContainerUsers } from '../containers/container-users';
import { volumeSizesQuery, volumesQuery } from '../../rpc/queries';
import { openVolume } from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import { ConfirmActions, Dialog } from '../../ui/Dialog';
import { QueryErrorNotice } from '../../ui/ErrorNotice';
import { FailureList } from '../../ui/FailureList';
import { compareText, formatBytes, formatDate } from '../../ui/format';
import { useSelection } from '../../ui/useSelection';
import { useVirtualRows } from '../../ui/useVirtualRows';
import '../../ui/virtual-table.css';
import { ImportVolumeDialog } from './VolumeBackupDialogs';
import { CreateVolumeDialog, PruneVolumesDialog } from './VolumeDialogs';
import { ConceptLink } from '../welcome/ConceptLink';
import { usePaintedSinceShown, useFirstRowsMark } from '../../ui/timing';

const noVolumes: readonly VolumeSummary[] = [];
const noSizes: Readonly<Record<string, number>> = {};
/** A row's height in pixels before it is measured (one line of text; a long name wraps and measures more). */
const rowPx = 36;

/**
 * The list sorted by name, once per answer: opening the view again (or a second view of the same
 * answer) finds it sorted already. 1,000 names take ~1 ms to sort, a tenth of opening the view.
 */
const sortedAnswers = new WeakMap<readonly VolumeSummary[], readonly VolumeSummary[]>();
function sortedByName(volumes: readonly VolumeSummary[]): readonly VolumeSummary[] {
  let sorted = sortedAnswers.get(volumes);
  if (!sorted) sortedAnswers.set(volumes, (sorted = [...volumes].sort((a, b) => compareText(a.name, b.name))));
  return sorted;
}

export function VolumesView() {
  const { t, i18n } = useTranslation();
  const engineId = useEngineStatus()?.endpoint.id;
  const usable = useEngineUsable();
  const { data: volumes = noVolumes, error, isPending, isFetching } = useQuery({ ...volumesQuery(engineId ?? ''), enabled: Boolean(engineId) });
  // Sizes wait while the list is being asked for (a view opened before its list was warm, or a volume
  // event's refresh, which only marks them stale): the engine's system df walks every volume, and
  // asked at the same time it slows the list's own answer (issue 17). They also wait for the rows'
  // first paint: asking (and the answer's render) is no part of opening.
  const painted = usePaintedSinceShown();
  const { data: sizes = noSizes } = useQuery({ ...volumeSizesQuery(engineId ?? ''), enabled: Boolean(engineId) && !isFetching && painted });
  // Files written into a volume make no event, so each showing asks for the sizes again, behind the
  // sizes last known. A view kept while hidden is not mounted again when shown: its effects are.
  const queryClient = useQueryClient();
  useEffect(() => {
    if (painted && engineId) void queryClient.invalidateQueries({ queryKey: volumeSizesQuery(engineId).queryKey, exact: true }, { cancelRefetch: false });
  }, [painted, engineId, queryClient]);
  const users = useContainerUsers();
  const [search, setSearch] = useState('');
  const { selected, toggle, setSelected } = useSelection();
  const [dialog, setDialog] = useState<'create' | 'remove' | 'prune' | 'import'>();
  const [lastCommand, setLastCommand] = useState<string>();
  const [failures, setFailures] = useState<ActionOutcome[]>([]);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const sorted = sortedByName(volumes);
    return needle ? sorted.filter((v) => v.name.toLowerCase().includes(needle)) : sorted;
  }, [volumes, search]);
  const { scrollRef, items, paddingTop, paddingBottom, measure } = useVirtualRows(shown.length, rowPx);
  useFirstRowsMark('volumes', volumes.length); // bench/ measures request → rows on screen to here
  const chosen = volumes.filter((v) => selected.has(v.name));
  const remove = useMutation({
    mutationFn: (names: string[]) => berth.volumes.remove.mutate({ names }),
    onMutate: (names) => setLastCommand(volumeRemoveCommand(names)),
    onSuccess: (outcomes) => {
      setFailures(outcomes.filter((o) => !o.ok));
      setSelected(new Set(outcomes.filter((o) => !o.ok).map((o) => o.id)));
    },
  });
  // The Delete key asks to remove the ticked volumes, through the same dialog as the button.
  const removable = usable && chosen.length > 0;
  useEffect(() => onRemoveKey(() => removable && setDialog('remove')), [removable]);

  return (
    <section className="view" aria-labelledby="volumes-title">
      <header className="view__header">
        <h1 id="volumes-title">{t('volumes.title')}</h1>
        <span className="view__count">{t('volumes.count', { count: shown.length })}</span>
        <div className="view__filters">
          <input type="search" className="input" title="/" aria-label={t('volumes.search')} placeholder={t('volumes.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
      </header>
      <div className="toolbar" role="toolbar" aria-label={t('volumes.actions')}>
        <button type="button" className="button button--primary" disabled={!usable} onClick={() => setDialog('create')}>
          {t('volumes.createButton')}
        </button>
        <button type="button" className="button button--danger" disabled={!usable || !chosen.length} title="Delete" onClick={() => setDialog('remove')}>
          {t('volumes.remove')}
        </button>
        <button type="button" className="button" disabled={!usable} onClick={() => setDialog('prune')}>
          {t('volumes.prune')}
        </button>
        <button type="button" className="button" disabled={!usable} onClick={() => setDialog('import')}>
          {t('backup.importButton')}
        </button>
      </div>
      <CommandPreview label={lastCommand ? t('containers.lastCommand') : t('containers.listCommand')} command={lastCommand ?? commandLine(['volume', 'ls'])} />
      <FailureList failures={failures} />
      <QueryErrorNotice error={error} />
      {!isPending && shown.length === 0 && !error && <p className="view__empty">{t('volumes.empty')}<ConceptLink concept="volume" /></p>}
      {shown.length > 0 && (
        <div className="virtual-table" ref={scrollRef}>
        <table className="simple-table">
          <thead>
            <tr>
              <th aria-label={t('volumes.select')} />
              <th>{t('volumes.columns.name')}</th>
              <th>{t('volumes.columns.driver')}</th>
              <th>{t('volumes.columns.size')}</th>
              <th>{t('volumes.columns.created')}</th>
              <th>{t('volumes.columns.usedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr className="virtual-table__spacer" aria-hidden="true">
                <td colSpan={6} style={{ height: paddingTop }} />
              </tr>
            )}
            {items.map((item) => {
              const volume = shown[item.index]!;
              return (
                <VolumeRow
                  key={volume.name}
                  volume={volume}
                  index={item.index}
                  measure={measure}
                  checked={selected.has(volume.name)}
                  toggle={toggle}
                  size={sizes[volume.name]}
                  users={users}
                  t={t}
                  language={i18n.language}
                />
              );
            })}
            {paddingBottom > 0 && (
              <tr className="virtual-table__spacer" aria-hidden="true">
                <td colSpan={6} style={{ height: paddingBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        </div>
      )}
      {dialog === 'create' && <CreateVolumeDialog existing={volumes.map((v) => v.name)} onClose={() => setDialog(undefined)} />}
      {dialog === 'prune' && <PruneVolumesDialog onClose={() => setDialog(undefined)} />}
      {dialog === 'import' && <ImportVolumeDialog onClose={() => setDialog(undefined)} />}
      {dialog === 'remove' && (
        <Dialog title={t('volumes.removeTitle', { count: chosen.length })} onClose={() => setDialog(undefined)}>
          <p>{t('volumes.removeBody')}</p>
          <UsersUnknownWarning users={users} />
          <ul className="dialog__list">
            {chosen.map((v) => (
              <li key={v.name}>
                {v.name}
                {users.ofVolume(v.name).length > 0 && <span className="dialog__warning"> — {t('volumes.keptInUse', { names: users.ofVolume(v.name).join(', ') })}</span>}
              </li>
            ))}
          </ul>
          <CommandPreview command={volumeRemoveCommand(chosen.map((v) => v.name))} />
          <ConfirmActions
            cancel={t('common.cancel')}
            confirm={t('volumes.removeConfirm')}
            onCancel={() => setDialog(undefined)}
            onConfirm={() => {
                setDialog(undefined);
                setFailures([]);
                remove.mutate(chosen.map((v) => v.name));
              }}
          />
        </Dialog>
      )}
    </section>
  );
}

interface VolumeRowProps {
  volume: VolumeSummary;
  index: number;
  measure: (row: HTMLTableRowElement | null) => void;
  checked: boolean;
  toggle: (name: string) => void;
  /** Bytes, once the engine's system df has answered. */
  size: number | undefined;
  users: ContainerUsers;
  t: TFunction;
  language: string;
}

/**
 * One volume's row, drawn again only when what it shows changes: the view draws again for much that
 * leaves rows as they were (a refetch starting, a tick elsewhere, a dialog), and each row costs a few
 * translations (issue 17).
 */
const VolumeRow = memo(function VolumeRow({ volume, index, measure, checked, toggle, size, users, t, language }: VolumeRowProps) {
  return (
    <tr ref={measure} data-index={index}>
      <td>
        <input type="checkbox" aria-label={t('volumes.selectOne', { name: volume.name })} checked={checked} onChange={() => toggle(volume.name)} />
      </td>
      <td className="cell--mono cell--long-name" title={volume.mountpoint}>
        <button type="button" className="link-button" aria-label={t('files.browse', { name: volume.name })} onClick={() => openVolume(volume.name)}>
          {volume.name}
        </button>
        {volume.anonymous && <span className="state-badge">{t('volumes.anonymous')}</span>}
      </td>
      <td>{volume.driver}</td>
      <td>{size !== undefined ? formatBytes(size, language) : '—'}</td>
      <td>{volume.created ? formatDate(volume.created, language) : '—'}</td>
      <UsersCell users={users} names={users.ofVolume(volume.name)} t={t} />
    </tr>
  );
});

/** Who uses a volume: the first few names on one line, the rest counted (every name in the tooltip). */
function UsersCell({ users, names, t }: { users: ContainerUsers; names: readonly string[]; t: TFunction }) {
  // `t` comes from the view: a translation hook per cell was a tenth of opening the view (issue 17).
  if (!users.known) return <td><UsersUnknown users={users} /></td>;
  if (!names.length) return <td><span className="cell--muted">{t('volumes.unused')}</span></td>;
  const { shown, more } = firstNames(names, 3);
  return (
    <td title={names.join(', ')}>
      {shown.join(', ')}
      {more > 0 && <span className="cell--muted"> {t('lists.andMore', { count: more })}</span>}
    </td>
  );
}
