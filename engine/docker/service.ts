import type Docker from 'dockerode';
import type { z } from 'zod';
import type { EngineService } from '../contract/service.js';
import type {
  ContainerAction,
  ContainerActionInput,
  ContainerRenameInput,
  containerRemoveInput,
} from '../contract/schemas.js';
import type { ActionOutcome, EngineInfo } from '../contract/types.js';
import type { EngineConnection } from './connection.js';
import { fromDockerError } from './errors.js';
import { toContainerSummary, toImageSummary, toVolumeSummary } from './mappers.js';

/** How many containers a bulk action works on at once: enough to be quick, few enough to be kind to the engine. */
const bulkConcurrency = 8;

/** The contract's engine calls, done against a Docker Engine API through dockerode. */
export class DockerEngineService implements EngineService {
  constructor(private readonly connection: EngineConnection) {}

  private get docker(): Docker {
    return this.connection.docker;
  }

  status() {
    return this.connection.status;
  }

  watchStatus(signal: AbortSignal | undefined) {
    return this.connection.statusChanges.iterate(signal, this.connection.status);
  }

  watchChanges(signal: AbortSignal | undefined) {
    return this.connection.changes.iterate(signal);
  }

  async info(): Promise<EngineInfo> {
    const info = await this.docker.info().catch((e: unknown) => {
      throw fromDockerError(e);
    });
    return {
      name: info.Name,
      serverVersion: info.ServerVersion,
      apiVersion: this.connection.status.apiVersion ?? '',
      operatingSystem: info.OperatingSystem,
      osType: info.OSType,
      architecture: info.Architecture,
      kernelVersion: info.KernelVersion,
      cpus: info.NCPU,
      memoryBytes: info.MemTotal,
      storageDriver: info.Driver,
      dataRoot: info.DockerRootDir,
      containers: {
        total: info.Containers,
        running: info.ContainersRunning,
        paused: info.ContainersPaused,
        stopped: info.ContainersStopped,
      },
      images: info.Images,
    };
  }

  async listContainers() {
    try {
      const list = await this.docker.listContainers({ all: true });
      return list.map(toContainerSummary);
    } catch (e) {
      throw fromDockerError(e);
    }
  }

  actOnContainers({ ids, action }: ContainerActionInput): Promise<ActionOutcome[]> {
    return forEachContainer(ids, async (id) => {
      const container = this.docker.getContainer(id);
      try {
        await runAction(container, action);
      } catch (e) {
        // 304 means it already is in the state asked for: the person got what they wanted.
        if ((e as { statusCode?: number }).statusCode === 304) return;
        throw e;
      }
    });
  }

  async renameContainer({ id, name }: ContainerRenameInput): Promise<void> {
    try {
      await this.docker.getContainer(id).rename({ name });
    } catch (e) {
      throw fromDockerError(e, `Container ${id}`);
    }
  }

  removeContainers({ ids, removeVolumes, force }: z.output<typeof containerRemoveInput>) {
    return forEachContainer(ids, (id) => this.docker.getContainer(id).remove({ v: removeVolumes, force }));
  }

  async listImages() {
    try {
      return (await this.docker.listImages({ all: false })).map(toImageSummary);
    } catch (e) {
      throw fromDockerError(e);
    }
  }

  async listVolumes() {
    try {
      const { Volumes } = await this.docker.listVolumes();
      return (Volumes ?? []).map(toVolumeSummary);
    } catch (e) {
      throw fromDockerError(e);
    }
  }
}

function runAction(container: Docker.Container, action: ContainerAction): Promise<unknown> {
  switch (action) {
    case 'start':
      return container.start();
    case 'stop':
      return container.stop();
    case 'restart':
      return container.restart();
    case 'pause':
      return container.pause();
    case 'unpause':
      return container.unpause();
    case 'kill':
      return container.kill();
  }
}

/** Runs `work` for every id, a few at a time, and reports each one's outcome instead of stopping at the first failure. */
async function forEachContainer(
  ids: readonly string[],
  work: (id: string) => Promise<unknown>,
): Promise<ActionOutcome[]> {
  const outcomes: ActionOutcome[] = new Array(ids.length);
  let next = 0;
  async function worker() {
    while (next < ids.length) {
      const index = next++;
      const id = ids[index]!;
      try {
        await work(id);
        outcomes[index] = { id, ok: true };
      } catch (e) {
        outcomes[index] = { id, ok: false, error: fromDockerError(e, `Container ${id.slice(0, 12)}`).toShape() };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(bulkConcurrency, ids.length) }, worker));
  return outcomes;
}
