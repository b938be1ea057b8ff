import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';
import type { ComposeEvent } from '../contract/compose-cli.js';
import { stackDeployArgs, stackNamespaceLabel, type ServiceLogsInput } from '../contract/swarm.js';
import type {
  LogEvent,
  StackRemoveOutcome,
  StackResources,
  SwarmNode,
  SwarmOverview,
  SwarmPort,
  SwarmService,
  SwarmStatus,
  SwarmTask,
} from '../contract/types.js';
import { leaseCliEngine, type CliEngine } from '../compose/cli-engine.js';
import { composeEnv, runCompose } from '../compose/run.js';
import { batchOutput } from '../shared/output-batcher.js';
import { engineCall } from './bulk.js';
import { engineInfo } from './health.js';
import { engineMessage, fromDockerError } from './errors.js';
import { logFrames } from './log-frames.js';

/** The parts of the Engine API's Service object Berth reads (API 1.41: `GET /services?status=true`). */
interface RawService {
  ID: string;
  Version?: { Index?: number };
  UpdatedAt?: string;
  Spec: RawServiceSpec;
  PreviousSpec?: unknown;
  Endpoint?: { Ports?: RawPort[] };
  UpdateStatus?: { State?: string; Message?: string };
  ServiceStatus?: { RunningTasks?: number; DesiredTasks?: number };
  /** Not the engine's: tasks meant to run that do not yet (withTaskCounts). */
  Starting?: number;
}
interface RawServiceSpec {
  Name?: string;
  Labels?: Record<string, string>;
  TaskTemplate?: { ContainerSpec?: { Image?: string } };
  Mode?: { Replicated?: { Replicas?: number }; Global?: object; ReplicatedJob?: object; GlobalJob?: object };
  EndpointSpec?: { Ports?: RawPort[] };
}
interface RawPort {
  Protocol?: string;
  TargetPort?: number;
  PublishedPort?: number;
  PublishMode?: string;
}
interface RawTask {
  ID: string;
  ServiceID: string;
  Slot?: number;
  NodeID?: string;
  DesiredState?: string;
  Status?: { Timestamp?: string; State?: string; Message?: string; Err?: string };
  Spec?: { ContainerSpec?: { Image?: string } };
}
interface RawNode {
  ID: string;
  Spec?: { Role?: string; Availability?: string };
  Description?: { Hostname?: string; Engine?: { EngineVersion?: string } };
  Status?: { State?: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string };
}

/** "nginx:1.27@sha256:…" → "nginx:1.27": the CLI pins the digest it resolved; people read the tag. */
export function imageWithoutDigest(image: string): string {
  const at = image.indexOf('@');
  return at > 0 ? image.slice(0, at) : image;
}

function serviceMode(mode: RawServiceSpec['Mode']): SwarmService['mode'] {
  if (mode?.Global) return 'global';
  if (mode?.ReplicatedJob) return 'replicated-job';
  if (mode?.GlobalJob) return 'global-job';
  return 'replicated';
}

function toPort(p: RawPort): SwarmPort {
  return {
    target: p.TargetPort ?? 0,
    ...(p.PublishedPort ? { published: p.PublishedPort } : {}),
    protocol: p.Protocol ?? 'tcp',
    publishMode: p.PublishMode === 'host' ? 'host' : 'ingress',
  };
}

/** One service as the Swarm section lists it; `running`/`desired` from the engine's ServiceStatus (API ≥ 1.41). */
export function toSwarmService(raw: RawService): SwarmService {
  const spec = raw.Spec;
  const mode = serviceMode(spec.Mode);
  const stack = spec.Labels?.[stackNamespaceLabel];
  return {
    id: raw.ID,
    name: spec.Name ?? raw.ID,
    image: imageWithoutDigest(spec.TaskTemplate?.ContainerSpec?.Image ?? ''),
    mode,
    desired: raw.ServiceStatus?.DesiredTasks ?? (mode === 'replicated' ? (spec.Mode?.Replicated?.Replicas ?? 1) : 0),
    running: raw.ServiceStatus?.RunningTasks ?? 0,
    starting: raw.Starting ?? 0,
    ports: (raw.Endpoint?.Ports ?? spec.EndpointSpec?.Ports ?? []).map(toPort),
    ...(stack ? { stack } : {}),
    ...(raw.UpdateStatus?.State ? { updateState: raw.UpdateStatus.State } : {}),
    ...(raw.UpdateStatus?.Message ? { updateMessage: raw.UpdateStatus.Message } : {}),
    canRollback: raw.PreviousSpec !== undefined && raw.PreviousSpec !== null,
    updatedAt: raw.UpdatedAt ?? '',
  };
}

