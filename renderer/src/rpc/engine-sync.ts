import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ContainerSummary, EngineStatus } from '../../../engine/contract/types';
import { forgetShellSessions } from '../features/container-detail/shell-forget';
import { forgetTerminalTabs } from '../state/ui-store';
import { applyContainerPatch } from './container-patch';
import { berth } from './client';
import { queryKeys } from './queries';
import { refreshList, warmResources } from './list-refresh';

/**
 * Keeps react-query in step with the engine: the status stream feeds the status key, a new
 * connection generation refetches everything once, and the engine's change notices invalidate just
 * the lists they touch. This replaces polling.
 */
export function useEngineSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let generation: number | undefined;
    const status = berth.engine.watchStatus.subscribe(undefined, {
      onData(next: EngineStatus) {
        queryClient.setQueryData(queryKeys.status, next);
        if (next.state === 'connected' && next.generation !== generation) {
          // Reconnected (or first connect): whatever happened in between, show the engine as it is now.
          if (generation !== undefined) {
            void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === next.endpoint.id });
            for (const resource of warmResources) refreshList(queryClient, next.endpoint.id, resource);
          }
          generation = next.generation;
        }
      },
    });
    const changes = berth.engine.watchChanges.subscribe(undefined, {
      onData({ resources, containers }) {
        const engineId = queryClient.getQueryData<EngineStatus>(queryKeys.status)?.endpoint.id;
        if (!engineId) return;
        if (containers) {
          // The changed rows came with the notice: patch the list instead of refetching 1,000 rows.
          const key = queryKeys.resource(engineId, 'containers');
          if (queryClient.getQueryData(key)) {
            queryClient.setQueryData<ContainerSummary[]>(key, (list) => list && applyContainerPatch(list, containers));
          }
          if (containers.removed.length) forgetTerminals(containers.removed);
        }
        for (const resource of resources) refreshList(queryClient, engineId, resource);
        if (containers || resources.includes('containers') || resources.includes('images')) {
          refreshList(queryClient, engineId, 'info');
        }
      },
    });
    return () => {
      status.unsubscribe();
      changes.unsubscribe();
    };
  }, [queryClient]);
}

/** The engine's status as a stream, the current status first: what followed streams watch to resume after a restart. */
export function watchEngineStatus(onStatus: (status: EngineStatus) => void): { unsubscribe(): void } {
  return berth.engine.watchStatus.subscribe(undefined, { onData: onStatus });
}

/** The engine status as last streamed; undefined until the first message arrives. */
export function useEngineStatus(): EngineStatus | undefined {
  return useQuery({
    queryKey: queryKeys.status,
    queryFn: () => berth.engine.status.query(),
    staleTime: Infinity,
  }).data;
}

/** A removed container's terminal tabs and shells go with it. */
function forgetTerminals(ids: readonly string[]): void {
  forgetShellSessions(ids);
  forgetTerminalTabs(ids);
}
