import type Docker from 'dockerode';
import type { EngineChanges } from '../contract/types.js';
import type { ContainerSummary } from '../contract/types.js';
import type { ChangeBatch, ContainerEventMark } from './events.js';
import { isBerthHelper, toContainerSummary, withInspectedState, type InspectedState } from './mappers.js';
import { logFor } from '../shared/log.js';

const log = logFor('events');

/**
 * Turns a batch of changes into what the UI needs: the changed containers themselves (one filtered
 * list call, a few ms even beside 1,000 others) rather than "refetch the whole list" (~100 ms at
 * 1,000 containers on this engine). Falls back to a plain invalidation if that call fails.
 */
export async function resolveChanges(docker: Docker, batch: ChangeBatch): Promise<EngineChanges> {
  if (batch.containerIds.length === 0 || !batch.resources.includes('containers')) {
    return { resources: batch.resources };
  }
  try {
    const found = await docker.listContainers({ all: true, filters: { id: batch.containerIds } });
    // The id filter matches prefixes; keep only the containers the events named.
    const wanted = new Set(batch.containerIds);
    const named = found.filter((c) => wanted.has(c.Id));
    const upserted = await Promise.all(
      named.filter((c) => !isBerthHelper(c)).map((c) => settle(docker, toContainerSummary(c), batch.marks?.[c.Id])),
    );
    const present = new Set(named.map((c) => c.Id));
    return {
      resources: batch.resources.filter((r) => r !== 'containers'),
      // A helper's own removal is reported too: harmless, it was never in the list.
      containers: { upserted, removed: batch.containerIds.filter((id) => !present.has(id)) },
    };
  } catch (error) {
    log.caught('resolving changed containers (falling back to a refetch)', error);
    return { resources: batch.resources };
  }
}

/** Actions after which a container is not running, unless a later `start` says so. */
const exits = new Set(['die', 'kill', 'stop', 'oom']);

/**
 * One changed row made consistent with the newest event about it: stamped with that event's time
 * (so the renderer can refuse older replies), its health from a `health_status` event when the list
 * has not caught up, and, after an exit or while restarting, its state, exit code and restart count
 * from inspect (one call per changed row that needs it, never per row of the list). A restarting
 * row is inspected whatever the event: the list does not carry the restart count, and a restart's
 * network connect may come in a batch of its own.
 */
export async function settle(docker: Docker, summary: ContainerSummary, mark: ContainerEventMark | undefined): Promise<ContainerSummary> {
  if (!mark) return summary;
  let row: ContainerSummary = { ...summary, eventTime: mark.time };
  if (mark.health && row.state === 'running') row.health = mark.health;
  if (row.state === 'restarting' || (exits.has(mark.action) && row.state === 'running')) {
    const inspected = await docker
      .getContainer(summary.id)
      .inspect()
      .then(
        (info) => info as unknown as InspectedState,
        () => undefined,
      );
    if (inspected) row = withInspectedState(row, inspected);
  }
  return row;
}
