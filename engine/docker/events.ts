import type { ResourceKind } from '../contract/types.js';

/** The fields of a Docker engine event that Berth reads. */
export interface DockerEvent {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
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

/**
 * Gathers resource kinds over a short window and hands them on as one batch, so a burst of events
 * (a bulk stop of 50 containers) becomes one refetch per list.
 */
export class ChangeCoalescer {
  private pending = new Set<ResourceKind>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly windowMs: number,
    private readonly flush: (resources: ResourceKind[]) => void,
  ) {}

  add(resources: readonly ResourceKind[]): void {
    if (resources.length === 0) return;
    for (const r of resources) this.pending.add(r);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const batch = [...this.pending];
      this.pending = new Set();
      this.flush(batch);
    }, this.windowMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
