import type { CrashAlert } from '../contract/types.js';
import { eventTime, healthOfEvent, type DockerEvent } from './events.js';

/** How a crash watch tells time and asks the engine; injected so tests drive it with a fake clock. */
export interface CrashWatchHost {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimer(ms: number, run: () => void): () => void;
  /**
   * Whether the engine will start the container again by its restart policy after this exit
   * (`always`, `unless-stopped`, `on-failure` with a non-zero code). Undefined when unknown (gone).
   */
  willRestart(containerId: string, exitCode: number): Promise<boolean | undefined>;
  emit(alert: CrashAlert): void;
}

export interface CrashWatchOptions {
  /** Dies without a person's stop within `loopWindowMs` that make a restart loop. */
  loopDies: number;
  loopWindowMs: number;
  /**
   * How long a crash of a container that restarts by policy waits before it is told as a single
   * crash: long enough for a loop to show itself (Docker's restart back-off starts at 100 ms).
   */
  restartGraceMs: number;
}

export const defaultCrashWatchOptions: CrashWatchOptions = { loopDies: 3, loopWindowMs: 60_000, restartGraceMs: 10_000 };

/**
 * Signals people send to a running process to make it reload, rotate or resume, not to end it
 * (`docker kill -s HUP nginx`): HUP, USR1, CONT, USR2, WINCH (Linux numbers, as the event carries them).
 */
const keepsRunning = new Set(['1', '10', '12', '18', '28', 'SIGHUP', 'SIGUSR1', 'SIGUSR2', 'SIGCONT', 'SIGWINCH', 'HUP', 'USR1', 'USR2', 'CONT', 'WINCH']);

/** How long a stop that was asked may take before its `die`: longer than any usual --stop-timeout. */
const stopAnswerMs = 5 * 60_000;

interface ContainerWatch {
  /** When a `kill` was asked (docker stop, kill, restart, rm -f, or Berth's own stop) whose `die` has not come yet. */
  stopAskedAt?: number;
  /** The engine reported an `oom` since the last `die`. */
  outOfMemory: boolean;
  /** Times (ms) of unprompted dies inside the loop window. */
  dies: number[];
  /** A crash held back while the restart policy may turn it into a loop. */
  pending?: { alert: CrashAlert; cancel: () => void };
  /** A loop was told; nothing more is told until the container stays up for a whole window. */
  loopTold: boolean;
  health?: string;
}

/**
 * Tells a crash from a stop by the order of the engine's events: `docker stop` and `docker kill`
 * (and Berth's own stop, restart and forced removal) send `kill` before `die`; a process that ends
 * by itself or is killed by the kernel sends `die` alone (`oom` first when memory ran out). Raises
 * one alert per crash: an exit with a non-zero code, an out-of-memory kill, a restart loop (told
 * once, not once per restart), or a turn to unhealthy. An exit with code 0 is a finished job, not a
 * crash. Sources: moby daemon/kill.go (LogContainerEventWithAttributes "kill" before the stop's
 * wait) and daemon/monitor.go (handleContainerExit: "oom", then "die" with exitCode).
 */
export class CrashWatch {
  private readonly containers = new Map<string, ContainerWatch>();
  private seq = 0;

  constructor(
    private readonly host: CrashWatchHost,
    private readonly options: CrashWatchOptions = defaultCrashWatchOptions,
  ) {}

  observe(event: DockerEvent): void {
    if (event.Type !== 'container') return;
    const id = event.Actor?.ID ?? event.id;
    if (!id) return;
    const action = event.Action ?? event.status ?? '';
    const attributes = event.Actor?.Attributes ?? {};
    if (attributes['dev.berth.helper'] === '1') return;
    if (action === 'destroy') return this.forget(id);
    const watch = this.watchOf(id);
    const health = healthOfEvent(action);
    if (health) return this.healthChanged(watch, health, event);
    if (action === 'kill' && !keepsRunning.has(attributes.signal ?? '')) watch.stopAskedAt = this.host.now();
    else if (action === 'oom') watch.outOfMemory = true;
    else if (action === 'die') this.died(id, watch, event);
  }

