import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commandLine, networkCommand, networkCreateCommand } from '../../../../engine/contract/cli';
import { networkCreateInput } from '../../../../engine/contract/schemas';
import { firstProblemText } from '../../ui/inputProblem';
import type { NetworkSummary } from '../../../../engine/contract/types';
import { useEngineUsable } from '../../app/EngineBanner';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { toBerthError } from '../../rpc/errors';
import { queryKeys } from '../../rpc/queries';
import type { ContainerUsers, NetworkMember } from '../containers/container-users';
import { useContainers, useContainerUsers } from '../containers/useContainers';
import { UsersUnknown } from '../containers/UsersUnknown';
import { CommandPreview } from '../../ui/CommandPreview';
import { ConfirmActions, Dialog } from '../../ui/Dialog';
import { ErrorNotice, QueryErrorNotice } from '../../ui/ErrorNotice';
import { networkShown } from './network-shown';
import { firstNames } from '../../ui/first-names';
import { revealInvisible } from '../../../../engine/contract/visible-text';

/** Attached containers shown in a network's row before "Show N more". */
const chipsShown = 8;

/**
 * Networks: what each connects, create one, remove one (the engine refuses while in use), connect and
 * disconnect containers. Which containers each connects is joined from the containers list, which
 * follows the engine's events (a rename or removal shows here too).
 */
