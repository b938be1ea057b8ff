import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SwarmService } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { QueryErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { convergingRefetchMs, tasksConverging } from './converging';
import { swarmKeys, useSwarmEngineId } from './useSwarm';

/** A service's tasks as `docker service ps` lists them: slot, node, desired and current state, and the error text (as text). */
export function ServiceTasks({ service, columns }: { service: SwarmService; columns: number }) {
  const { t, i18n } = useTranslation();
  const engineId = useSwarmEngineId();
  const { data: tasks, error } = useQuery({
    queryKey: swarmKeys.tasks(engineId, service.id), queryFn: () => berth.swarm.tasks.query({ service: service.id }),
    refetchInterval: (query) => (tasksConverging(query.state.data) ? convergingRefetchMs : false),
  });
  return (
    <tr className="swarm-tasks">
      <td colSpan={columns}>
        <QueryErrorNotice error={error} />
        {tasks && tasks.length === 0 && <p className="cell--muted">{t('swarm.tasksNone')}</p>}
        {tasks && tasks.length > 0 && (
          <table className="simple-table" aria-label={t('swarm.tasksOf', { service: service.name })}>
            <thead>
              <tr>
                <th>{t('swarm.columns.slot')}</th>
                <th>{t('swarm.columns.node')}</th>
                <th>{t('swarm.columns.image')}</th>
                <th>{t('swarm.columns.desired')}</th>
                <th>{t('swarm.columns.state')}</th>
                <th>{t('swarm.columns.error')}</th>
                <th>{t('swarm.columns.since')}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.id}>
                  <td>{task.slot ?? '—'}</td>
                  <td className="cell--mono">{task.node ?? task.nodeId.slice(0, 12)}</td>
                  <td className="cell--mono">{task.image}</td>
                  <td>{task.desiredState}</td>
                  <td className={`swarm-state--${task.state}`}>{task.state}</td>
                  <td className="swarm-tasks__error">{task.error ?? ''}</td>
                  <td>{task.timestamp ? formatDate(task.timestamp, i18n.language) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </td>
    </tr>
  );
}
