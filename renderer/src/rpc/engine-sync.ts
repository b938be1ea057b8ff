import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ContainerSummary, EngineStatus } from '../../../engine/contract/types';
import { forgetShellSessions } from '../features/container-detail/shell-forget';
import { forgetTerminalTabs } from '../state/ui-store';
import { applyContainerPatch } from '../../../engine/contract/container-patch';
import { berth } from './client';
import { queryKeys } from './queries';
import { CatchUpWatch, catchUp, refreshList } from './list-refresh';

/**
 * Keeps react-query in step with the engine: the status stream feeds the status key, a new
 * connection (a reconnect, another engine, the page's own link back) refetches everything once
 * (./list-refresh.ts catchUp), and the engine's change notices invalidate just the lists they touch.
 * This replaces polling.
 */
export function useEngineSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const watch = new CatchUpWatch();
    const status = berth.engine.watchStatus.subscribe(undefined, {
      onStarted: () => watch.started(),
      onData(next: EngineStatus) {
        queryClient.setQueryData(queryKeys.status, next);
        // Reconnected, switched to, or back in touch: whatever happened in between, show the engine as it is now.
        if (watch.needsCatchUp(next)) catchUp(queryClient, next.endpoint.id);
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
