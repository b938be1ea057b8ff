import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ContainerUsage } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';

/** How long the set of rows on screen must hold still before the engine is asked about it (scrolling). */
const settleMs = 250;

function subscribeVisibility(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}
const pageVisible = () => document.visibilityState !== 'hidden';

/**
 * CPU and memory of the containers `ids` (the running rows on screen), from the engine's one shared
 * source, while the page is visible (issue 17: a hidden window or a scrolled-away row costs the
 * engine nothing). Readings of rows that scroll away are kept until replaced, so scrolling back
 * shows the last value at once.
 */
export function useContainerUsage(ids: readonly string[]): Readonly<Record<string, ContainerUsage>> {
  const [usage, setUsage] = useState<Record<string, ContainerUsage>>({});
  const engineId = useEngineStatus()?.endpoint.id;
  const visible = useSyncExternalStore(subscribeVisibility, pageVisible);
  const key = [...ids].sort().join(',');
  const [settledKey, setSettledKey] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setSettledKey(key), settleMs);
    return () => clearTimeout(timer);
  }, [key]);
  useEffect(() => {
    if (!engineId || !visible || settledKey === '') return;
    const subscription = berth.containers.usage.subscribe(
      { ids: settledKey.split(',') },
      { onData: (readings) => setUsage((previous) => ({ ...previous, ...readings })) },
    );
    return () => subscription.unsubscribe();
  }, [engineId, visible, settledKey]);
  return usage;
}
