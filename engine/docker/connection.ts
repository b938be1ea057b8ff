import type Docker from 'dockerode';
import type { CrashAlert, CrashAlerts, EngineChanges, EngineEndpoint, EngineStatus, ImageSummary, VolumeSummary } from '../contract/types.js';
import { backoffDelay, Listeners, sleep } from '../shared/listeners.js';
import { resolveChanges } from './container-patch.js';
import { listContainers } from './containers.js';
import { KeptContainers } from './kept-containers.js';
import { KeptList } from './kept-list.js';
import { listImages } from './images.js';
import { listVolumes } from './volumes.js';
import { CrashWatch } from './crash-watch.js';
import { ChangeCoalescer, type DockerEvent } from './events.js';
import { JsonLineParser } from './json-lines.js';
import { quoteTimeNano } from '../contract/event-time.js';
import { engineMessage } from './errors.js';
import { engineVersion, pingEngine } from './health.js';
import { negotiateApiVersion } from '../contract/api-version.js';

export interface ConnectionTimings {
  /** A ping slower than this counts as "not answering". */
  pingTimeoutMs: number;
  /** While connected, how often to check the engine still answers (covers a frozen daemon). */
  heartbeatMs: number;
  backoffMinMs: number;
  backoffMaxMs: number;
  /** Events closer together than this become one change notice. */
  coalesceMs: number;
}

export const defaultTimings: ConnectionTimings = {
  pingTimeoutMs: 1500,
  heartbeatMs: 2000,
  backoffMinMs: 250,
  backoffMaxMs: 4000,
  coalesceMs: 25,
};

/**
 * One live link to one engine: knows whether the engine answers, keeps the engine's single events
 * stream open while it does, and reconnects with back-off when it goes away. Everything the UI
 * shows about connection state and every list refresh comes from here; nothing polls lists.
 */
export class EngineConnection {
  readonly statusChanges = new Listeners<EngineStatus>();
  readonly changes = new Listeners<EngineChanges>();
  /**
   * Lists kept between asks while this link's events stream is held (./kept-list.ts): containers
   * followed row by row (every change reaches `changes` through it), images and volumes forgotten
   * at each change to them.
   */
  readonly kept: { containers: KeptContainers; images: KeptList<ImageSummary>; volumes: KeptList<VolumeSummary> };
  /** Crashes told by the crash watch, one per notice, as they happen; `watchAlerts` begins with the recent ones. */
  readonly alerts = new Listeners<CrashAlerts>();
  private recent: CrashAlert[] = [];
  private readonly crashWatch: CrashWatch;
  private current: EngineStatus;
  private readonly stopController = new AbortController();
  private running: Promise<void> | undefined;
  private wake = new AbortController();

  constructor(
    readonly docker: Docker,
    endpoint: EngineEndpoint,
    private readonly timings: ConnectionTimings = defaultTimings,
  ) {
    this.current = { endpoint, state: 'connecting', generation: 0 };
    this.kept = {
      containers: new KeptContainers({ list: () => listContainers(docker), resolve: (batch) => resolveChanges(docker, batch) }, (changes) => this.changes.emit(changes)),
      images: new KeptList(() => listImages(docker), () => this.changes.emit({ resources: ['images'] })),
      volumes: new KeptList(() => listVolumes(docker), () => this.changes.emit({ resources: ['volumes'] })),
    };
    this.crashWatch = new CrashWatch({
      now: () => Date.now(),
      setTimer: (ms, run) => {
        const timer = setTimeout(run, ms);
        timer.unref?.();
        return () => clearTimeout(timer);
      },
      willRestart: (id, exitCode) => willRestart(docker, id, exitCode),
      emit: (alert) => {
        this.recent = [...this.recent.slice(-(recentAlertCount - 1)), alert];
        this.alerts.emit({ initial: false, alerts: [alert] });
      },
    });
  }

  /** The last crash alerts of this engine, at most 50, oldest first. */
  get recentAlerts(): readonly CrashAlert[] {
    return this.recent;
  }

