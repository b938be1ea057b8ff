import type { ResourceKind } from '../contract/types.js';

/** The fields of a Docker engine event that Berth reads. */
export interface DockerEvent {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
}

/**
 * Which cached lists an engine event makes stale. Exec and attach chatter changes no list, so it is
 * ignored rather than causing refetches while a terminal is open.
 */
export function resourcesTouchedBy(event: DockerEvent): ResourceKind[] {
  const action = event.Action ?? event.status ?? '';
  switch (event.Type) {
    case 'container':
      // Berth's own volume helpers come and go on every file listing; they change nothing a person sees.
      if (event.Actor?.Attributes?.['dev.berth.helper'] === '1') return [];
      if (/^(exec_|attach|resize|top|export|archive-path|extract-to-dir|copy)/.test(action)) return [];
      // A container appearing or going changes which images and volumes are in use.
      if (action === 'create' || action === 'destroy') return ['containers', 'images', 'volumes'];
      return ['containers'];
    case 'image':
      return ['images'];
    case 'volume':
      // mount/unmount happen on every container start and stop; they change no volume list.
      return action === 'mount' || action === 'unmount' ? [] : ['volumes'];
    case 'network':
      return action === 'connect' || action === 'disconnect' ? ['networks', 'containers'] : ['networks'];
    default:
      return [];
  }
}

/** The container an event is about, when it is a container event that changes the list. */
export function containerTouchedBy(event: DockerEvent): string | undefined {
  if (event.Type !== 'container' || !resourcesTouchedBy(event).includes('containers')) return undefined;
  return event.Actor?.ID ?? event.id;
}

export interface ChangeBatch {
  resources: ResourceKind[];
  /** Containers named by the batch's container events; empty when only other lists changed. */
  containerIds: string[];
}

/**
 * Gathers changes over a short window and hands them on as one batch, so a burst of events (a bulk
 * stop of 50 containers) becomes one update per list.
 */
export class ChangeCoalescer {
  private resources = new Set<ResourceKind>();
  private containerIds = new Set<string>();
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
    if (containerId) this.containerIds.add(containerId);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const batch = { resources: [...this.resources], containerIds: [...this.containerIds] };
      this.resources = new Set();
      this.containerIds = new Set();
      this.flush(batch);
    }, this.windowMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.resources.clear();
    this.containerIds.clear();
  }
}
