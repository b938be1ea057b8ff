import { logFor } from '../shared/log.js';

const log = logFor('events');

/**
 * A list kept on the engine side between asks (issue 17), so a page that loads draws its rows at
 * once instead of waiting for the engine (the containers or images list at 1,000 takes 60–100 ms
 * here, slower while the browser starts the page).
 *
 * Kept only while one events stream is held (`linkOpened` … `linkClosed`): events missed while the
 * link was down would leave it wrong. A change it cannot follow row by row `forget`s it: the next
 * ask goes to the engine, and an answer asked for before the change is not kept. Served rows older
 * than `refreshAfterMs` are asked for again behind (at most one call out at a time): what the
 * engine words relative to now ages ("Up 5 minutes"), and some changes send no event (an image
 * built without a name); when the engine's answer differs, pages are told (`tellChanged`).
 *
 * `engine/docker/kept-containers.ts` follows the containers list row by row on top of this.
 */
export class KeptList<T> {
  protected rows: T[] | undefined;
  /** The link the rows belong to; 0 while none is held (then every ask goes to the engine). */
  private link = 0;
  /** How often the list was forgotten: an answer asked for before a change is not kept. */
  private forgotten = 0;
  private fetchedAt = 0;
  private fetching: Promise<T[]> | undefined;
  /** The rows Berth's own change forgot (`forgetOwnChange`): the engine's next answer is compared with them. */
  protected beforeOwnChange: T[] | undefined;
  /**
   * The link whose call behind the kept rows is out (0: none). Per link: a call the engine never
   * answers (a remote engine's connection the network dropped) must not stop the next link's.
   */
  private refreshing = 0;
  /** `checkBehind` was asked while a call was out: one more follows it. */
  private checkAgain = false;
  /** Berth changed something while nothing was kept to compare the engine's next answer with: pages are told at that answer regardless. */
  private ownChangeUncompared = false;

