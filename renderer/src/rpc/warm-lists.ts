import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { markTime } from '../ui/timing';
import { whenIdle } from '../ui/when-idle';
import { useEngineStatus } from './engine-sync';
import { imagesQuery, volumesQuery } from './queries';

/**
 * Fetches the lists kept warm (./list-refresh.ts says which, and keeps them current) for the engine
 * shown, one after the other, once `ready` (the views' code has loaded after the first screen) and
 * the page is idle; again for each engine switched to. A list that fails is left for its view to
 * ask for and show why. Marks `berth:lists:warm` when done (bench/lists.bench.ts opens the views
 * after it, as a person would a moment after the window opened).
 */
export function useWarmLists(ready: boolean): void {
  const queryClient = useQueryClient();
  const status = useEngineStatus();
  const engineId = status?.state === 'connected' ? status.endpoint.id : undefined;
  useEffect(() => {
    if (!ready || !engineId) return;
    const idle = whenIdle(
      () => {
        // One after the other: the engine answers each faster alone.
        void queryClient
          .prefetchQuery(imagesQuery(engineId))
          .then(() => queryClient.prefetchQuery(volumesQuery(engineId)))
          .then(() => markTime('berth:lists:warm'));
      },
      { timeout: 1000 },
    );
    return () => idle.cancel();
  }, [ready, engineId, queryClient]);
}
