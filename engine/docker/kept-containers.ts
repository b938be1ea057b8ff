import { isDeepStrictEqual } from 'node:util';
import type { ContainerSummary, EngineChanges } from '../contract/types.js';
import { applyContainerPatch } from '../contract/container-patch.js';
import type { ChangeBatch } from './events.js';
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
 * The containers list kept on the engine side between requests (issue 17), so a page that loads
 * draws its rows at once instead of waiting for the engine's list (60–100 ms at 1,000 containers
 * here, slower while the browser is busy starting the page).
 *
 * Kept current by the engine's events: each batch is resolved into changed rows and applied here
 * before it is told to pages, on one queue with the whole-list fetches, so an answer never lands
 * on top of a newer one. Only what the engine words relative to now ages between events ("Up 5
 * minutes"): a list served from here is asked for again behind it (at most once a second), and the
 * rows that differ reach every page as a patch, like any event's.
 *
 * Trusted only while one events stream is held (`linkOpened` … `linkClosed`): events missed while
 * the link was down would leave it wrong, so it is forgotten then and fetched afresh on the next ask.
 */
export class KeptContainers {
  private rows: ContainerSummary[] | undefined;
  /** The link the rows belong to; 0 while none is held (then every ask goes to the engine). */
  private link = 0;
  private fetchedAt = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private fetching: Promise<ContainerSummary[]> | undefined;
  private refreshing = false;

  /**
   * @param emit tells pages a batch of changes, in engine order
   * @param refreshAfterMs how old (ms) the kept rows may be before serving them also asks the engine behind
   */
  constructor(
    private readonly source: KeptContainersSource,
    private readonly emit: (changes: EngineChanges) => void,
    private readonly refreshAfterMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** An events stream is open: from here on every change is seen. `link` differs per stream (the connection's generation). */
  linkOpened(link: number): void {
    this.link = link;
    this.rows = undefined;
  }

  /** The events stream is gone: what is kept can no longer be trusted. */
  linkClosed(): void {
    this.link = 0;
    this.rows = undefined;
  }

  /** One coalesced batch of events: its changed rows applied to the kept list, then told to pages. */
  changed(batch: ChangeBatch): void {
    void this.enqueue(async () => {
      const changes = await this.source.resolve(batch);
      if (changes.containers) {
        if (this.rows) this.rows = applyContainerPatch(this.rows, changes.containers);
      } else if (changes.resources.includes('containers')) {
        this.rows = undefined; // the rows could not be had: pages refetch, and so does the next ask here
      }
      this.emit(changes);
    }).catch((error: unknown) => log.caught('applying a batch of container events', error));
  }

  /**
   * `docker ps -a` as rows: the kept ones when held (and the engine asked behind when they are over
   * `refreshAfterMs` old), else the engine's answer, kept for the next ask. Rejects as the engine's
   * list call does.
   */
  list(): Promise<ContainerSummary[]> {
    if (!this.link) return this.source.list();
    if (!this.rows) return (this.fetching ??= this.fetchAndKeep().finally(() => (this.fetching = undefined)));
    if (this.now() - this.fetchedAt >= this.refreshAfterMs) this.refreshBehind();
    return Promise.resolve(this.rows);
  }

  private fetchAndKeep(): Promise<ContainerSummary[]> {
    const link = this.link; // as asked: a link lost and back before the call runs may have missed events
    return this.enqueue(async () => {
      const rows = await this.source.list();
      if (link && link === this.link) this.keep(rows);
      return rows;
    });
  }

  /** Asks the engine again; rows that differ from the kept ones go to pages as a patch. */
  private refreshBehind(): void {
    if (this.refreshing) return;
    this.refreshing = true;
    const link = this.link;
    void this.enqueue(async () => {
      const fresh = await this.source.list();
      if (!link || link !== this.link || !this.rows) return;
      const patch = differences(this.rows, fresh);
      this.keep(fresh.map((row) => withEventTime(row, patch.kept.get(row.id))));
      if (patch.upserted.length || patch.removed.length) this.emit({ resources: [], containers: { upserted: patch.upserted, removed: patch.removed } });
    })
      .catch((error: unknown) => log.caught('asking the engine for the containers list behind the kept one', error))
      .finally(() => (this.refreshing = false));
  }

  private keep(rows: ContainerSummary[]): void {
    this.rows = rows;
    this.fetchedAt = this.now();
  }

  /** Runs `task` after every task queued before it; its failure is the caller's, never the queue's. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Rows of `fresh` that differ from `kept` (carrying the kept row's event time), and ids gone from it. */
function differences(kept: readonly ContainerSummary[], fresh: readonly ContainerSummary[]) {
  const byId = new Map(kept.map((row) => [row.id, row]));
  const upserted: ContainerSummary[] = [];
  for (const row of fresh) {
    const before = byId.get(row.id);
    const next = withEventTime(row, before);
    if (!before || !isDeepStrictEqual(next, before)) upserted.push(next);
  }
  const present = new Set(fresh.map((row) => row.id));
  return { upserted, removed: kept.filter((row) => !present.has(row.id)).map((row) => row.id), kept: byId };
}

/**
 * A fresh row with the event time the kept row had: the fetch came after that event (the queue
 * orders them), and pages refuse a row older than the one they hold.
 */
function withEventTime(row: ContainerSummary, kept: ContainerSummary | undefined): ContainerSummary {
  return kept?.eventTime === undefined || row.eventTime !== undefined ? row : { ...row, eventTime: kept.eventTime };
}