  /**
   * @param fetch the whole list from the engine; rejects as the engine's call does
   * @param tellChanged tells pages the list differs from what they were given (a call behind found it so)
   * @param refreshAfterMs how old (ms) served rows may be before the engine is asked behind them
   */
  constructor(
    private readonly fetch: () => Promise<T[]>,
    private readonly tellChanged: () => void,
    private readonly refreshAfterMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** An events stream is open: from here on every change is seen. `link` differs per stream (the connection's generation). */
  linkOpened(link: number): void {
    this.link = link;
    this.refreshing = 0;
    this.checkAgain = false;
    this.beforeOwnChange = undefined; // pages catch up with a new link anyway
    this.ownChangeUncompared = false;
    this.forget();
  }

  /** The events stream is gone: what is kept can no longer be trusted. */
  linkClosed(): void {
    this.link = 0;
    this.refreshing = 0;
    this.checkAgain = false;
    this.beforeOwnChange = undefined;
    this.ownChangeUncompared = false;
    this.forget();
  }

  /** The list changed in a way not followed here: the next ask goes to the engine. */
  forget(): void {
    this.rows = undefined;
    this.fetching = undefined;
    this.forgotten++;
  }

  /**
   * Berth changed something on the engine (a contract mutation, or a stream that changes it), and
   * not every change sends an event (connecting a never-started container to a network; an image
   * built without a name): forgotten, and the engine's next answer (the acting page asks for it) is
   * compared with the rows forgotten, and every page told what differs, so a second tab sees it too.
   */
  forgetOwnChange(): void {
    this.beforeOwnChange ??= this.rows;
    // Already forgotten (an event, a new link) and nothing kept since: no rows to compare with.
    if (!this.beforeOwnChange) this.ownChangeUncompared = true;
    this.forget();
  }

  /**
   * Asks the engine behind the kept rows now, whatever their age, and pages are told what differs:
   * something changed what the rows show without an event about them (an image tag moved: docker ps
   * then names a container's image by its id). One call at a time; asked while one is out, another
   * follows it (the one out may have been answered before the change).
   */
  checkBehind(): void {
    if (!this.rows) {
      // A call out may have been answered before the change: check behind once it is kept.
      if (this.fetching) this.checkAgain = true;
      return; // else nothing kept: the next ask goes to the engine anyway
    }
    if (this.refreshing) {
      this.checkAgain = true;
      return;
    }
    this.refreshBehind();
  }

  /**
   * The list: the kept rows when held (the engine asked behind them when over `refreshAfterMs`
   * old), else the engine's answer, kept for the next ask. Rejects as the engine's call does.
   */
  list(): Promise<T[]> {
    if (!this.link) return this.fetch();
    if (!this.rows) {
      const fetching = (this.fetching ??= this.fetchAndKeep());
      void fetching.finally(() => this.fetching === fetching && (this.fetching = undefined)).catch(() => undefined);
      return fetching;
    }
    if (this.now() - this.fetchedAt >= this.refreshAfterMs) this.refreshBehind();
    return Promise.resolve(this.rows);
  }

  /**
   * Runs one engine call in order with the list's other work. Here at once: a change forgets the
   * list, so order does not matter. A list that applies changes row by row queues them together.
   */
  protected run<R>(task: () => Promise<R>): Promise<R> {
    return task();
  }

  /** A check, taken now, that nothing made the list's state unknown since: the link and no forget. */
  private unchangedSince(): () => boolean {
    const link = this.link;
    const forgotten = this.forgotten;
    return () => link !== 0 && link === this.link && forgotten === this.forgotten;
  }

  /** A check, taken now, that the link held now is held still. */
  protected sameLinkSince(): () => boolean {
    const link = this.link;
    return () => link === this.link;
  }

  private fetchAndKeep(): Promise<T[]> {
    const unchanged = this.unchangedSince(); // as asked: a change before the call runs may be missing from its answer
    return this.run(async () => {
      const rows = await this.fetch();
      if (unchanged()) {
        const before = this.beforeOwnChange;
        const uncompared = this.ownChangeUncompared;
        this.beforeOwnChange = undefined;
        this.ownChangeUncompared = false;
        this.keep(before ? this.refreshed(before, rows) : rows);
        if (uncompared) this.tellAllChanged();
        if (this.checkAgain && !this.refreshing) {
          this.checkAgain = false;
          this.refreshBehind();
        }
      }
      return rows;
    });
  }

  private refreshBehind(): void {
    if (this.refreshing) return;
    const link = (this.refreshing = this.link);
    const unchanged = this.unchangedSince();
    void this.run(async () => {
      const fresh = await this.fetch();
      if (unchanged() && this.rows) this.keep(this.refreshed(this.rows, fresh));
    })
      // The kept rows are served still, and asked for again at the next ask.
      .catch((error: unknown) => log.caught('asking the engine for a list behind the kept one', error))
      .finally(() => {
        if (this.refreshing !== link) return;
        this.refreshing = 0;
        if (!this.checkAgain) return;
        this.checkAgain = false;
        this.checkBehind();
      });
  }

  /** Pages are told the whole list may differ from what they hold (no rows to say which). */
  protected tellAllChanged(): void {
    this.tellChanged();
  }

  /**
   * Calls out are given up on (the engine never answered one): none is waited for any more, and
   * what is kept is forgotten, since an answer may still land out of order.
   */
  protected abandonCallsOut(): void {
    this.refreshing = 0;
    this.checkAgain = false;
    this.forget();
  }

  /**
   * The rows to keep, given the kept ones and the engine's answer behind them (called only when
   * nothing changed the list while the call was out), and pages told when they differ.
   */
  protected refreshed(kept: T[], fresh: T[]): T[] {
    if (sameRows(kept, fresh)) return kept; // served in the order pages were given
    this.tellChanged();
    return fresh;
  }

  private keep(rows: T[]): void {
    this.rows = rows;
    this.fetchedAt = this.now();
  }
}

/**
 * Whether two answers hold the same rows in whatever order: dockerd lists volumes in a new order at
 * each call (a Go map's), which is no change a page should refetch for (its Volumes view then also
 * asks for every volume's size again).
 */
function sameRows<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  const counts = new Map<string, number>();
  for (const row of a) {
    const key = JSON.stringify(row);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const row of b) {
    const key = JSON.stringify(row);
    const count = counts.get(key);
    if (!count) return false;
    counts.set(key, count - 1);
  }
  return true;
}
