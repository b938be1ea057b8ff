import { useEffect, useState } from 'react';
import type { ContainerUsage } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';

/** CPU and memory of running containers, from the engine's one shared source, while the list is shown. */
export function useContainerUsage(): Readonly<Record<string, ContainerUsage>> {
  const [usage, setUsage] = useState<Record<string, ContainerUsage>>({});
  const engineId = useEngineStatus()?.endpoint.id;
  useEffect(() => {
    if (!engineId) return;
    const subscription = berth.containers.usage.subscribe(undefined, { onData: setUsage });
    return () => subscription.unsubscribe();
  }, [engineId]);
  return usage;
}
