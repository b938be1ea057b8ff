import type Docker from 'dockerode';
import type { ContainerInfo } from 'dockerode';
import { BerthError, type BerthErrorShape } from '../contract/errors.js';
import { composeLabel } from '../contract/compose-labels.js';
import type { ProjectAction } from '../contract/schemas.js';
import type { ProjectsApi } from '../contract/service.js';
import type { ActionOutcome, ProjectRemoveOutcome, ProjectResources } from '../contract/types.js';
import { engineCall, forEachId } from './bulk.js';
import { fromDockerError } from './errors.js';
import { isBerthHelper } from './mappers.js';

const labelFilter = (project: string) => ({ label: [`${composeLabel.project}=${project}`] });
const nameOf = (c: ContainerInfo) => (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, '');
const isUp = (c: ContainerInfo) => c.State === 'running' || c.State === 'paused' || c.State === 'restarting';

/**
 * The services of a project in the order Compose brought them up: Compose creates a service's
 * dependencies before it, so the service whose oldest container is oldest came first. The labels
 * say nothing of depends_on in v1, so creation time is the order Berth can know.
 */
export function servicesInStartOrder(containers: readonly Pick<ContainerInfo, 'Id' | 'Created' | 'Labels'>[]): string[][] {
  const byService = new Map<string, { created: number; ids: string[] }>();
  for (const c of containers) {
    const service = c.Labels?.[composeLabel.service] ?? '';
    const entry = byService.get(service) ?? { created: Number.POSITIVE_INFINITY, ids: [] };
    entry.created = Math.min(entry.created, c.Created);
    entry.ids.push(c.Id);
    byService.set(service, entry);
  }
  return [...byService.entries()].sort(([a, x], [b, y]) => x.created - y.created || a.localeCompare(b)).map(([, entry]) => entry.ids);
}

/**
 * A Compose project's containers, networks and volumes acted on through the Engine API by the
 * `com.docker.compose.project` label, as `docker compose -p NAME start|stop|…` does: it needs no
 * Compose file, so it works when the project's folder is gone.
 */
export class DockerProjects implements ProjectsApi {
  constructor(private readonly docker: Docker) {}

  private async containers(project: string): Promise<ContainerInfo[]> {
    const found = await engineCall(this.docker.listContainers({ all: true, filters: labelFilter(project) }));
    // `compose run` one-offs are not part of the application (compose ps/start/stop skip them too).
    return found.filter((c) => !isBerthHelper(c) && !/^true$/i.test(c.Labels?.[composeLabel.oneOff] ?? ''));
  }

  /**
   * Start, stop, restart, pause or unpause every container of the project, one outcome per container
   * (304 "already so" counts as done). Start and restart go service by service in the order the
   * project was brought up, stop in the reverse order (dependents first), so a database is up
   * before its app and goes down after it; pause and unpause take all at once.
   */
  async act(project: string, action: ProjectAction): Promise<ActionOutcome[]> {
    const containers = await this.containers(project);
    const wanted = containers.filter((c) => {
      switch (action) {
        case 'start':
          return !isUp(c);
        case 'stop':
          return isUp(c);
        case 'pause':
          return c.State === 'running';
        case 'unpause':
          return c.State === 'paused';
        case 'restart':
          return true;
      }
    });
    const run = (ids: readonly string[]) =>
      forEachId(ids, 'Container', async (id) => {
        const container = this.docker.getContainer(id);
        try {
          await (action === 'start' ? container.start() : action === 'stop' ? container.stop() : action === 'restart' ? container.restart() : action === 'pause' ? container.pause() : container.unpause());
        } catch (e) {
          if ((e as { statusCode?: number }).statusCode !== 304) throw e;
        }
      });
    if (action === 'pause' || action === 'unpause') return run(wanted.map((c) => c.Id));
    const steps = servicesInStartOrder(wanted);
    if (action === 'stop') steps.reverse();
    const outcomes: ActionOutcome[] = [];
    for (const ids of steps) outcomes.push(...(await run(ids)));
    return outcomes;
  }

  /** The project's named volumes and networks (labelled by Compose), and which other containers use each volume. */
  async resources(project: string): Promise<ProjectResources> {
    const [volumes, networks, all] = await Promise.all([
      engineCall(this.docker.listVolumes({ filters: labelFilter(project) })),
      engineCall(this.docker.listNetworks({ filters: labelFilter(project) })),
      engineCall(this.docker.listContainers({ all: true })),
    ]);
    const others = all.filter((c) => c.Labels?.[composeLabel.project] !== project);
    return {
      volumes: (volumes.Volumes ?? [])
        .map((v) => ({ name: v.Name, usedBy: others.filter((c) => c.Mounts?.some((m) => m.Type === 'volume' && m.Name === v.Name)).map(nameOf) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      networks: networks.map((n) => ({ name: n.Name })).sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  /**
   * Removes every container of the project (running ones too, as `down` stops them first), then
   * the networks and volumes named (those the person ticked), each with its own outcome: a volume
   * another container still uses is refused by the engine, and that refusal is its outcome.
   */
  async remove(project: string, volumes: readonly string[], networks: readonly string[]): Promise<ProjectRemoveOutcome[]> {
    // Only what carries this project's label goes, whatever names the request holds; a network by
    // its full id (a name would also match another network's id prefix).
    const [labelledVolumes, labelledNetworks] = await Promise.all([
      engineCall(this.docker.listVolumes({ filters: labelFilter(project) })),
      engineCall(this.docker.listNetworks({ filters: labelFilter(project) })),
    ]);
    const ownVolumes = new Set((labelledVolumes.Volumes ?? []).map((v) => v.Name));
    const networkIds = new Map(labelledNetworks.map((n) => [n.Name, n.Id]));
    const containers = await this.containers(project);
    const names = new Map(containers.map((c) => [c.Id, nameOf(c)]));
    const removed = await forEachId(
      containers.map((c) => c.Id),
      'Container',
      (id) => this.docker.getContainer(id).remove({ force: true }),
    );
    const outcomes: ProjectRemoveOutcome[] = removed.map((o) => ({ kind: 'container', name: names.get(o.id) ?? o.id, ok: o.ok, ...(o.error ? { error: o.error } : {}) }));
    for (const [kind, list, remove] of [
      ['network', networks, (name: string) => this.docker.getNetwork(networkIds.get(name)!).remove()],
      ['volume', volumes, (name: string) => this.docker.getVolume(name).remove()],
    ] as const) {
      for (const name of list) {
        const ours = kind === 'network' ? networkIds.has(name) : ownVolumes.has(name);
        if (!ours) {
          outcomes.push({ kind, name, ok: false, error: notOfProject(kind, name, project) });
          continue;
        }
        try {
          await remove(name);
          outcomes.push({ kind, name, ok: true });
        } catch (e) {
          outcomes.push({ kind, name, ok: false, error: fromDockerError(e, `${kind === 'volume' ? 'Volume' : 'Network'} ${name}`).toShape() });
        }
      }
    }
    return outcomes;
  }
}

/** A volume or network named for removal that does not carry the project's label. */
function notOfProject(kind: 'volume' | 'network', name: string, project: string): BerthErrorShape {
  return new BerthError('CONFLICT', `${name} is not a ${kind} of project ${project}; Berth leaves it alone.`, undefined, {
    reason: 'notOfProject',
    params: { name, project },
  }).toShape();
}
