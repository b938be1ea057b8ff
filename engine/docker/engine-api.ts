import type { ConnectionApi, EngineApi } from '../contract/service.js';
import type { EngineInfo } from '../contract/types.js';
import { engineCall } from './bulk.js';
import { engineInfo } from './health.js';
import type { EngineConnection } from './connection.js';
import { DockerContainers } from './containers.js';
import { toDiskUsage, type RawDiskUsage } from './disk-usage.js';
import { ExecSessions } from './exec.js';
import { DockerImages } from './images.js';
import { streamContainerLogs, writeContainerLogs } from './logs.js';
import { streamMergedLogs } from './merged-logs.js';
import { streamContainerStats } from './stats.js';
import { systemDf } from './system-df.js';
import { UsageHub } from './usage-hub.js';
import { DockerNetworks } from './networks.js';
import { DockerProjects } from './projects.js';
import { DockerRegistries } from './registries.js';
import { DockerVolumes } from './volumes.js';
import { TransferHub } from '../shared/transfer-hub.js';
import type { CliEngine } from '../compose/cli-engine.js';
import { createComposeCli } from '../compose/cli-projects.js';
import { DockerSwarm } from './swarm.js';

/**
 * The contract's whole engine API, done against one Docker Engine API connection. `sshTunnel`: an
 * ssh:// engine's one SSH connection, which CLI children (Compose, stack deploy) reach it through too.
 */
export function createDockerEngineApi(connection: EngineConnection, sshTunnel?: CliEngine['sshTunnel']): EngineApi {
  const docker = connection.docker;
  const { url, tls } = connection.status.endpoint;
  const cliEngine: CliEngine = { url, ...(tls ? { tls } : {}), ...(sshTunnel ? { sshTunnel } : {}) };
  const usage = new UsageHub(docker);
  return {
    connection: connectionApi(connection),
    containers: new DockerContainers(docker, connection.kept.containers),
    exec: new ExecSessions(docker),
    stats: { stream: (id, signal) => streamContainerStats(docker, id, signal), usage: (ids, signal) => usage.watch(ids, signal) },
    logs: {
      stream: (input, signal) => streamContainerLogs(docker, input, signal),
      merged: (ids, tail, signal, sinceTime) => streamMergedLogs(docker, ids, tail, signal, sinceTime),
      download: (id, sink) => writeContainerLogs(docker, id, sink),
      fileName: async (id) => {
        const info = await engineCall(docker.getContainer(id).inspect(), `Container ${id}`);
        return `${info.Name.replace(/^\//, '')}.log`;
      },
    },
    images: new DockerImages(docker, connection.kept.images),
    volumes: new DockerVolumes(docker, connection.kept.volumes),
    networks: new DockerNetworks(docker),
    projects: new DockerProjects(docker),
    registries: new DockerRegistries(docker),
    transfers: new TransferHub(),
    composeCli: createComposeCli(docker, cliEngine),
    swarm: new DockerSwarm(docker, cliEngine),
  };
}

function connectionApi(connection: EngineConnection): ConnectionApi {
  return {
    status: () => connection.status,
    watchStatus: (signal) => connection.statusChanges.iterate(signal, connection.status),
    watchChanges: (signal) => connection.changes.iterate(signal),
    watchAlerts: (signal) => connection.watchAlerts(signal),
    forgetKept: (lists) => lists.forEach((name) => connection.kept[name].forgetOwnChange()),
    async diskUsage() {
      return toDiskUsage((await engineCall(systemDf(connection.docker))) as RawDiskUsage);
    },
    async info(): Promise<EngineInfo> {
      const info = await engineInfo(connection.docker);
      return {
        name: info.Name,
        serverVersion: info.ServerVersion,
        apiVersion: connection.status.apiVersion ?? '',
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
    },
  };
}
