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
import type { KeptContainers } from './kept-containers.js';
import { commitContainer, exportContainer } from './image-moves.js';
import type { TransferReporter } from '../contract/transfer.js';
import type { ContainerEditInput, PortHolder, PortHolderInput } from '../contract/edit.js';
import { editableContainer, editContainer } from './edit.js';
import { addressesClash, findListener, readProcSockets, socketOwner } from '../hosts/port-holder.js';

/**
 * `docker ps -a` as rows, Berth's own helper containers left out. A restarting row also gets its
 * restart count from inspect (the list does not carry it; one call per restarting container,
 * usually none), so the first list a page draws says how often a looping container restarted
 * instead of "0 times". Rejects as the engine's list call does.
 */
export async function listContainers(docker: Docker): Promise<ContainerSummary[]> {
  const rows = (await engineCall(docker.listContainers({ all: true }))).filter((c) => !isBerthHelper(c)).map(toContainerSummary);
  return Promise.all(rows.map((row) => (row.state === 'restarting' ? withRestartCount(docker, row) : row)));
}

async function withRestartCount(docker: Docker, row: ContainerSummary): Promise<ContainerSummary> {
  const inspected = await docker
    .getContainer(row.id)
    .inspect()
    .then(
      (info) => info as unknown as InspectedState,
      () => undefined, // removed meanwhile: the next event drops the row
    );
  return inspected ? withInspectedState(row, inspected) : row;
}

/**
 * Container list and lifecycle on a Docker Engine API. The list comes from `kept` (the connection's
 * list kept current by events, engine/docker/kept-containers.ts) when given, else from the engine.
 */
export class DockerContainers implements ContainersApi {
  constructor(
    private readonly docker: Docker,
    private readonly kept?: KeptContainers,
  ) {}

  list() {
    return this.kept ? this.kept.list() : listContainers(this.docker);
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

  editable(id: string) {
    return editableContainer(this.docker, id);
  }

  edit(input: ContainerEditInput) {
    return editContainer(this.docker, input);
  }

  /**
   * What holds a host port. The engine's own port table first (a container, by name, so the dialog
   * can link to it; the container being edited does not count, it will be stopped first); then, for
   * an engine on this machine, the socket tables (docker-proxy's listeners are containers' and were
   * named above). For an engine elsewhere only the container table can be read: 'unknown' otherwise.
   */
  async hostPortHolder({ hostIp, hostPort, protocol, except }: PortHolderInput): Promise<PortHolder> {
    const local = Boolean((this.docker.modem as { socketPath?: string }).socketPath);
    const rows = (await engineCall(this.docker.listContainers({ all: false }))).map(toContainerSummary);
    const exceptRow = except ? rows.find((c) => c.id === except || c.id.startsWith(except) || c.name === except) : undefined;
    const holds = (port: number) => rows.find((c) => c !== exceptRow && c.ports.some((p) => p.hostPort === port && p.protocol === protocol && addressesClash(p.hostIp, hostIp)));
    const ownedByExcept = (port: number) => exceptRow?.ports.some((p) => p.hostPort === port && p.protocol === protocol) ?? false;
    const sockets = local ? await readProcSockets(protocol) : [];
    const taken = async (port: number) => {
      if (holds(port)) return true;
      if (!local || ownedByExcept(port)) return false;
      if (findListener(sockets, hostIp, port, protocol)) return true;
      return protocol === 'tcp' && (await hostPortFree(hostIp, port)) === 'taken';
    };
    const nextFree = async () => {
      for (let port = hostPort + 1; port <= Math.min(65535, hostPort + 200); port++) if (!(await taken(port))) return port;
      return undefined;
    };
    const container = holds(hostPort);
    if (container) {
      const next = await nextFree();
      return { kind: 'container', id: container.id, name: container.name, ...(next ? { nextFree: next } : {}) };
    }
    if (!local) return { kind: 'unknown' };
    if (ownedByExcept(hostPort) || !(await taken(hostPort))) return { kind: 'free' };
    const listener = findListener(sockets, hostIp, hostPort, protocol);
    const owner = listener ? await socketOwner(listener.inode) : undefined;
    const next = await nextFree();
    return { kind: 'process', ...(owner ? { program: owner.program, pid: owner.pid } : {}), ...(next ? { nextFree: next } : {}) };
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