export function toSwarmTask(raw: RawTask, hostnames: ReadonlyMap<string, string>): SwarmTask {
  const node = raw.NodeID ? hostnames.get(raw.NodeID) : undefined;
  return {
    id: raw.ID,
    serviceId: raw.ServiceID,
    ...(raw.Slot ? { slot: raw.Slot } : {}),
    nodeId: raw.NodeID ?? '',
    ...(node ? { node } : {}),
    desiredState: raw.DesiredState ?? '',
    state: raw.Status?.State ?? '',
    message: raw.Status?.Message ?? '',
    ...(raw.Status?.Err ? { error: raw.Status.Err } : {}),
    timestamp: raw.Status?.Timestamp ?? '',
    image: imageWithoutDigest(raw.Spec?.ContainerSpec?.Image ?? ''),
  };
}

export function toSwarmNode(raw: RawNode, selfId: string): SwarmNode {
  const manager = raw.ManagerStatus;
  return {
    id: raw.ID,
    hostname: raw.Description?.Hostname ?? raw.ID,
    role: raw.Spec?.Role === 'manager' ? 'manager' : 'worker',
    availability: (raw.Spec?.Availability as SwarmNode['availability'] | undefined) ?? 'active',
    status: raw.Status?.State ?? 'unknown',
    ...(manager ? { managerStatus: manager.Leader ? 'leader' : (manager.Reachability ?? 'unknown') } : {}),
    address: raw.Status?.Addr ?? '',
    engineVersion: raw.Description?.Engine?.EngineVersion ?? '',
    self: raw.ID === selfId,
  };
}

/**
 * Each service with `Starting` (its tasks meant to run that do not run yet: what the section waits
 * on) and, for an engine that spoke an API older than 1.41 (no ServiceStatus), the counts as
 * `docker service ls` made them before: running tasks among those meant to run; desired from the
 * replica count or, for a global service, its tasks.
 */
export function withTaskCounts(services: readonly RawService[], runningDesired: readonly RawTask[]): RawService[] {
  return services.map((s) => {
    const own = runningDesired.filter((t) => t.ServiceID === s.ID);
    const running = own.filter((t) => t.Status?.State === 'running').length;
    const status = s.ServiceStatus ?? { RunningTasks: running, DesiredTasks: s.Spec.Mode?.Replicated?.Replicas ?? own.length };
    return { ...s, ServiceStatus: status, Starting: own.length - running };
  });
}

const notManager = (state: string) =>
  new BerthError('CONFLICT', `This engine is not a swarm manager (swarm state: ${state}).`, 'Run docker swarm init, or connect to a manager.', {
    reason: 'swarmNotManager',
    params: { state },
  });

/** The engine answers 503 "This node is not a swarm manager" to every Swarm call on a worker or a non-swarm engine. */
function swarmCall<T>(call: Promise<T>, subject?: string): Promise<T> {
  return call.catch((error: unknown) => {
    const e = error as { statusCode?: number };
    if (e?.statusCode === 503 && /swarm/i.test(engineMessage(error))) throw notManager('inactive');
    throw fromDockerError(error, subject);
  });
}

/**
 * Swarm mode on one engine through the Engine API: the status, services (with running/desired
 * counts), tasks, nodes, stacks by their namespace label; scale, update image, roll back, remove;
 * service logs. Deploying a stack runs the docker CLI (`docker stack deploy`), as the API has no stack.
 */
