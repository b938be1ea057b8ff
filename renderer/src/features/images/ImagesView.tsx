import { useMutation, useQuery } from '@tanstack/react-query';
import { Fragment, useEffect, useMemo, useState, type ReactNode } from 'react';
import { onRemoveKey, requestPull, useKeyboardStore } from '../../app/keyboard/keyboard-store';
import { useTranslation } from 'react-i18next';
import { commandLine, imageRemoveCommand } from '../../../../engine/contract/cli';
import type { ActionOutcome, ImageSummary } from '../../../../engine/contract/types';
import { useEngineUsable } from '../../app/EngineBanner';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { imagesQuery } from '../../rpc/queries';
import { openImage } from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import { ConfirmActions, Dialog } from '../../ui/Dialog';
import { QueryErrorNotice } from '../../ui/ErrorNotice';
import { FailureList } from '../../ui/FailureList';
import { compareText, formatBytes, formatRelativeTime, shortId } from '../../ui/format';
import { useSelection, visibleSelection } from '../../ui/useSelection';
import { useVirtualRows } from '../../ui/useVirtualRows';
import '../../ui/virtual-table.css';
import { forceCanRemoveImage, imageNames, removalOutcome, shortDigestReference, type ImageNameKind } from './image-names';
import { useContainers, useContainerUsers } from '../containers/useContainers';
import { UsersUnknown, UsersUnknownWarning } from '../containers/UsersUnknown';
import { PruneDialog } from './PruneDialog';
import { PullDialog } from './PullDialog';
import { BuildDialog } from './BuildDialog';
import { LoginDialog, PushDialog, TagDialog } from './RegistryDialogs';
import { RunDialog } from './RunDialog';
import { ConceptLink } from '../welcome/ConceptLink';
import { ImageMoves } from '../moves/ImageMoves';
import { useFirstRowsMark } from '../../ui/timing';

/** One row per name, as `docker images` lists them: removing a row removes that name (the image goes with its last one). */
interface ImageRow {
  /** The name to act on: repository:tag, repository@sha256:… for an image pulled by digest only, or the image id. */
  ref: string;
  kind: ImageNameKind;
  image: ImageSummary;
}

function toRows(images: readonly ImageSummary[]): ImageRow[] {
  return images.flatMap((image) => imageNames(image).map(({ ref, kind }) => ({ ref, kind, image })));
}

/**
 * A row's height in pixels before it is measured (one line, its small buttons): a list drawn ahead
 * while hidden is measured only when shown, and a wrong guess draws it again then (issue 17).
 */
const rowPx = 37;

