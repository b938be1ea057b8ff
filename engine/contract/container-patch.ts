import { isNotOlder } from './event-time.js';
import type { ContainerPatch, ContainerSummary } from './types.js';

/**
 * The cached container list with a patch from the engine's events applied: changed rows replaced,
 * new ones added, gone ones dropped. A row is never replaced by one reflecting an older engine event
 * (`eventTime`), so a reply that lands late cannot move a row's state backwards.
 */
export function applyContainerPatch(list: readonly ContainerSummary[], patch: ContainerPatch): ContainerSummary[] {
  const removed = new Set(patch.removed);
  const upserted = new Map(patch.upserted.map((c) => [c.id, c]));
  const next: ContainerSummary[] = [];
  for (const container of list) {
    if (removed.has(container.id)) continue;
    const replacement = upserted.get(container.id);
    next.push(replacement && isNotOlder(replacement.eventTime, container.eventTime) ? replacement : container);
    upserted.delete(container.id);
  }
  next.push(...upserted.values());
  return next;
}