export class DockerSwarm {
  constructor(
    private readonly docker: Docker,
    /** The engine as the docker CLI must reach it: an address, or one with its TLS files or SSH tunnel. */
    private readonly engine: CliEngine | string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  async status(): Promise<SwarmStatus> {
    const info = (await engineInfo(this.docker)) as { Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean; NodeID?: string; Error?: string } };
    const swarm = info.Swarm ?? {};
    const state = (['inactive', 'pending', 'active', 'error', 'locked'] as const).find((s) => s === swarm.LocalNodeState) ?? 'inactive';
    return {
      localNodeState: state,
      manager: state === 'active' && swarm.ControlAvailable === true,
      nodeId: swarm.NodeID ?? '',
      ...(swarm.Error ? { error: swarm.Error } : {}),
    };
  }

  /** The status; on a manager also every service and node (empty lists elsewhere, never a failure). */
  async overview(): Promise<SwarmOverview> {
    const status = await this.status();
    if (!status.manager) return { status, services: [], nodes: [] };
    const [services, nodes, tasks] = await Promise.all([
      this.rawServices(),
      swarmCall(this.docker.listNodes() as Promise<RawNode[]>),
      swarmCall(this.docker.listTasks({ filters: { 'desired-state': ['running'] } }) as Promise<RawTask[]>),
    ]);
    return {
      status,
      services: withTaskCounts(services, tasks).map(toSwarmService).sort((a, b) => a.name.localeCompare(b.name)),
      nodes: nodes.map((n) => toSwarmNode(n, status.nodeId)).sort((a, b) => a.hostname.localeCompare(b.hostname)),
    };
  }