  /** The recent crash alerts as one notice, then each new one. */
  watchAlerts(signal: AbortSignal | undefined): AsyncGenerator<CrashAlerts> {
    return this.alerts.iterate(signal, { initial: true, alerts: [...this.recent] });
  }

  get status(): EngineStatus {
    return this.current;
  }

  start(): void {
    this.running ??= this.superviseLink();
  }

  /** Ends a back-off wait at once: the person just fixed what refused the link (e.g. trusted a host key). */
  retryNow(): void {
    this.wake.abort();
  }

  async stop(): Promise<void> {
    this.stopController.abort();
    await this.running;
  }

  /** Resolves once the engine answers, or rejects after `timeoutMs`. */
  async waitUntilConnected(timeoutMs: number): Promise<void> {
    if (this.current.state === 'connected') return;
    const signal = AbortSignal.timeout(timeoutMs);
    for await (const status of this.statusChanges.iterate(signal)) {
      if (status.state === 'connected') return;
    }
    throw new Error(`The engine at ${this.current.endpoint.url} did not answer within ${timeoutMs} ms.`);
  }

  private update(patch: Partial<EngineStatus>): void {
    const next: EngineStatus = { ...this.current, ...patch };
    for (const key of Object.keys(patch) as (keyof EngineStatus)[]) {
      if (patch[key] === undefined) delete next[key];
    }
    this.current = next;
    this.statusChanges.emit(next);
  }

  private async superviseLink(): Promise<void> {
    const stopSignal = this.stopController.signal;
    let failures = 0;
    while (!stopSignal.aborted) {
      const generationBefore = this.current.generation;
      const error = await this.holdLink(stopSignal).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (stopSignal.aborted) break;
      // A link that got as far as connecting starts the back-off afresh.
      if (this.current.generation !== generationBefore) failures = 0;
      const retryInMs = backoffDelay(failures++, this.timings.backoffMinMs, this.timings.backoffMaxMs);
      this.update({
        state: 'disconnected',
        lastError: error === undefined ? 'The engine closed the connection.' : describe(error),
        lastErrorKind: error === undefined ? { kind: 'closed' } : kindOf(error),
        retryInMs,
      });
      await sleep(retryInMs, AbortSignal.any([stopSignal, this.wake.signal]));
      if (this.wake.signal.aborted) this.wake = new AbortController();
    }
  }

  /** Connects, then holds the events stream open; returns or throws when the link is lost. */
  private async holdLink(stopSignal: AbortSignal): Promise<void> {
    // Ask unversioned: after a reconnect the engine may be another, older one.
    (this.docker.modem as unknown as { version?: string }).version = undefined;
    await pingEngine(this.docker, this.timings.pingTimeoutMs);
    const version = await engineVersion(this.docker, this.timings.pingTimeoutMs);
    // Stopped while the ping was out: its abort event has fired already, so no listener below would
    // hear it, and the events stream would hold the stop (and Ctrl-C at start) for ever.
    if (stopSignal.aborted) return;
    // Every later request names the version both sides speak (/v1.xx/…), as the docker CLI does,
    // so a newer engine answers in the shapes Berth knows.
    const api = negotiateApiVersion(version.ApiVersion, (version as { MinAPIVersion?: string }).MinAPIVersion);
    (this.docker.modem as unknown as { version?: string }).version = `v${api.version}`;
    const linkAbort = new AbortController();
    const abortLink = () => linkAbort.abort();
    stopSignal.addEventListener('abort', abortLink);
    // Batches resolve one after another (the kept list's queue), so an older container state never lands after a newer one.
    const coalescer = new ChangeCoalescer(this.timings.coalesceMs, (batch) => {
      // Forgotten before pages hear of the change, so the list they then ask for is the engine's.
      if (batch.resources.includes('images')) {
        this.kept.images.forget();
        // A tag that moves (or an image removed by force) changes how docker ps names a container's image, and sends no container event.
        this.kept.containers.checkBehind();
      }
      if (batch.resources.includes('volumes')) this.kept.volumes.forget();
      this.kept.containers.changed(batch);
    });
    try {
      const events = (await this.docker.getEvents({ abortSignal: linkAbort.signal })) as NodeJS.ReadableStream;
      // Every change from here on is seen: a list fetched now can be kept current.
      for (const list of Object.values(this.kept)) list.linkOpened(this.current.generation + 1);
      this.update({
        state: 'connected',
        version: version.Version,
        apiVersion: api.version,
        engineApiVersion: version.ApiVersion,
        os: `${version.Os}/${version.Arch}`,
        lastError: undefined,
        lastErrorKind: undefined,
        retryInMs: undefined,
        generation: this.current.generation + 1,
      });
      const heartbeat = this.startHeartbeat(linkAbort);
      try {
        // Events missed while the link was down would make a stop look like a crash: start afresh.
        this.crashWatch.reset();
        await readEvents(events, linkAbort.signal, (event) => {
          coalescer.add(event);
          this.crashWatch.observe(event);
        });
      } finally {
        clearInterval(heartbeat);
      }
      if (linkAbort.signal.reason instanceof Error) throw linkAbort.signal.reason;
    } finally {
      coalescer.dispose();
      for (const list of Object.values(this.kept)) list.linkClosed();
      linkAbort.abort();
      stopSignal.removeEventListener('abort', abortLink);
    }
  }

