import type Docker from 'dockerode';
import type { z } from 'zod';
import type { ContainersApi, UploadSource } from '../contract/service.js';
import type { ContainerSummary } from '../contract/types.js';
import type {
  ContainerAction,
  ContainerActionInput,
  ContainerRenameInput,
  ContainerRunInput,
  containerRemoveInput,
  containerCommitInput,
} from '../contract/schemas.js';
import { containerFiles } from './archive-files.js';
import { engineCall, forEachId } from './bulk.js';
import { hostPortFree } from '../hosts/port-check.js';
import { fromDockerError } from './errors.js';
import { isBerthHelper, toContainerSummary, withInspectedState, type InspectedState } from './mappers.js';
import { explainMissingNetwork } from './networks.js';
import { runContainer } from './run.js';
import { commitContainer, exportContainer } from './image-moves.js';
import type { TransferReporter } from '../contract/transfer.js';

/** Container list and lifecycle on a Docker Engine API. */
export class DockerContainers implements ContainersApi {
  constructor(private readonly docker: Docker) {}

  /**
   * `docker ps -a` as rows. A restarting row also gets its restart count from inspect (the list
   * does not carry it; one call per restarting container, usually none), so the first list a page
   * draws says how often a looping container restarted instead of "0 times".
   */
  async list() {
    const rows = (await engineCall(this.docker.listContainers({ all: true }))).filter((c) => !isBerthHelper(c)).map(toContainerSummary);
    return Promise.all(rows.map((row) => (row.state === 'restarting' ? this.withRestartCount(row) : row)));
  }

  private async withRestartCount(row: ContainerSummary): Promise<ContainerSummary> {
    const inspected = await this.docker
      .getContainer(row.id)
      .inspect()
      .then(
        (info) => info as unknown as InspectedState,
        () => undefined, // removed meanwhile: the next event drops the row
      );
    return inspected ? withInspectedState(row, inspected) : row;
  }

  act({ ids, action }: ContainerActionInput) {
    return forEachId(ids, 'Container', async (id) => {
      try {
        await runAction(this.docker.getContainer(id), action);
      } catch (e) {
        // 304 means it already is in the state asked for: the person got what they wanted.
        if ((e as { statusCode?: number }).statusCode === 304) return;
        // A start refused for a network removed meanwhile: say which network, by name.
        if (action === 'start' && (e as { statusCode?: number }).statusCode === 404) {
          throw await explainMissingNetwork(this.docker, id, fromDockerError(e, `Container ${id.slice(0, 12)}`));
        }
        throw e;
      }
    });
  }

  async rename({ id, name }: ContainerRenameInput) {
    await engineCall(this.docker.getContainer(id).rename({ name }), `Container ${id}`);
  }

  run(input: ContainerRunInput) {
    return runContainer(this.docker, input);
  }

  async hostPortFree(hostIp: string, port: number) {
    // Only an engine on this machine publishes ports here; a remote one publishes on its own host.
    const local = Boolean((this.docker.modem as { socketPath?: string }).socketPath);
    return local ? hostPortFree(hostIp, port) : ('unknown' as const);
  }

  files(id: string, path: string) {
    return containerFiles.list(this.docker, id, path);
  }

  commit(input: z.output<typeof containerCommitInput>) {
    return commitContainer(this.docker, input);
  }

  exportTo(id: string, sink: NodeJS.WritableStream, progress?: TransferReporter) {
    return exportContainer(this.docker, id, sink, progress);
  }

  downloadFile(id: string, path: string, as: 'file' | 'folder', sink: NodeJS.WritableStream) {
    return containerFiles.download(this.docker, id, path, as, sink);
  }

  uploadFile(id: string, folder: string, name: string, source: UploadSource) {
    return containerFiles.upload(this.docker, id, folder, name, source);
  }

  async inspect(id: string) {
    return (await engineCall(this.docker.getContainer(id).inspect(), `Container ${id}`)) as unknown as Record<string, unknown>;
  }

  remove({ ids, removeVolumes, force }: z.output<typeof containerRemoveInput>) {
    return forEachId(ids, 'Container', (id) => this.docker.getContainer(id).remove({ v: removeVolumes, force }));
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