export function NetworksView() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const usable = useEngineUsable();
  const key = queryKeys.resource(engineId, 'networks');
  const { data: networks = [], error } = useQuery({ queryKey: key, queryFn: () => berth.networks.list.query(), enabled: Boolean(engineId) });
  const users = useContainerUsers();
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'connect' | 'remove'; network: NetworkSummary }>();
  const [lastCommand, setLastCommand] = useState<string>();
  // Networks whose every attached container is shown; others show the first few (a network with
  // hundreds of containers would otherwise make one row taller than the window).
  const [openChips, setOpenChips] = useState<ReadonlySet<string>>(new Set());
  const toggleChips = (id: string) =>
    setOpenChips((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  // Acts by id: the engine takes network names no input rule could vouch for (spaces, markup, any
  // length) and names need not be unique; the command shown names what docker would accept.
  const act = useMutation({
    mutationFn: async (action: { kind: 'rm' | 'disconnect'; network: NetworkSummary; container?: NetworkMember }) => {
      setLastCommand(networkCommand(action.kind, networkShown(action.network, networks), action.container?.name));
      if (action.kind === 'rm') await berth.networks.remove.mutate({ network: action.network.id });
      else await berth.networks.disconnect.mutate({ network: action.network.id, container: action.container!.id });
    },
    onSettled: refresh,
  });
  return (
    <section className="view" aria-labelledby="networks-title">
      <header className="view__header">
        <h1 id="networks-title">{t('networks.title')}</h1>
        <span className="view__count">{t('networks.count', { count: networks.length })}</span>
      </header>
      <div className="toolbar" role="toolbar" aria-label={t('networks.actions')}>
        <button type="button" className="button button--primary" disabled={!usable} onClick={() => setDialog({ kind: 'create' })}>
          {t('networks.createButton')}
        </button>
      </div>
      <CommandPreview label={lastCommand ? t('containers.lastCommand') : t('containers.listCommand')} command={lastCommand ?? commandLine(['network', 'ls'])} />
      {act.error && <ErrorNotice error={toBerthError(act.error)} />}
      <QueryErrorNotice error={error} />
      <table className="simple-table">
        <thead>
          <tr>
            <th>{t('networks.columns.name')}</th>
            <th>{t('networks.columns.driver')}</th>
            <th>{t('networks.columns.subnet')}</th>
            <th>{t('networks.columns.containers')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {[...networks]
            .sort((a, b) => Number(a.builtIn) - Number(b.builtIn) || a.name.localeCompare(b.name))
            .map((network) => {
              const members = users.ofNetwork(network);
              // Its name alone does not pick it out (a twin, or another network's id begins so): its short id does.
              const ambiguous = networkShown(network, networks) !== network.name;
              return (
                <tr key={network.id} aria-label={network.name}>
                  <td className="cell--mono cell--long-name">
                    <span className="long-name">{revealInvisible(network.name)}</span>
                    {ambiguous && <span className="cell--muted"> {network.id.slice(0, 12)}</span>}
                    {network.builtIn && <span className="state-badge">{t('networks.builtIn')}</span>}
                  </td>
                  <td>{network.driver}</td>
                  <td className="cell--mono">{network.subnets.join(', ') || '—'}</td>
                  <td>
                    {!users.known ? (
                      <UsersUnknown users={users} />
                    ) : (
                      <span className="chips">
                        {(openChips.has(network.id) ? members : firstNames(members, chipsShown).shown).map((c) => (
                          <span key={c.id} className="chip">
                            {revealInvisible(c.name)}
                            <button
                              type="button"
                              className="chip__remove"
                              aria-label={t('networks.disconnectOne', { container: c.name, network: network.name })}
                              disabled={!usable || act.isPending}
                              onClick={() => act.mutate({ kind: 'disconnect', network, container: c })}
                            >
                              ×
                            </button>
                          </span>
                        ))}
                        {members.length > chipsShown + 1 && (
                          <button type="button" className="link-button" onClick={() => toggleChips(network.id)}>
                            {openChips.has(network.id) ? t('lists.showFewer') : t('lists.showMore', { count: members.length - chipsShown })}
                          </button>
                        )}
                      </span>
                    )}
                  </td>
                  <td className="cell--actions">
                    {network.name !== 'host' && network.name !== 'none' && (
                      <button type="button" className="button button--small" disabled={!usable} aria-label={t('networks.connectTo', { network: network.name })} onClick={() => setDialog({ kind: 'connect', network })}>
                        {t('networks.connect')}
                      </button>
                    )}
                    {!network.builtIn && (
                      <button type="button" className="button button--small button--danger" disabled={!usable || act.isPending} aria-label={t('networks.removeOne', { network: network.name })} onClick={() => setDialog({ kind: 'remove', network })}>
                        {t('networks.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
      {dialog?.kind === 'create' && <CreateNetworkDialog existing={networks.map((n) => n.name)} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'connect' && <ConnectDialog network={dialog.network} shown={networkShown(dialog.network, networks)} users={users} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'remove' && (
        <RemoveNetworkDialog
          network={networks.find((n) => n.id === dialog.network.id) ?? dialog.network}
          shown={networkShown(dialog.network, networks)}
          users={users}
          onClose={() => setDialog(undefined)}
          onConfirm={() => {
            setDialog(undefined);
            act.mutate({ kind: 'rm', network: dialog.network });
          }}
        />
      )}
    </section>
  );
}

/**
 * Asks before removing a network, naming every attached container, stopped ones too: the engine
 * removes a network with only stopped containers attached, and those then cannot start.
 */
function RemoveNetworkDialog({ network, shown, users, onClose, onConfirm }: { network: NetworkSummary; shown: string; users: ContainerUsers; onClose: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  // From the containers list, which follows the engine's events: as of now, stopped ones too.
  const attached = users.ofNetwork(network);
  const anyRunning = attached.some((c) => c.running);
  const anyStopped = attached.some((c) => !c.running);
  return (
    <Dialog title={t('networks.removeTitle', { network: network.name })} onClose={onClose}>
      <p>{t('networks.removeBody')}</p>
      {/* Not the shared "not known" line: the engine does remove a network that stopped containers are on. */}
      {!users.known && <p className="dialog__warning">{t('networks.attachedUnknown')}</p>}
      {!users.known ? null : attached.length === 0 ? (
        <p className="cell--muted">{t('networks.noneAttached')}</p>
      ) : (
        <>
          <p>{t('networks.attached')}</p>
          <ul className="dialog__list" aria-label={t('networks.attached')}>
            {attached.map((c) => (
              <li key={c.id}>
                {c.name} <span className="cell--muted">({c.running ? t('networks.running') : t('networks.stopped')})</span>
              </li>
            ))}
          </ul>
          {anyRunning && <p className="notice">{t('networks.runningRefuses')}</p>}
          {anyStopped && <p className="notice">{t('networks.stoppedCannotStart')}</p>}
        </>
      )}
      <CommandPreview command={networkCommand('rm', shown)} />
      <ConfirmActions cancel={t('common.cancel')} confirm={t('networks.removeConfirm')} onCancel={onClose} onConfirm={onConfirm} />
    </Dialog>
  );
}

function CreateNetworkDialog({ existing, onClose }: { existing: readonly string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [subnet, setSubnet] = useState('');
  const problem = name || subnet ? (firstProblemText(t, networkCreateInput, { name, subnet }) ?? (existing.includes(name) ? t('networks.exists', { name }) : undefined)) : undefined;
  const create = useMutation({ mutationFn: () => berth.networks.create.mutate({ name, subnet }), onSuccess: onClose });
  return (
    <Dialog title={t('networks.createTitle')} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name && !problem) create.mutate();
        }}
      >
        <label className="field">
          <span className="field__label">{t('networks.name')}</span>
          <input className="input" autoFocus value={name} placeholder="app-net" onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('networks.subnet')}</span>
          <input className="input" value={subnet} placeholder="172.28.0.0/16" onChange={(e) => setSubnet(e.target.value)} />
        </label>
        {problem && <span className="field__problem">{problem}</span>}
        <CommandPreview command={networkCreateCommand(name, subnet)} />
        {create.error && <ErrorNotice error={toBerthError(create.error)} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!name || Boolean(problem) || create.isPending}>
            {t('networks.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ConnectDialog({ network, shown, users, onClose }: { network: NetworkSummary; shown: string; users: ContainerUsers; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const attached = new Set(users.ofNetwork(network).map((c) => c.id));
  const containers = (useContainers().data ?? []).filter((c) => !attached.has(c.id));
  // The container's id travels; its name (which may be longer than any input rule allows) is shown.
  const [container, setContainer] = useState('');
  const containerName = containers.find((c) => c.id === container)?.name;
  const connect = useMutation({
    mutationFn: () => berth.networks.connect.mutate({ network: network.id, container }),
    onSuccess: () => {
      // The engine sends no event when it connects a container that is not running: ask for the rows again.
      void queryClient.invalidateQueries({ queryKey: queryKeys.resource(engineId, 'containers') });
      onClose();
    },
  });
  return (
    <Dialog title={t('networks.connectTitle', { network: network.name })} onClose={onClose}>
      <label className="field">
        <span className="field__label">{t('networks.container')}</span>
        <select value={container} onChange={(e) => setContainer(e.target.value)}>
          <option value="">{t('networks.choose')}</option>
          {containers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <CommandPreview command={networkCommand('connect', shown, containerName ?? '…')} />
      {connect.error && <ErrorNotice error={toBerthError(connect.error)} />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--primary" disabled={!container || connect.isPending} onClick={() => connect.mutate()}>
          {t('networks.connect')}
        </button>
      </div>
    </Dialog>
  );
}
