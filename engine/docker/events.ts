import { compareEventTimes } from '../contract/event-time.js';
import type { ContainerHealth, ResourceKind } from '../contract/types.js';

/** The fields of a Docker engine event that Berth reads. */
export interface DockerEvent {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
  /** Nanoseconds since the epoch as a decimal string (quoted before parsing: see quoteTimeNano). */
  timeNano?: string;
}

/** The newest event the batch holds about one container. */
export interface ContainerEventMark {
  action: string;
  /** `timeNano`, or `time` in seconds scaled to nanoseconds when an older engine sends only that. */
  time: string;
  /** The verdict of the newest `health_status` event in the batch, if any, and its time. */
  health?: ContainerHealth;
  healthTime?: string;
}

/** The event's time as nanoseconds in a decimal string, or undefined when it carries none. */
export function eventTime(event: DockerEvent): string | undefined {
  if (typeof event.timeNano === 'string' && /^\d+$/.test(event.timeNano)) return event.timeNano;
  if (typeof event.time === 'number') return `${event.time}000000000`;
  return undefined;
}

/** "health_status: unhealthy" → 'unhealthy'. */
export function healthOfEvent(action: string): ContainerHealth | undefined {
  const match = /^health_status:\s*(healthy|unhealthy|starting)$/.exec(action);
  return match ? (match[1] as ContainerHealth) : undefined;
}

/**
 * Which cached lists an engine event makes stale. Exec and attach chatter changes no list, so it is
 * ignored rather than causing refetches while a terminal is open.
 */
export function resourcesTouchedBy(event: DockerEvent): ResourceKind[] {
  const action = event.Action ?? event.status ?? '';
  switch (event.Type) {
    case 'container': {
      // Berth's own volume helpers come and go on every file listing; they change nothing a person sees.
      if (event.Actor?.Attributes?.['dev.berth.helper'] === '1') return [];
      if (/^(exec_|attach|resize|top|export|archive-path|extract-to-dir|copy)/.test(action)) return [];
      // Which images and volumes are in use is read from the containers list itself (the page joins
      // them), so a container coming or going makes no other list stale; volumes it makes or removes
      // send their own events. A swarm task's container changes its service's running count and task list.
      const task = event.Actor?.Attributes?.['com.docker.swarm.task.id'] ? (['swarm'] as const) : [];
      // `docker commit` makes an image; its only event is the container's.
      if (action === 'commit') return ['containers', 'images', ...task];
      return ['containers', ...task];
    }
    case 'image':
      return ['images'];
    case 'volume':
      // mount/unmount happen on every container start and stop; they change no volume list.
      return action === 'mount' || action === 'unmount' ? [] : ['volumes'];
    case 'network':
      // Joining or leaving a network changes the container's row (its networks, which the Networks
      // view joins "used by" from), not the networks list.
      return action === 'connect' || action === 'disconnect' ? ['containers'] : ['networks'];
    case 'service':
    case 'node':
    case 'config':
    case 'secret':
      return ['swarm'];
    default:
      return [];
  }
}

/**
 * The container an event is about, when it changes the containers list: a container event's own
 * actor, or the container a network `connect`/`disconnect` names (its actor is the network), so
 * that one row is fetched again rather than the whole list.
 */
export function containerTouchedBy(event: DockerEvent): string | undefined {
  if (!resourcesTouchedBy(event).includes('containers')) return undefined;
  if (event.Type === 'network') return event.Actor?.Attributes?.container;
  if (event.Type !== 'container') return undefined;
  return event.Actor?.ID ?? event.id;
}

export interface ChangeBatch {
  resources: ResourceKind[];
  /** Containers named by the batch's container events; empty when only other lists changed. */
  containerIds: string[];
  /** The newest event per container in `containerIds`, by engine time (not arrival order). */
  marks?: Record<string, ContainerEventMark>;
}

/** How a network event's action is kept in a mark: apart from the container's own actions. */
const networkAction = (event: DockerEvent) => `network ${event.Action ?? event.status ?? ''}`;
const isNetworkAction = (action: string) => action.startsWith('network ');

/**
 * Keeps `marks[id]` at the newest event seen for it, and apart from that the newest health verdict.
 * The action is the newest of the container's own events whenever it had one: a network
 * connect/disconnect moves the time on (so an older reply cannot replace the row) but says nothing
 * of the container's state, and the action decides whether an exit is checked with inspect (a stop
 * sends die, then network disconnect, then stop).
 */
export function markEvent(marks: Map<string, ContainerEventMark>, id: string, event: DockerEvent): void {
  const time = eventTime(event);
  if (time === undefined) return;
  const own = event.Type === 'network' ? networkAction(event) : (event.Action ?? event.status ?? '');
  const previous = marks.get(id);
  const newer = !previous || compareEventTimes(time, previous.time) >= 0;
  const action =
    !previous || isNetworkAction(own) === isNetworkAction(previous.action) ? (newer ? own : previous.action) : isNetworkAction(own) ? previous.action : own;
  const next: ContainerEventMark = { ...previous, action, time: newer ? time : previous.time };
  const health = healthOfEvent(own);
  if (health && (!previous?.healthTime || compareEventTimes(time, previous.healthTime) >= 0)) {
    next.health = health;
    next.healthTime = time;
  }
  marks.set(id, next);
}

/**
 * Gathers changes over a short window and hands them on as one batch, so a burst of events (a bulk
 * stop of 50 containers) becomes one update per list.
 */
export class ChangeCoalescer {
  private resources = new Set<ResourceKind>();
  private containerIds = new Set<string>();
  private marks = new Map<string, ContainerEventMark>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly windowMs: number,
    private readonly flush: (batch: ChangeBatch) => void,
  ) {}

  add(event: DockerEvent): void {
    const touched = resourcesTouchedBy(event);
    if (touched.length === 0) return;
    for (const r of touched) this.resources.add(r);
    const containerId = containerTouchedBy(event);
    if (containerId) {
      this.containerIds.add(containerId);
      markEvent(this.marks, containerId, event);
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const batch: ChangeBatch = { resources: [...this.resources], containerIds: [...this.containerIds] };
      if (this.marks.size) batch.marks = Object.fromEntries(this.marks);
      this.resources = new Set();
      this.containerIds = new Set();
      this.marks = new Map();
      this.flush(batch);
    }, this.windowMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.resources.clear();
    this.containerIds.clear();
    this.marks.clear();
  }
}
