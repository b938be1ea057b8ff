import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';
import type { UploadSource, VolumesApi } from '../contract/service.js';
import type { TransferReporter } from '../contract/transfer.js';
import type { ActionOutcome, VolumePrunePreview, VolumeSummary } from '../contract/types.js';
import { engineCall, forEachId } from './bulk.js';
import { engineInfo } from './health.js';
import { isBerthHelper } from './mappers.js';
import { volumeSizes } from './volume-sizes.js';
import type { KeptList } from './kept-list.js';
import { cloneVolume, deleteFromVolume, downloadFromVolume, exportVolume, importVolume, listVolumeFolder, uploadToVolume } from './archive-files.js';

const anonymousName = /^[0-9a-f]{64}$/;

/**
 * The volumes, as `docker volume ls` lists them. Sizes come apart (sizes()): they need `docker
 * system df`, which walks every volume and costs several times the list itself at 1,000 volumes.
 * Which containers mount each is not asked here either: the page has the containers list already,
 * and listing every container again made this list as slow as that one (issue 17: 1,000 volumes
 * beside 1,000 containers took 24× the engine's own call).
 * Rejects as the engine's call does.
 */
export async function listVolumes(docker: Docker): Promise<VolumeSummary[]> {
  const { Volumes } = await engineCall(docker.listVolumes());
  return (Volumes ?? []).map((v) => {
    const created = (v as { CreatedAt?: string }).CreatedAt;
    return {
      name: v.Name,
      driver: v.Driver,
      mountpoint: v.Mountpoint,
      ...(created ? { created } : {}),
      labels: (v.Labels as Record<string, string> | null) ?? {},
      anonymous: anonymousName.test(v.Name),
    };
  });
}

/**
 * Volumes on a Docker Engine API. A volume any container mounts, running or not, is never removed.
 * The list comes from `kept` (the connection's list kept between asks, engine/docker/kept-list.ts) when given.
 */
export class DockerVolumes implements VolumesApi {
  constructor(
    private readonly docker: Docker,
    private readonly kept?: KeptList<VolumeSummary>,
  ) {}

  /** Each volume's size in bytes where the engine measured it (`docker system df -v`); {} when it would not say. */
  async sizes(): Promise<Record<string, number>> {
    const sizes = await volumeSizes(this.docker);
    return Object.fromEntries([...sizes].filter(([, size]) => size >= 0));
  }

  list(): Promise<VolumeSummary[]> {
    return this.kept ? this.kept.list() : listVolumes(this.docker);
  }

  async create(input: { name: string; driver: string; driverOptions: Record<string, string>; labels: Record<string, string> }) {
    await this.requireDriver(input.driver);
    const created = await engineCall(
      this.docker.createVolume({
        ...(input.name ? { Name: input.name } : {}),
        Driver: input.driver,
        DriverOpts: input.driverOptions,
        Labels: input.labels,
      }),
      input.name ? `Volume ${input.name}` : undefined,
    );
    return { name: (created as unknown as { name?: string; Name?: string }).name ?? input.name };
  }

  /**
   * Refuses a volume driver the engine does not have. Asked for one it lacks, dockerd looks for the
   * plugin for about 15 s before it says so; `docker info` lists the drivers it has right away.
   * Throws NOT_FOUND (reason volumeDriverMissing, params driver and installed).
   */
  private async requireDriver(driver: string): Promise<void> {
    if (driver === 'local') return;
    const info = (await engineInfo(this.docker)) as { Plugins?: { Volume?: string[] | null } };
    const installed = info.Plugins?.Volume ?? ['local'];
    if (installed.includes(driver)) return;
    throw new BerthError(
      'NOT_FOUND',
      `This engine has no volume driver called "${driver}".`,
      `Drivers installed here: ${installed.join(', ')}. Install the plugin first, or use one of these.`,
      { reason: 'volumeDriverMissing', params: { driver, installed: installed.join(', ') } },
    );
  }

  /**
   * Volume name → names of the containers (running or not) that mount it; a volume no container
   * mounts is absent. Berth's own helper (a file transfer or listing under way) counts as a user,
   * named "Berth": the person sees no container of that name anywhere.
   */
  private async users(): Promise<Map<string, string[]>> {
    const users = new Map<string, string[]>();
    for (const c of await engineCall(this.docker.listContainers({ all: true }))) {
      const name = isBerthHelper(c) ? 'Berth' : (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, '');
      for (const m of c.Mounts ?? []) {
        if (m.Type !== 'volume' || !m.Name) continue;
        const names = users.get(m.Name) ?? [];
        if (!names.includes(name)) users.set(m.Name, [...names, name]);
      }
    }
    return users;
  }

  async remove({ names }: { names: string[] }): Promise<ActionOutcome[]> {
    const usage = await this.users();
    return forEachId(names, 'Volume', async (name) => {
      const users = usage.get(name) ?? [];
      if (users.length) {
        throw new BerthError(
          'CONFLICT',
          `Volume ${name} is used by ${users.join(', ')}, so it is kept.`,
          'Remove those containers first (their data in this volume stays until you remove the volume).',
          { reason: 'volumeInUse', params: { volume: name, containers: users } },
        );
      }
      await this.docker.getVolume(name).remove();
    });
  }

  async prunePreview(): Promise<VolumePrunePreview> {
    const [listed, users] = await Promise.all([listVolumes(this.docker), this.users()]);
    const unused = listed.filter((v) => !users.has(v.name));
    return {
      volumes: unused.map((v) => ({ name: v.name, ...(v.size !== undefined ? { size: v.size } : {}) })),
      totalSize: unused.reduce((n, v) => n + (v.size ?? 0), 0),
    };
  }

  /** Exactly the previewed volumes; one that came into use since the preview is kept and says so. */
  prune({ names }: { names: string[] }) {
    return this.remove({ names });
  }

  files(volume: string, path: string) {
    return listVolumeFolder(this.docker, volume, path);
  }

  download(volume: string, path: string, as: 'file' | 'folder', sink: NodeJS.WritableStream) {
    return downloadFromVolume(this.docker, volume, path, as, sink);
  }

  upload(volume: string, folder: string, name: string, source: UploadSource) {
    return uploadToVolume(this.docker, volume, folder, name, source);
  }

  deleteFile(volume: string, path: string) {
    return deleteFromVolume(this.docker, volume, path);
  }

  exportTo(volume: string, sink: NodeJS.WritableStream, progress?: TransferReporter) {
    return exportVolume(this.docker, volume, sink, progress);
  }

  importFrom(volume: string, archive: NodeJS.ReadableStream, progress?: TransferReporter) {
    return importVolume(this.docker, volume, archive, progress);
  }

  clone(source: string, target: string, progress?: TransferReporter) {
    return cloneVolume(this.docker, source, target, progress);
  }
}
