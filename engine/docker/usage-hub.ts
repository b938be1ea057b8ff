import type Docker from 'dockerode';
import type { ContainerUsage } from '../contract/types.js';
import { sleep } from '../shared/listeners.js';
import { logFor } from '../shared/log.js';
import { toStatsSample, type RawStats } from './stats.js';
import pLimit from 'p-limit';

export interface UsageTimings {
  /** How often each watched container is read, in ms (default 4 s). */
  pollMs: number;
  /** The wait between a container's first two readings, which CPU % needs, in ms (default 1 s). */
  firstGapMs: number;
}

export const defaultUsageTimings: UsageTimings = { pollMs: 4000, firstGapMs: 1000 };

/** Readings in flight at once: a long list never opens hundreds of requests together. */
const concurrency = 8;
const log = logFor('usage');

/**
 * CPU and memory for the containers list's columns, only for the containers a view asks about (the
 * running rows on screen) and only while some view watches (issue 17: idle near zero). Each
 * container is read with one-shot stats (`GET /containers/{id}/stats?stream=false&one-shot=true`,
 * API 1.41+) every `pollMs`, and CPU % comes from the difference between two readings, as
 * `docker stats` computes it from its own. One engine stats stream per running container, as
 * before, kept dockerd at ~1.5 % of a core for 20 running containers (bench/idle.bench.ts); a slow
 * poll of the rows a person can see costs a fraction of that. Views share readings: a container is
 * read once per period however many views watch it.
 */
export class UsageHub {
  private readonly watchers = new Map<symbol, ReadonlySet<string>>();
  /** The last reading of each watched container, and when it was taken. */
  private readonly readings = new Map<string, { raw: RawStats; at: number }>();
  private readonly latest = new Map<string, ContainerUsage>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly timings: UsageTimings;

  constructor(
    private readonly docker: Docker,
    timings: Partial<UsageTimings> = {},
  ) {
    this.timings = { ...defaultUsageTimings, ...timings };
  }

  /** Readings of `ids` (a container that is not running has none), after each round of reading them. */
  async *watch(ids: readonly string[], signal: AbortSignal | undefined): AsyncGenerator<Record<string, ContainerUsage>> {
    const key = Symbol('watcher');
    const wanted = new Set(ids);
    this.watchers.set(key, wanted);
    try {
      while (!signal?.aborted) {
        await this.readAll([...wanted], signal);
        if (signal?.aborted) break;
        yield Object.fromEntries([...wanted].flatMap((id) => (this.latest.has(id) ? [[id, this.latest.get(id)!]] : [])));
        // sleep() removes its abort listener when it wakes: one listener per wait piled up before.
        await sleep(this.timings.pollMs, signal);
      }
    } finally {
      this.watchers.delete(key);
      this.forgetUnwatched();
    }
  }

  private forgetUnwatched(): void {
    const watched = new Set([...this.watchers.values()].flatMap((ids) => [...ids]));
    for (const id of this.readings.keys()) {
      if (watched.has(id)) continue;
      this.readings.delete(id);
      this.latest.delete(id);
    }
  }

  /** Reads every container in `ids` whose reading is older than most of a period, `concurrency` at a time. */
  private async readAll(ids: string[], signal: AbortSignal | undefined): Promise<void> {
    const due = ids.filter((id) => {
      const last = this.readings.get(id);
      return !last || Date.now() - last.at >= this.timings.pollMs * 0.8;
    });
    await pLimit(concurrency).map(due, (id) => (signal?.aborted ? undefined : this.readOnce(id, signal)));
  }

  private readOnce(id: string, signal: AbortSignal | undefined): Promise<void> {
    let pending = this.inFlight.get(id);
    if (!pending) {
      pending = this.read(id, signal).finally(() => this.inFlight.delete(id));
      this.inFlight.set(id, pending);
    }
    return pending;
  }

  private async read(id: string, signal: AbortSignal | undefined): Promise<void> {
    let previous = this.readings.get(id);
    if (!previous) {
      // CPU % needs two readings: take the first now and the second a moment later.
      const first = await this.fetch(id);
      if (!first) return;
      previous = { raw: first, at: Date.now() };
      await sleep(this.timings.firstGapMs, signal);
      if (signal?.aborted) return;
    }
    const raw = await this.fetch(id);
    if (!raw || !raw.cpu_stats?.system_cpu_usage) {
      // Stopped (the engine answers zeros) or gone: no reading, so the column shows "—".
      this.readings.delete(id);
      this.latest.delete(id);
      return;
    }
    const sample = toStatsSample({ ...raw, precpu_stats: previous.raw.cpu_stats ?? {} });
    this.readings.set(id, { raw, at: Date.now() });
    this.latest.set(id, { cpuPercent: sample.cpuPercent, memoryBytes: sample.memoryBytes });
  }

  private async fetch(id: string): Promise<RawStats | undefined> {
    try {
      // one-shot: the engine answers at once instead of waiting a second for its own second sample.
      return (await this.docker.getContainer(id).stats({ stream: false, 'one-shot': true } as { stream: false })) as unknown as RawStats;
    } catch (error) {
      log.caught(`reading usage of container ${id}`, error);
      return undefined;
    }
  }
}