export function ImagesView() {
  const { t, i18n } = useTranslation();
  const engineId = useEngineStatus()?.endpoint.id;
  const usable = useEngineUsable();
  // The list kept warm (rpc/warm-lists.ts) shows at once; opening the view still asks again behind it,
  // since an image built without a name (BuildKit, or the CLI) makes no event to tell of it.
  const { data: images = [], error, isPending } = useQuery({ ...imagesQuery(engineId ?? ''), enabled: Boolean(engineId), refetchOnMount: 'always' });
  const [search, setSearch] = useState('');
  const { selected, toggle, setSelected } = useSelection();
  const [dialog, setDialog] = useState<
    | { kind: 'prune' | 'remove' | 'build' }
    | { kind: 'run' | 'tag' | 'push'; image: string }
    /** `retry`: the pull to start by itself once shown again after a login. */
    | { kind: 'pull'; reference?: string; retry?: boolean }
    /** `then`: the pull that asked for this login, started again once it succeeds. */
    | { kind: 'login'; server?: string; then?: string }
  >();
  const [lastCommand, setLastCommand] = useState<string>();
  // "pull …" in the quick-search palette opens the Pull dialog here with its text.
  const requestedPull = useKeyboardStore((s) => s.requestedPull);
  const [failures, setFailures] = useState<ActionOutcome[]>([]);

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return toRows(images)
      .filter((row) => !needle || row.ref.toLowerCase().includes(needle) || row.image.id.includes(needle))
      .sort((a, b) => b.image.created - a.image.created || compareText(a.ref, b.ref));
  }, [images, search]);
  const { scrollRef, items, paddingTop, paddingBottom, measure } = useVirtualRows(rows.length, rowPx);
  useFirstRowsMark('images', images.length); // bench/ measures request → rows on screen to here
  // Only ticked rows the person can see are acted on; ticks the search hides are counted, not used.
  const { shown: chosen, hidden } = visibleSelection(rows, (row) => row.ref, selected);
  const chosenRefs = chosen.map((row) => row.ref);
  const { data: containers = [] } = useContainers();
  const users = useContainerUsers();
  const runningNames = useMemo(() => new Set(containers.filter((c) => c.state === 'running' || c.state === 'restarting').map((c) => c.name)), [containers]);
  const forceable = failures.filter((f) => forceCanRemoveImage(f.error?.reason));

  const remove = useMutation({
    mutationFn: ({ refs, force }: { refs: string[]; force: boolean }) => berth.images.remove.mutate({ ids: refs, force }),
    onMutate: ({ refs, force }) => setLastCommand(imageRemoveCommand(refs, force)),
    onSuccess: (outcomes) => {
      setFailures(outcomes.filter((o) => !o.ok));
      setSelected(new Set(outcomes.filter((o) => !o.ok).map((o) => o.id)));
    },
  });

  // The Delete key asks to remove the ticked images, through the same dialog as the button.
  const removable = usable && chosen.length > 0 && !remove.isPending;
  useEffect(() => onRemoveKey(() => removable && setDialog({ kind: 'remove' })), [removable]);

  return (
    <section className="view" aria-labelledby="images-title">
      <header className="view__header">
        <h1 id="images-title">{t('images.title')}</h1>
        <span className="view__count">
          {t('images.count', { count: rows.length })}
          {selected.size > 0 &&
            ` · ${hidden > 0 ? t('images.selectedHidden', { count: chosen.length, hidden }) : t('images.selectedCount', { count: chosen.length })}`}
        </span>
        <div className="view__filters">
          <input
            type="search"
            className="input"
            aria-label={t('images.search')}
            title="/"
            placeholder={t('images.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
      </header>
      <div className="toolbar" role="toolbar" aria-label={t('images.actions')}>
        <button type="button" className="button button--primary" disabled={!usable} onClick={() => setDialog({ kind: 'pull' })}>
          {t('images.pull')}
        </button>
        <button type="button" className="button" disabled={!usable} onClick={() => setDialog({ kind: 'build' })}>
          {t('build.button')}
        </button>
        <button type="button" className="button" disabled={!usable} onClick={() => setDialog({ kind: 'run', image: '' })}>
          {t('images.runNew')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={!usable || chosen.length === 0 || remove.isPending}
          title="Delete"
          onClick={() => setDialog({ kind: 'remove' })}
        >
          {t('images.remove')}
        </button>
        <button type="button" className="button" disabled={!usable} onClick={() => setDialog({ kind: 'prune' })}>
          {t('images.prune')}
        </button>
        <ImageMoves chosen={chosenRefs} usable={usable} />
        <button type="button" className="button" disabled={!usable} onClick={() => setDialog({ kind: 'login' })}>
          {t('registry.loginButton')}
        </button>
      </div>
      <CommandPreview
        label={lastCommand ? t('containers.lastCommand') : t('containers.listCommand')}
        command={lastCommand ?? commandLine(['images'])}
      />
      <FailureList failures={failures}>
        {/* Force only where it can work: never for an image a running container uses (the engine refuses that too). */}
        {forceable.length > 0 && (
          <button type="button" className="button button--small" onClick={() => remove.mutate({ refs: forceable.map((f) => f.id), force: true })}>
            {t('images.forceRemove')}
          </button>
        )}
      </FailureList>
      <QueryErrorNotice error={error} />
      {!isPending && rows.length === 0 && !error && <p className="view__empty">{t('images.empty')}<ConceptLink concept="image" /></p>}
      {rows.length > 0 && (
        <div className="virtual-table" ref={scrollRef}>
        <table className="simple-table">
          <thead>
            <tr>
              <th aria-label={t('images.select')} />
              <th>{t('images.columns.tags')}</th>
              <th>{t('images.columns.id')}</th>
              <th>{t('images.columns.size')}</th>
              <th>{t('images.columns.created')}</th>
              <th>{t('images.columns.containers')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr className="virtual-table__spacer" aria-hidden="true">
                <td colSpan={7} style={{ height: paddingTop }} />
              </tr>
            )}
            {items.map((item) => {
              const { ref, kind, image } = rows[item.index]!;
              return (
              <tr key={ref} ref={measure} data-index={item.index}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('images.selectOne', { name: ref })}
                    checked={selected.has(ref)}
                    onChange={() => toggle(ref)}
                  />
                </td>
                <td>
                  <button type="button" className="link-button" title={kind === 'digest' ? ref : undefined} onClick={() => openImage(kind === 'id' ? image.id : ref)}>
                    {kind === 'id' ? t('images.untagged') : kind === 'digest' ? shortDigestReference(ref) : breakableReference(ref)}
                  </button>
                  {kind === 'id' && <span className="state-badge state-badge--paused">{t('images.dangling')}</span>}
                  {kind === 'digest' && (
                    <span className="state-badge state-badge--paused" title={t('images.noTagTitle')}>
                      {t('images.noTag')}
                    </span>
                  )}
                </td>
                <td className="cell--mono">{shortId(image.id)}</td>
                <td className="cell--nowrap">{formatBytes(image.size, i18n.language)}</td>
                <td>{formatRelativeTime(image.created, i18n.language)}</td>
                <td title={users.ofImage(image.id).join(', ')}>{!users.known ? <UsersUnknown users={users} /> : users.ofImage(image.id).length ? t('images.inUse', { count: users.ofImage(image.id).length }) : '—'}</td>
                <td className="cell--actions">
                  <button
                    type="button"
                    className="button button--small"
                    disabled={!usable}
                    aria-label={t('images.runOne', { name: ref })}
                    onClick={() => setDialog({ kind: 'run', image: kind === 'id' ? image.id : ref })}
                  >
                    {t('images.run')}
                  </button>
                  <button type="button" className="button button--small" disabled={!usable} aria-label={t('registry.tagOne', { name: ref })} onClick={() => setDialog({ kind: 'tag', image: kind === 'id' ? image.id : ref })}>
                    {t('registry.tagButton')}
                  </button>
                  {kind === 'tag' && (
                    <button type="button" className="button button--small" disabled={!usable} aria-label={t('registry.pushOne', { name: ref })} onClick={() => setDialog({ kind: 'push', image: ref })}>
                      {t('registry.push')}
                    </button>
                  )}
                </td>
              </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr className="virtual-table__spacer" aria-hidden="true">
                <td colSpan={7} style={{ height: paddingBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        </div>
      )}
      {requestedPull !== undefined && (
        <PullDialog
          initial={requestedPull}
          onClose={() => requestPull(undefined)}
          onLoginNeeded={(server, reference) => {
            requestPull(undefined);
            setDialog({ kind: 'login', server, then: reference });
          }}
        />
      )}
      {dialog?.kind === 'pull' && (
        <PullDialog
          initial={dialog.reference}
          autoStart={dialog.retry}
          onClose={() => setDialog(undefined)}
          onLoginNeeded={(server, reference) => setDialog({ kind: 'login', server, then: reference })}
        />
      )}
      {dialog?.kind === 'prune' && <PruneDialog onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'run' && <RunDialog image={dialog.image} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'tag' && <TagDialog source={dialog.image} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'push' && <PushDialog reference={dialog.image} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'login' && (
        <LoginDialog
          initialServer={dialog.server}
          onClose={() => setDialog(undefined)}
          {...(dialog.then ? { onLoggedIn: () => setDialog({ kind: 'pull', reference: dialog.then, retry: true }) } : {})}
        />
      )}
      {dialog?.kind === 'build' && <BuildDialog onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'remove' && (
        <Dialog title={t('images.removeTitle', { count: chosen.length })} onClose={() => setDialog(undefined)}>
          <p>{t('images.removeBody')}</p>
          <UsersUnknownWarning users={users} />
          <ul className="dialog__list">
            {chosen.map(({ ref, image }) => {
              const outcome = removalOutcome(ref, { tags: image.tags, usedBy: users.ofImage(image.id) }, chosenRefs, runningNames);
              const said =
                outcome.kind === 'untag'
                  ? t('images.removeUntagOnly', { names: outcome.keeps.join(', ') })
                  : outcome.kind === 'refused'
                    ? t('images.removeRefused', { names: outcome.running.join(', ') })
                    : outcome.usedBy.length
                      ? `${t('images.removeDeletes')}; ${t('images.usedBy', { names: outcome.usedBy.join(', ') })}`
                      : t('images.removeDeletes');
              return (
                <li key={ref}>
                  {ref}
                  <span className={outcome.kind === 'refused' ? 'field__problem' : 'cell--muted'}> — {said}</span>
                </li>
              );
            })}
          </ul>
          <CommandPreview command={imageRemoveCommand(chosen.map((row) => row.ref), false)} />
          <ConfirmActions
            cancel={t('common.cancel')}
            confirm={t('images.removeConfirm')}
            onCancel={() => setDialog(undefined)}
            onConfirm={() => {
                setDialog(undefined);
                setFailures([]);
                remove.mutate({ refs: chosen.map((row) => row.ref), force: false });
              }}
          />
        </Dialog>
      )}
    </section>
  );
}

/** A reference with a line-break opportunity after each "/", so a small window wraps it between path parts rather than pushing the row's actions out of view. */
function breakableReference(reference: string): ReactNode {
  return reference.split('/').map((part, i, parts) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ));
}
