import { useMutation } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { tKnown } from '../../i18n/keys';
import { swarmCommands } from '../../../../engine/contract/swarm';
import type { StackRemoveOutcome, SwarmNode, SwarmPort, SwarmService, SwarmStatus } from '../../../../engine/contract/types';
import { useEngineUsable } from '../../app/EngineBanner';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { CommandPreview } from '../../ui/CommandPreview';
import { ErrorNotice, QueryErrorNotice } from '../../ui/ErrorNotice';
import { DeployStackDialog } from './DeployStackDialog';
import { ServiceLogs } from './ServiceLogs';
import { ServiceTasks } from './ServiceTasks';
import { RemoveServiceDialog, RemoveStackDialog, ScaleDialog, UpdateImageDialog } from './SwarmDialogs';
import { useRefreshSwarm, useSwarmOverview } from './useSwarm';
import './swarm.css';

type Action =
  | { kind: 'scale'; service: string; replicas: number }
  | { kind: 'updateImage'; service: string; image: string }
  | { kind: 'rollback' | 'remove'; service: string }
  | { kind: 'removeStack'; stack: string };

type OpenDialog = { kind: 'scale' | 'updateImage' | 'remove'; service: SwarmService } | { kind: 'removeStack'; stack: string } | { kind: 'deploy' };

function actionCommand(action: Action): string {
  switch (action.kind) {
    case 'scale':
      return swarmCommands.scale(action.service, action.replicas);
    case 'updateImage':
      return swarmCommands.updateImage(action.service, action.image);
    case 'rollback':
      return swarmCommands.rollback(action.service);
    case 'remove':
      return swarmCommands.remove(action.service);
    case 'removeStack':
      return swarmCommands.stackRemove(action.stack);
  }
}