  private startHeartbeat(linkAbort: AbortController): ReturnType<typeof setInterval> {
    let inFlight = false;
    return setInterval(() => {
      if (inFlight) return;
      inFlight = true;
      pingEngine(this.docker, this.timings.pingTimeoutMs)
        .catch((e: unknown) => linkAbort.abort(new Error(`The engine stopped answering: ${describe(e)}`)))
        .finally(() => (inFlight = false));
    }, this.timings.heartbeatMs);
  }
}

const recentAlertCount = 50;

/** Whether the engine will start the container again after this exit, by its restart policy (undefined when it is gone). */
async function willRestart(docker: Docker, id: string, exitCode: number): Promise<boolean | undefined> {
  const inspect = await docker
    .getContainer(id)
    .inspect()
    .catch(() => undefined);
  const policy = inspect?.HostConfig?.RestartPolicy;
  if (!policy) return undefined;
  if (policy.Name === 'always' || policy.Name === 'unless-stopped') return true;
  if (policy.Name === 'on-failure') return exitCode !== 0 && (!policy.MaximumRetryCount || (inspect.RestartCount ?? 0) < policy.MaximumRetryCount);
  return false;
}

function readEvents(
  stream: NodeJS.ReadableStream,
  signal: AbortSignal,
  onEvent: (event: DockerEvent) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const parser = new JsonLineParser<DockerEvent>(quoteTimeNano);
    const destroy = () => (stream as unknown as { destroy?: () => void }).destroy?.();
    if (signal.aborted) {
      destroy();
      return resolve();
    }
    signal.addEventListener('abort', () => {
      destroy();
      resolve();
    });
    stream.on('data', (chunk: Buffer) => parser.push(chunk).forEach(onEvent));
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', (e: unknown) => (signal.aborted ? resolve() : reject(e)));
  });
}

function kindOf(error: unknown): EngineStatus['lastErrorKind'] {
  // A link that words its own refusals (an SSH host key or login) says which kind it was.
  const linkKind = (error as { linkErrorKind?: EngineStatus['lastErrorKind'] } | undefined)?.linkErrorKind;
  if (linkKind) return linkKind;
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOENT') return { kind: 'noAnswer', code };
  if ((error as Error | undefined)?.name === 'TimeoutError') return { kind: 'timeout' };
  return undefined;
}

function describe(error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOENT') return `Nothing answers at the engine's socket (${code}).`;
  if ((error as Error | undefined)?.name === 'TimeoutError') return 'The engine did not answer in time.';
  return engineMessage(error);
}
