import { isDeepStrictEqual } from 'node:util';
import { applyContainerPatch } from '../contract/container-patch.js';
import type { ContainerSummary, EngineChanges } from '../contract/types.js';
import type { ChangeBatch } from './events.js';
import { KeptList } from './kept-list.js';
import { logFor } from '../shared/log.js';

const log = logFor('events');

/**
 * How long (ms) the queue waits on one engine call before it moves on: an inspect of a wedged
 * container can hang while the engine still answers pings, and every list would wait behind it.
 * A list of 1,000 containers takes ~100 ms here; a slow remote engine a few seconds.
 */
export const keptQueueWaitMs = 15_000;

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
  /** Counts the calls given up on: a batch resolved after it was given up on changes nothing kept. */
  private givenUp = 0;

  /**
   * @param emit tells pages a batch of changes, in engine order
   * @param refreshAfterMs how old (ms) the kept rows may be before serving them also asks the engine behind
   * @param queueWaitMs how long (ms) the queue waits on one engine call before it moves on
   */
  constructor(
    private readonly source: KeptContainersSource,
    private readonly emit: (changes: EngineChanges) => void,
    refreshAfterMs = 1000,
    now: () => number = Date.now,
    private readonly queueWaitMs = keptQueueWaitMs,
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
    const givenUp = this.givenUp;
    void this.run(async () => {
      const changes = await this.source.resolve(batch);
      // Resolved after its link went: pages catch up with the next link's lists, and so does this one.
      if (!sameLink()) return;
      // Resolved after the queue gave up on it: newer rows may be kept by now; pages order rows by event time.
      if (givenUp !== this.givenUp) return this.emit(changes);
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

  /**
   * After every task queued before it; its failure is the caller's, never the queue's. A task not
   * done within `queueWaitMs` is no longer waited for (it still answers its caller when it ends).
   */
  protected override run<R>(task: () => Promise<R>): Promise<R> {
    const run = this.queue.then(task);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const givenUp = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.givenUp++;
        this.abandonCallsOut();
        log.warn('an engine call held the containers list for too long; going on without it', { waitedMs: this.queueWaitMs });
        resolve();
      }, this.queueWaitMs);
      timer.unref?.();
    });
    const settled = run.then(
      () => clearTimeout(timer),
      () => clearTimeout(timer),
    );
    this.queue = Promise.race([settled, givenUp]);
    return run;
  }

  protected override tellAllChanged(): void {
    this.emit({ resources: ['containers'] });
  }

  protected override refreshed(kept: ContainerSummary[], fresh: ContainerSummary[]): ContainerSummary[] {
    const byId = new Map(kept.map((row) => [row.id, row]));
    const rows = fresh.map((row) => settledByEvent(byId.get(row.id), row) ?? withEventTime(row, byId.get(row.id)));
    const upserted = rows.filter((row) => !isDeepStrictEqual(row, byId.get(row.id)));
    const present = new Set(fresh.map((row) => row.id));
    const removed = kept.filter((row) => !present.has(row.id)).map((row) => row.id);
    if (upserted.length || removed.length) this.emit({ resources: [], containers: { upserted, removed } });
    return rows;
  }
}

/**
 * The kept row, when an event settled it (it carries the event's time) in another state than the
 * engine's list now says: the list lags behind a `die` (docs/ARCHITECTURE.md), and a later state
 * change sends its own event.
 */
function settledByEvent(kept: ContainerSummary | undefined, fresh: ContainerSummary): ContainerSummary | undefined {
  return kept?.eventTime !== undefined && kept.state !== fresh.state ? kept : undefined;
}

/**
 * A fresh row with the event time the kept row had: the call came after that event (the queue
 * orders them), and pages refuse a row older than the one they hold.
 */
function withEventTime(row: ContainerSummary, kept: ContainerSummary | undefined): ContainerSummary {
  return kept?.eventTime === undefined || row.eventTime !== undefined ? row : { ...row, eventTime: kept.eventTime };
}
