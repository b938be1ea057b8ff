import { isDeepStrictEqual } from 'node:util';
import { applyContainerPatch } from '../contract/container-patch.js';
import type { ContainerSummary, EngineChanges } from '../contract/types.js';
import type { ChangeBatch } from './events.js';
import { KeptList } from './kept-list.js';
import { logFor } from '../shared/log.js';

const log = logFor('events');

/** What the kept list needs of an engine: the whole list, and a batch of events made into changed rows. */
export interface KeptContainersSource {
  /** `docker ps -a` as rows (engine/docker/containers.ts listContainers). */
  list(): Promise<ContainerSummary[]>;
  /** A batch of events as the rows it changed (engine/docker/container-patch.ts resolveChanges). */
  resolve(batch: ChangeBatch): Promise<EngineChanges>;
}

/**
 * The containers list kept on the engine side (./kept-list.ts), followed row by row: each batch
 * of the engine's events is resolved into changed rows and applied here before it is told to
 * pages, on one queue with the whole-list calls, so an answer never lands on top of a newer one.
 * Rows that differ in the engine's answer behind the kept ones (status texts age: "Up 2 seconds")
 * reach pages as a patch, like any event's.
 */
export class KeptContainers extends KeptList<ContainerSummary> {
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * @param emit tells pages a batch of changes, in engine order
   * @param refreshAfterMs how old (ms) the kept rows may be before serving them also asks the engine behind
   */
  constructor(
    private readonly source: KeptContainersSource,
    private readonly emit: (changes: EngineChanges) => void,
    refreshAfterMs = 1000,
    now: () => number = Date.now,
  ) {
    // Differences go out as a patch (`refreshed`), never as a bare "changed".
    super(() => source.list(), () => undefined, refreshAfterMs, now);
  }

  /**
   * A new link's work queues afresh: a call of the last link the engine never answers (a remote
   * engine's connection the network dropped) would otherwise hold every list of the next one.
   */
  override linkOpened(link: number): void {
    this.queue = Promise.resolve();
    super.linkOpened(link);
  }

  override linkClosed(): void {
    this.queue = Promise.resolve();
    super.linkClosed();
  }

  /** One coalesced batch of events: its changed rows applied to the kept list, then told to pages. */
  changed(batch: ChangeBatch): void {
    const sameLink = this.sameLinkSince();
    void this.run(async () => {
      const changes = await this.source.resolve(batch);
      // Resolved after its link went: pages catch up with the next link's lists, and so does this one.
      if (!sameLink()) return;
      if (changes.containers) {
        if (this.rows) this.rows = applyContainerPatch(this.rows, changes.containers);
        // Pages hear this batch: the rows the next answer is compared with take it too, so only what no event said is told again.
        else if (this.beforeOwnChange) this.beforeOwnChange = applyContainerPatch(this.beforeOwnChange, changes.containers);
      } else if (changes.resources.includes('containers')) {
        this.forget(); // the rows could not be had: pages refetch, and so does the next ask here
      }
      this.emit(changes);
    }).catch((error: unknown) => log.caught('applying a batch of container events', error));
  }

  /** After every task queued before it; its failure is the caller's, never the queue's. */
  protected override run<R>(task: () => Promise<R>): Promise<R> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  protected override refreshed(kept: ContainerSummary[], fresh: ContainerSummary[]): ContainerSummary[] {
    const byId = new Map(kept.map((row) => [row.id, row]));
    const rows = fresh.map((row) => withEventTime(row, byId.get(row.id)));
    const upserted = rows.filter((row) => !isDeepStrictEqual(row, byId.get(row.id)));
    const present = new Set(fresh.map((row) => row.id));
    const removed = kept.filter((row) => !present.has(row.id)).map((row) => row.id);
    if (upserted.length || removed.length) this.emit({ resources: [], containers: { upserted, removed } });
    return rows;
  }
}

/**
 * A fresh row with the event time the kept row had: the call came after that event (the queue
 * orders them), and pages refuse a row older than the one they hold.
 */
function withEventTime(row: ContainerSummary, kept: ContainerSummary | undefined): ContainerSummary {
  return kept?.eventTime === undefined || row.eventTime !== undefined ? row : { ...row, eventTime: kept.eventTime };
}