/** Swarm: on a manager, services grouped by stack (tasks on demand), nodes, and their actions; elsewhere, what it needs. */
export function SwarmView() {
  const { t } = useTranslation();
  const usable = useEngineUsable();
  const { data, error } = useSwarmOverview();
  const refresh = useRefreshSwarm();
  const [dialog, setDialog] = useState<OpenDialog>();
  const [lastCommand, setLastCommand] = useState<string>();
  const [openTasks, setOpenTasks] = useState<ReadonlySet<string>>(new Set());
  const [logsOf, setLogsOf] = useState<string>();
  const [stackFailures, setStackFailures] = useState<StackRemoveOutcome[]>([]);
  const act = useMutation({
    mutationFn: async (action: Action) => {
      setLastCommand(actionCommand(action));
      setStackFailures([]);
      switch (action.kind) {
        case 'scale':
          return berth.swarm.scale.mutate({ service: action.service, replicas: action.replicas });
        case 'updateImage':
          return berth.swarm.updateImage.mutate({ service: action.service, image: action.image });
        case 'rollback':
          return berth.swarm.rollback.mutate({ service: action.service });
        case 'remove':
          return berth.swarm.remove.mutate({ service: action.service });
        case 'removeStack':
          setStackFailures((await berth.swarm.removeStack.mutate({ stack: action.stack })).filter((o) => !o.ok));
      }
    },
    onSettled: refresh,
  });
  const run = (action: Action) => {
    setDialog(undefined);
    act.mutate(action);
  };
  const services = data?.services ?? [];
  const manager = data?.status.manager === true;
  const toggleTasks = (id: string) =>
    setOpenTasks((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <section className="view swarm" aria-labelledby="swarm-title">
      <header className="view__header">
        <h1 id="swarm-title">{t('swarm.title')}</h1>
        {manager && <span className="view__count">{t('swarm.count', { count: services.length })}</span>}
      </header>
      <QueryErrorNotice error={error} />
      {data && !manager && <SwarmNeeds status={data.status} />}
      {manager && (
        <>
          <div className="toolbar" role="toolbar" aria-label={t('swarm.actions')}>
            <button type="button" className="button button--primary" disabled={!usable} onClick={() => setDialog({ kind: 'deploy' })}>
              {t('swarm.deployButton')}
            </button>
          </div>
          <CommandPreview label={lastCommand ? t('containers.lastCommand') : t('containers.listCommand')} command={lastCommand ?? swarmCommands.list()} />
          {act.error && <ErrorNotice error={toBerthError(act.error)} />}
          {stackFailures.length > 0 && (
            <div>
              <p>{t('swarm.removeStackFailed')}</p>
              {stackFailures.map((o) => o.error && <ErrorNotice key={`${o.kind}/${o.name}`} title={o.name} error={o.error} />)}
            </div>
          )}
          {logsOf && <ServiceLogs key={logsOf} service={logsOf} onClose={() => setLogsOf(undefined)} />}
          {groupByStack(services).map(([stack, members]) => (
            <div key={stack ?? ''} className="swarm-group">
              <div className="swarm-group__header">
                <h2>{stack ? t('swarm.stack', { name: stack }) : t('swarm.noStack')}</h2>
                {stack && (
                  <button type="button" className="button button--small button--danger" disabled={!usable || act.isPending} onClick={() => setDialog({ kind: 'removeStack', stack })}>
                    {t('swarm.removeStackOf', { stack })}
                  </button>
                )}
              </div>
              <ServicesTable
                services={members}
                openTasks={openTasks}
                disabled={!usable || act.isPending}
                onToggleTasks={toggleTasks}
                onDialog={(kind, service) => setDialog({ kind, service })}
                onRollback={(service) => run({ kind: 'rollback', service: service.name })}
                onLogs={(service) => setLogsOf(service.name)}
              />
            </div>
          ))}
          <h2>{t('swarm.nodes')}</h2>
          <CommandPreview command={swarmCommands.nodes()} />
          <NodesTable nodes={data.nodes} />
        </>
      )}
      {dialog?.kind === 'scale' && <ScaleDialog service={dialog.service} onClose={() => setDialog(undefined)} onApply={(replicas) => run({ kind: 'scale', service: dialog.service.name, replicas })} />}
      {dialog?.kind === 'updateImage' && (
        <UpdateImageDialog service={dialog.service} onClose={() => setDialog(undefined)} onApply={(image) => run({ kind: 'updateImage', service: dialog.service.name, image })} />
      )}
      {dialog?.kind === 'remove' && <RemoveServiceDialog service={dialog.service} onClose={() => setDialog(undefined)} onConfirm={() => run({ kind: 'remove', service: dialog.service.name })} />}
      {dialog?.kind === 'removeStack' && <RemoveStackDialog stack={dialog.stack} onClose={() => setDialog(undefined)} onConfirm={() => run({ kind: 'removeStack', stack: dialog.stack })} />}
      {dialog?.kind === 'deploy' && (
        <DeployStackDialog
          onClose={() => {
            setDialog(undefined);
            void refresh();
          }}
        />
      )}
    </section>
  );
}

/** Stacks by name, then the services outside any stack. */
function groupByStack(services: readonly SwarmService[]): [string | undefined, SwarmService[]][] {
  const groups = new Map<string | undefined, SwarmService[]>();
  for (const service of services) groups.set(service.stack, [...(groups.get(service.stack) ?? []), service]);
  return [...groups.entries()].sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b)));
}

/** What the section needs on an engine that is not a manager: `docker swarm init`, or a manager to connect to. */
function SwarmNeeds({ status }: { status: SwarmStatus }) {
  const { t } = useTranslation();
  const worker = status.localNodeState === 'active' && !status.manager;
  return (
    <div className="swarm-needs" role="status">
      {status.localNodeState === 'inactive' && (
        <>
          <p>{t('swarm.needs.inactive')}</p>
          <p className="cell--muted">{t('swarm.needs.inactiveHint')}</p>
          <CommandPreview command={swarmCommands.init()} />
        </>
      )}
      {worker && (
        <>
          <p>{t('swarm.needs.worker')}</p>
          <p className="cell--muted">{t('swarm.needs.workerHint')}</p>
        </>
      )}
      {status.localNodeState === 'pending' && <p>{t('swarm.needs.pending')}</p>}
      {status.localNodeState === 'locked' && <p>{t('swarm.needs.locked')}</p>}
      {status.localNodeState === 'error' && (
        <>
          <p>{t('swarm.needs.error')}</p>
          {status.error && <blockquote className="cell--mono">{status.error}</blockquote>}
        </>
      )}
    </div>
  );
}

function portText(t: TFunction, port: SwarmPort): string {
  return tKnown(t, port.publishMode === 'host' ? 'swarm.portHost' : 'swarm.portIngress', { published: port.published ?? '—', target: port.target, protocol: port.protocol });
}

const serviceColumns = 7;