  /** A service's tasks, newest slot state first within a slot (as `docker service ps` orders them). */
  async tasks(service: string): Promise<SwarmTask[]> {
    const id = (await this.inspect(service)).ID;
    const [tasks, nodes] = await Promise.all([
      swarmCall(this.docker.listTasks({ filters: { service: [id] } }) as Promise<RawTask[]>),
      swarmCall(this.docker.listNodes() as Promise<RawNode[]>),
    ]);
    const hostnames = new Map(nodes.map((n) => [n.ID, n.Description?.Hostname ?? n.ID]));
    return tasks
      .filter((t) => t.ServiceID === id)
      .map((t) => toSwarmTask(t, hostnames))
      .sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0) || a.nodeId.localeCompare(b.nodeId) || b.timestamp.localeCompare(a.timestamp));
  }

  /** `docker service scale NAME=N`: the spec as it is, with the replica count changed. */
  async scale(service: string, replicas: number): Promise<void> {
    const raw = await this.inspect(service);
    const mode = serviceMode(raw.Spec.Mode);
    if (mode !== 'replicated') {
      throw new BerthError('INVALID_INPUT', `Service ${service} is ${mode}, not replicated: it cannot be scaled.`, undefined, {
        reason: 'swarmNotReplicated',
        params: { service, mode },
      });
    }
    await this.update(raw, (spec) => ({ ...spec, Mode: { Replicated: { Replicas: replicas } } }));
  }

  /** `docker service update --image IMAGE NAME`: the rest of the spec kept; the engine resolves the image on each node. */
  async updateImage(service: string, image: string): Promise<void> {
    const raw = await this.inspect(service);
    await this.update(raw, (spec) => ({ ...spec, TaskTemplate: { ...spec.TaskTemplate, ContainerSpec: { ...spec.TaskTemplate?.ContainerSpec, Image: image } } }));
  }

  /** `docker service rollback NAME`: the engine puts back PreviousSpec (update with `rollback=previous`). */
  async rollback(service: string): Promise<void> {
    const raw = await this.inspect(service);
    if (!raw.PreviousSpec) {
      throw new BerthError('CONFLICT', `Service ${service} has no previous spec to roll back to.`, undefined, { reason: 'swarmNoPreviousSpec', params: { service } });
    }
    await this.update(raw, (spec) => spec, { rollback: 'previous' });
  }

  async remove(service: string): Promise<void> {
    await swarmCall(this.docker.getService(service).remove(), `Service ${service}`);
  }

  /** What `docker stack rm NAME` takes away: everything labelled with the stack's namespace. */
  async stackResources(stack: string): Promise<StackResources> {
    const filters = { label: [`${stackNamespaceLabel}=${stack}`] };
    const [services, networks, configs, secrets] = await Promise.all([
      swarmCall(this.docker.listServices({ filters }) as Promise<RawService[]>),
      engineCall(this.docker.listNetworks({ filters }) as Promise<{ Name: string }[]>),
      swarmCall(this.docker.listConfigs({ filters }) as Promise<{ Spec?: { Name?: string } }[]>),
      swarmCall(this.docker.listSecrets({ filters }) as Promise<{ Spec?: { Name?: string } }[]>),
    ]);
    const names = (list: { Spec?: { Name?: string } }[]) => list.map((x) => x.Spec?.Name ?? '').filter(Boolean).sort();
    return {
      services: services.map((s) => s.Spec.Name ?? s.ID).sort(),
      networks: networks.map((n) => n.Name).sort(),
      configs: names(configs),
      secrets: names(secrets),
    };
  }

  /**
   * `docker stack rm NAME`: services first (their tasks hold the networks), then networks, configs
   * and secrets; one outcome each. A network still held by a task being torn down is refused by
   * the engine, so it is retried for a few seconds as the CLI's own removal leaves it to the engine.
   */
  async removeStack(stack: string): Promise<StackRemoveOutcome[]> {
    const found = await this.stackResources(stack);
    const total = found.services.length + found.networks.length + found.configs.length + found.secrets.length;
    if (total === 0) throw new BerthError('NOT_FOUND', `No stack named ${stack}.`, undefined, { reason: 'stackMissing', params: { stack } });
    const outcomes: StackRemoveOutcome[] = [];
    const attempt = async (kind: StackRemoveOutcome['kind'], name: string, work: () => Promise<unknown>, tries = 1) => {
      for (let i = 1; ; i++) {
        try {
          await work();
          outcomes.push({ kind, name, ok: true });
          return;
        } catch (error) {
          // Gone already: an overlay network is removed by the engine a moment after its last task, and still listed meanwhile.
          if ((error as { statusCode?: number }).statusCode === 404 || /not found/i.test(engineMessage(error))) {
            outcomes.push({ kind, name, ok: true });
            return;
          }
          if (i < tries) {
            await new Promise((resolve) => setTimeout(resolve, 500));
            continue;
          }
          outcomes.push({ kind, name, ok: false, error: fromDockerError(error, `${kind} ${name}`).toShape() });
          return;
        }
      }
    };
    for (const name of found.services) await attempt('service', name, () => this.docker.getService(name).remove());
    for (const name of found.networks) await attempt('network', name, () => this.docker.getNetwork(name).remove(), 20);
    for (const name of found.configs) await attempt('config', name, () => this.docker.getConfig(name).remove());
    for (const name of found.secrets) await attempt('secret', name, () => this.docker.getSecret(name).remove());
    return outcomes;
  }

  /** `docker service logs`: the same multiplexed frames as a container's (services have no TTY here). */
  async *logs(input: ServiceLogsInput, signal: AbortSignal | undefined): AsyncGenerator<LogEvent> {
    const raw = await this.inspect(input.service);
    const tty = (raw.Spec.TaskTemplate?.ContainerSpec as { TTY?: boolean } | undefined)?.TTY === true;
    const source = await swarmCall(
      new Promise<NodeJS.ReadableStream & AsyncIterable<Buffer>>((resolve, reject) => {
        this.docker.modem.dial(
          {
            path: `/services/${encodeURIComponent(raw.ID)}/logs?`,
            method: 'GET',
            options: {
              follow: input.follow,
              stdout: true,
              stderr: true,
              timestamps: input.timestamps,
              ...(input.sinceTime ? { since: input.sinceTime } : { tail: input.tail }),
            },
            isStream: true,
            ...(signal ? { abortSignal: signal } : {}),
            statusCodes: { 200: true, 404: 'no such service', 500: 'server error', 503: 'node is not part of a swarm' },
          },
          (error: unknown, stream: unknown) => (error ? reject(error) : resolve(stream as NodeJS.ReadableStream & AsyncIterable<Buffer>)),
        );
      }),
      `Service ${input.service}`,
    );
    try {
      for await (const segments of batchOutput(logFrames(source, tty))) yield { kind: 'output', segments };
    } catch (error) {
      // A cut mid-stream (the engine went away) is said as the engine being away, not as a refusal.
      if (!signal?.aborted) throw fromDockerError(error);
    } finally {
      (source as unknown as Readable).destroy();
    }
  }

  /**
   * `docker stack deploy -c FILE NAME` with the docker CLI (the API has no stacks), given this engine
   * as cli-engine.ts#leaseCliEngine does (TLS files, Berth's SSH tunnel); the CLI reads the file on this machine. Yields the argv, the output, then done.
   */
  async *deploy(file: string, stack: string, signal: AbortSignal | undefined): AsyncGenerator<ComposeEvent> {
    const status = await this.status();
    if (!status.manager) throw notManager(status.localNodeState);
    const argv = ['docker', ...stackDeployArgs(file, stack)];
    yield { kind: 'command', argv };
    const lease = await leaseCliEngine(typeof this.engine === 'string' ? { url: this.engine } : this.engine, this.env);
    try {
      for await (const text of runCompose(argv, { env: composeEnv(lease.vars, this.env), ...(signal ? { signal } : {}) })) {
        yield { kind: 'output', text };
      }
    } catch (error) {
      // runCompose words its failures for Compose; here the program is the docker CLI.
      if (error instanceof BerthError && error.reason === 'composeMissing') {
        throw new BerthError('NOT_FOUND', 'The docker CLI was not found.', undefined, { reason: 'dockerCliMissing', params: { program: 'docker' } });
      }
      if (error instanceof BerthError && error.reason === 'composeFailed') {
        throw new BerthError('ENGINE_ERROR', `docker stack deploy failed: ${error.engineText ?? ''}`, undefined, {
          reason: 'stackDeployFailed',
          params: error.params ?? {},
          ...(error.engineText ? { engineText: error.engineText } : {}),
        });
      }
      throw error;
    } finally {
      await lease.release();
    }
    if (signal?.aborted) return;
    yield { kind: 'done', project: stack };
  }

  private async rawServices(): Promise<RawService[]> {
    return swarmCall(this.docker.listServices({ status: true } as Docker.ServiceListOptions) as Promise<RawService[]>);
  }

  private inspect(service: string): Promise<RawService> {
    return swarmCall(this.docker.getService(service).inspect() as Promise<RawService>, `Service ${service}`);
  }

  /**
   * POST /services/{id}/update with `change(spec)` and the spec's Version, so a change someone made
   * meanwhile is refused instead of overwritten. The engine also bumps the Version when only its own
   * UpdateStatus changes (a previous update finishing): that "update out of sequence" is retried
   * once with the fresh Version, but only when the spec itself is still the one read.
   */
  private async update(raw: RawService, change: (spec: RawServiceSpec) => RawServiceSpec, query: Record<string, string> = {}): Promise<void> {
    const send = (current: RawService) =>
      this.docker.getService(current.ID).update({ _query: { version: current.Version?.Index ?? 0, ...query }, _body: change(current.Spec) } as unknown as Docker.ServiceSpec & { version: number });
    const subject = `Service ${raw.Spec.Name ?? raw.ID}`;
    try {
      await send(raw);
    } catch (error) {
      if (!/out of sequence/i.test(engineMessage(error))) throw fromDockerError(error, subject);
      const fresh = await this.inspect(raw.ID);
      if (JSON.stringify(fresh.Spec) !== JSON.stringify(raw.Spec)) throw fromDockerError(error, subject);
      await swarmCall(send(fresh), subject);
    }
  }
}