  /** Forgets everything (the engine was switched or its link restarted). */
  reset(): void {
    for (const watch of this.containers.values()) watch.pending?.cancel();
    this.containers.clear();
  }

  private watchOf(id: string): ContainerWatch {
    let watch = this.containers.get(id);
    if (!watch) {
      watch = { outOfMemory: false, dies: [], loopTold: false };
      this.containers.set(id, watch);
    }
    return watch;
  }

  private forget(id: string): void {
    this.containers.get(id)?.pending?.cancel();
    this.containers.delete(id);
  }

  private died(id: string, watch: ContainerWatch, event: DockerEvent): void {
    const stopAsked = watch.stopAskedAt !== undefined && this.host.now() - watch.stopAskedAt < stopAnswerMs;
    const outOfMemory = watch.outOfMemory;
    watch.stopAskedAt = undefined;
    watch.outOfMemory = false;
    // A person's stop that the kernel finished for lack of memory is still their stop.
    if (stopAsked) return;
    const exitCode = Number(event.Actor?.Attributes?.exitCode ?? NaN);
    const now = this.host.now();
    watch.dies = [...watch.dies.filter((t) => now - t < this.options.loopWindowMs), now];
    if (watch.loopTold) return;
    if (watch.dies.length >= this.options.loopDies) {
      watch.pending?.cancel();
      watch.pending = undefined;
      watch.loopTold = true;
      this.host.setTimer(this.options.loopWindowMs, () => this.loopQuiet(id));
      const code = Number.isFinite(exitCode) ? { exitCode } : {};
      return this.host.emit(this.alert(event, 'restartLoop', { ...code, restarts: watch.dies.length }));
    }
    if (!outOfMemory && exitCode === 0) return;
    const alert = this.alert(event, outOfMemory ? 'oomKilled' : 'exited', Number.isFinite(exitCode) ? { exitCode } : {});
    if (watch.pending) return;
    void this.host.willRestart(id, exitCode).then(
      (restarts) => this.tellOrHold(id, alert, restarts === true),
      () => this.tellOrHold(id, alert, false),
    );
  }

  private tellOrHold(id: string, alert: CrashAlert, restarts: boolean): void {
    const watch = this.containers.get(id);
    if (!watch || watch.loopTold) return;
    if (!restarts) return this.host.emit(alert);
    const cancel = this.host.setTimer(this.options.restartGraceMs, () => {
      if (watch.pending?.alert !== alert) return;
      watch.pending = undefined;
      this.host.emit({ ...alert, restarted: true });
    });
    watch.pending = { alert, cancel };
  }

  /** A loop is over when the container went a whole window without an unprompted die. */
  private loopQuiet(id: string): void {
    const watch = this.containers.get(id);
    if (!watch) return;
    const last = watch.dies.at(-1) ?? 0;
    const left = this.options.loopWindowMs - (this.host.now() - last);
    if (left > 0) {
      this.host.setTimer(left, () => this.loopQuiet(id));
      return;
    }
    watch.loopTold = false;
    watch.dies = [];
  }

  /** Told once per turn to unhealthy; a container that stays unhealthy says nothing more. */
  private healthChanged(watch: ContainerWatch, health: string, event: DockerEvent): void {
    const before = watch.health;
    watch.health = health;
    if (health === 'unhealthy' && before !== 'unhealthy') this.host.emit(this.alert(event, 'unhealthy', {}));
  }

  private alert(event: DockerEvent, kind: CrashAlert['kind'], extra: Partial<CrashAlert>): CrashAlert {
    const id = (event.Actor?.ID ?? event.id)!;
    const nanos = eventTime(event);
    return {
      seq: ++this.seq,
      containerId: id,
      name: (event.Actor?.Attributes?.name ?? id.slice(0, 12)).replace(/^\//, ''),
      kind,
      time: nanos ? Number(BigInt(nanos) / 1_000_000n) : this.host.now(),
      ...extra,
    };
  }
}