function ServicesTable({
  services,
  openTasks,
  disabled,
  onToggleTasks,
  onDialog,
  onRollback,
  onLogs,
}: {
  services: SwarmService[];
  openTasks: ReadonlySet<string>;
  disabled: boolean;
  onToggleTasks: (id: string) => void;
  onDialog: (kind: 'scale' | 'updateImage' | 'remove', service: SwarmService) => void;
  onRollback: (service: SwarmService) => void;
  onLogs: (service: SwarmService) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="simple-table">
      <thead>
        <tr>
          <th>{t('swarm.columns.name')}</th>
          <th>{t('swarm.columns.image')}</th>
          <th>{t('swarm.columns.mode')}</th>
          <th>{t('swarm.columns.replicas')}</th>
          <th>{t('swarm.columns.ports')}</th>
          <th>{t('swarm.columns.update')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {services.map((service) => {
          const open = openTasks.has(service.id);
          return (
            <Fragment key={service.id}>
              <tr aria-label={service.name}>
                <td className="cell--mono">
                  <button
                    type="button"
                    className="button button--small"
                    aria-expanded={open}
                    aria-label={t(open ? 'swarm.hideTasks' : 'swarm.showTasks', { service: service.name })}
                    onClick={() => onToggleTasks(service.id)}
                  >
                    {open ? '▾' : '▸'}
                  </button>{' '}
                  {service.name}
                </td>
                <td className="cell--mono">{service.image}</td>
                <td>{service.mode}</td>
                <td aria-label={t('swarm.replicasLabel', { running: service.running, desired: service.desired })}>
                  {t('swarm.replicas', { running: service.running, desired: service.desired })}
                </td>
                <td className="cell--mono">{service.ports.map((p) => portText(t, p)).join(', ')}</td>
                <td className={service.updateState ? `swarm-update--${service.updateState}` : undefined} title={service.updateMessage}>
                  {service.updateState ?? ''}
                </td>
                <td className="cell--actions">
                  <span className="swarm-actions">
                    {service.mode === 'replicated' && (
                      <button type="button" className="button button--small" disabled={disabled} aria-label={t('swarm.scaleOf', { service: service.name })} onClick={() => onDialog('scale', service)}>
                        {t('swarm.scale')}
                      </button>
                    )}
                    <button type="button" className="button button--small" disabled={disabled} aria-label={t('swarm.updateImageOf', { service: service.name })} onClick={() => onDialog('updateImage', service)}>
                      {t('swarm.updateImage')}
                    </button>
                    <button type="button" className="button button--small" disabled={disabled || !service.canRollback} aria-label={t('swarm.rollbackOf', { service: service.name })} onClick={() => onRollback(service)}>
                      {t('swarm.rollback')}
                    </button>
                    <button type="button" className="button button--small" aria-label={t('swarm.logsOf', { service: service.name })} onClick={() => onLogs(service)}>
                      {t('swarm.logs')}
                    </button>
                    <button type="button" className="button button--small button--danger" disabled={disabled} aria-label={t('swarm.removeOf', { service: service.name })} onClick={() => onDialog('remove', service)}>
                      {t('swarm.remove')}
                    </button>
                  </span>
                </td>
              </tr>
              {open && <ServiceTasks service={service} columns={serviceColumns} />}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

function NodesTable({ nodes }: { nodes: SwarmNode[] }) {
  const { t } = useTranslation();
  return (
    <table className="simple-table" aria-label={t('swarm.nodes')}>
      <thead>
        <tr>
          <th>{t('swarm.columns.hostname')}</th>
          <th>{t('swarm.columns.role')}</th>
          <th>{t('swarm.columns.availability')}</th>
          <th>{t('swarm.columns.status')}</th>
          <th>{t('swarm.columns.manager')}</th>
          <th>{t('swarm.columns.address')}</th>
          <th>{t('swarm.columns.engine')}</th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((node) => (
          <tr key={node.id} aria-label={node.hostname}>
            <td className="cell--mono">
              {node.hostname}
              {node.self && <span className="state-badge">{t('swarm.self')}</span>}
            </td>
            <td>{node.role}</td>
            <td>{node.availability}</td>
            <td>{node.status}</td>
            <td>{node.managerStatus ?? ''}</td>
            <td className="cell--mono">{node.address}</td>
            <td>{node.engineVersion}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
