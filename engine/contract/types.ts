/** Plain data that crosses the contract. Neutral shapes: no dockerode types leak to the renderer. */
import type { BerthErrorShape } from './errors.js';

export type ContainerState =
  | 'created'
  | 'running'
  | 'paused'
  | 'restarting'
  | 'removing'
  | 'exited'
  | 'dead';

/** A healthcheck's verdict, as the engine's Status text and `health_status` events give it. */
export type ContainerHealth = 'starting' | 'healthy' | 'unhealthy';

export interface PortMapping {
  /** Host address the port is bound to, as the engine reports it ('0.0.0.0', '127.0.0.1', '::'). */
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

/** A container's port without a host side (EXPOSEd but not published). */
export interface ExposedPort {
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

export interface ContainerVolumeMount {
  /** Volume name; anonymous volumes have a 64-hex-digit name the engine made up. */
  name: string;
  destination: string;
  anonymous: boolean;
}

/** A container's `com.docker.compose.*` labels, read (engine/contract/compose-labels.ts). */
export interface ComposeLabels {
  project: string;
  /** The service name ('' when the label is missing). */
  service: string;
  /** The replica number (container-number label), from 1. */
  number?: number;
  /** The project folder (working_dir label). */
  workingDir?: string;
  /** The Compose files in `-f` order, as absolute paths (config_files label resolved against the folder). */
  configFiles: string[];
  /** Made by `compose run` (oneoff label). */
  oneOff?: boolean;
}

export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  /** The id of the image it was made from (sha256:…), which `image` may only name. */
  imageId: string;
  state: ContainerState;
  /** The engine's own status text, e.g. "Up 3 minutes" or "Exited (0) 2 hours ago". */
  status: string;
  /** Seconds since the Unix epoch. */
  created: number;
  ports: PortMapping[];
  exposed: ExposedPort[];
  volumes: ContainerVolumeMount[];
  /** The networks it is attached to, running or not (`docker ps --format '{{.Networks}}'`), in the engine's order. */
  networks: ContainerNetwork[];
  /** What Compose wrote on it (service, replica number, project folder and files), when Compose made it. */
  compose?: ComposeLabels;
  /** Only for containers with a healthcheck. */
  health?: ContainerHealth;
  /** While restarting (or after exiting): the last exit code and how often the restart policy restarted it. */
  exitCode?: number;
  restartCount?: number;
  /**
   * The engine time (nanoseconds since the epoch, as a decimal string: it exceeds
   * Number.MAX_SAFE_INTEGER) of the newest event this row reflects. A row never gives way to one
   * reflecting an older event, so replies that land late cannot move a row's state backwards.
   */
  eventTime?: string;
}

/**
 * A network a container is attached to, as the container's own settings hold it: pages join "used
 * by" on a network from these rather than the networks list naming every container (which made it
 * list every container on the engine).
 */
export interface ContainerNetwork {
  name: string;
  /**
   * The network's id, once the container has been started on it; until then the engine holds only
   * the name (and starts it on whichever network then has that name). The engine starts a container
   * on this id when it has one (moby daemon/container_operations.go getNetworkID), so a network
   * removed and made again under the same name is not this container's network.
   */
  id?: string;
}

export interface ImageSummary {
  id: string;
  tags: string[];
  /** repository@sha256:… names (RepoDigests): how an image pulled by digest only is known. */
  digests: string[];
  size: number;
  created: number;
  /**
   * No tag, as docker counts it (`docker images -f dangling=true`, `docker image prune`): left behind
   * when a tag moved to a newer build, or pulled by digest only (then it still has `digests`).
   */
  dangling: boolean;
}

/**
 * Why the engine refused to remove an image (BerthErrorShape.reason). Force helps only against a
 * stopped container or several tags: the engine refuses force for an image a running container uses.
 */
export type ImageRemoveReason = 'imageUsedByRunning' | 'imageUsedByStopped' | 'imageHasTags';

export interface ImageLayer {
  /** The Dockerfile step (or import) that made it. */
  createdBy: string;
  size: number;
  created: number;
  /** The layer's content digest, for steps that wrote files; metadata-only steps have none. */
  diffId?: string;
  /** Other local images that have this very layer. */
  sharedWith: string[];
}

export interface ImageDetail {
  id: string;
  tags: string[];
  /** repository@sha256:… names (RepoDigests). */
  digests: string[];
  created: number;
  size: number;
  architecture: string;
  os: string;
  entrypoint: string[];
  cmd: string[];
  env: string[];
  workingDir: string;
  user: string;
  exposedPorts: string[];
  labels: Record<string, string>;
  layers: ImageLayer[];
  /** Disk that sharing saves: each shared layer's size once more for every other image that has it. */
  sharedSavings: number;
}

/** A build as it goes: output text, each Dockerfile step as it starts, then the new image. */
export type BuildEvent =
  | { kind: 'output'; text: string }
  | { kind: 'step'; step: number; total: number; instruction: string }
  | { kind: 'done'; imageId: string; tag?: string };

export type PruneMode = 'dangling' | 'unused';

/** What a prune would delete, shown before anything is deleted. */
export interface ImagePrunePreview {
  mode: PruneMode;
  images: { id: string; tags: string[]; digests: string[]; size: number }[];
  /** Sum of the images' sizes; layers shared with kept images are not freed, so this is the most it frees. */
  totalSize: number;
}

export interface VolumeSummary {
  name: string;
  driver: string;
  mountpoint: string;
  created?: string;
  labels: Record<string, string>;
  /** Bytes on disk from the engine's disk usage, or undefined when it does not know. */
  size?: number;
  /** Made by the engine for a container without a name (64 hex digits). */
  anonymous: boolean;
}

export interface VolumePrunePreview {
  volumes: { name: string; size?: number }[];
  totalSize: number;
}

export interface NetworkSummary {
  id: string;
  name: string;
  driver: string;
  scope: string;
  subnets: string[];
  /** bridge, host and none come with the engine and cannot be removed. */
  builtIn: boolean;
  // Which containers are attached comes with each container's row (ContainerSummary.networks).
}

/** How Berth found an engine; 'berth' is Berth's own engine, 'berth-vm' its virtual machine. */
export type EndpointSource = 'berth' | 'berth-vm' | 'user' | 'env' | 'context' | 'default-socket' | 'rootless' | 'podman' | 'saved';

/** TLS material for a tcp:// engine, as paths on the trusted side's machine (PEM files). */
export interface EngineTls {
  ca?: string;
  cert?: string;
  key?: string;
  /** The context's SkipTLSVerify: encrypt, but do not check the engine's certificate. */
  skipVerify?: boolean;
}

export interface EngineEndpoint {
  /** Stable key for this endpoint, also the react-query key prefix for its resources. */
  id: string;
  /** unix:///path, tcp://host:port, ssh://user@host, npipe:////./pipe/name */
  url: string;
  source: EndpointSource;
  /** Context name when source is 'context' (also set on the entry the "default" context stands for). */
  contextName?: string;
  /** The name the person gave an engine saved in Berth (source 'saved'). */
  name?: string;
  /** TLS material, when the engine is reached over tcp:// with TLS. */
  tls?: EngineTls;
  /** This is the docker CLI's current context (DOCKER_CONTEXT or config.json's currentContext). */
  currentContext?: boolean;
  /** A saved engine Berth also wrote as a docker context of the same name. */
  wroteContext?: boolean;
}

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/**
 * Why an ssh:// engine's link was refused (engine/hosts/ssh/ssh-tunnel.ts), worded by the renderer
 * as `ssh.linkLost.<kind>`. `host` is the name known_hosts uses (`[host]:port` off port 22),
 * fingerprints are OpenSSH's `SHA256:…`. An unknown key may be trusted (`engines.trustHostKey`); a
 * changed or revoked one never from Berth. `sshKeyLocked`: the login failed and `key` (a key file's
 * path, never its contents) was not offered because it wants its passphrase (`engines.unlockKey`).
 */
export type SshLinkProblem =
  | { kind: 'sshHostKeyUnknown'; host: string; keyType: string; fingerprint: string }
  | { kind: 'sshHostKeyChanged'; host: string; keyType: string; fingerprint: string; knownFingerprint: string; file: string; line: number }
  | { kind: 'sshHostKeyRevoked'; host: string; keyType: string; fingerprint: string; file: string; line: number }
  | { kind: 'sshAuthFailed'; user: string; host: string }
  | { kind: 'sshKeyLocked'; user: string; host: string; key: string };

export interface EngineStatus {
  endpoint: EngineEndpoint;
  state: ConnectionState;
  version?: string;
  /** The Engine API version Berth speaks with this engine: min(the engine's, Berth's highest). */
  apiVersion?: string;
  /** The engine's own highest API version, from /version. */
  engineApiVersion?: string;
  os?: string;
  /** Why the last connection attempt failed, when disconnected (English, or the engine's own words). */
  lastError?: string;
  /**
   * The same, where Berth knows the kind, for the renderer to word in the person's language
   * (`banner.linkLost.<kind>`): nothing listens at the socket (`code` ENOENT or ECONNREFUSED),
   * no answer in time, or the engine closed the link.
   */
  lastErrorKind?: { kind: 'noAnswer'; code: string } | { kind: 'timeout' } | { kind: 'closed' } | SshLinkProblem;
  /** When disconnected: milliseconds until the next attempt. */
  retryInMs?: number;
  /** Increments on every successful (re)connection; the UI refetches everything when it changes. */
  generation: number;
}

export interface EngineInfo {
  name: string;
  serverVersion: string;
  apiVersion: string;
  operatingSystem: string;
  osType: string;
  architecture: string;
  kernelVersion: string;
  cpus: number;
  memoryBytes: number;
  storageDriver: string;
  dataRoot: string;
  containers: { total: number; running: number; paused: number; stopped: number };
  images: number;
}

/** An engine the person can switch to. */
export interface EngineChoice {
  endpoint: EngineEndpoint;
  current: boolean;
  /** It answered a ping just now (for the current engine: it is connected). */
  answering: boolean;
  /** Docker version and the API version Berth speaks with it, when it answered. */
  version?: string;
  apiVersion?: string;
  /** Why it does not answer, for the renderer to word (`engines.why.<kind>`); `detail` is the system's own text. */
  problem?: EngineProblem;
}

/** An engine the person added in Berth (kept in Berth's settings). */
export interface SavedEngine {
  name: string;
  url: string;
  tls?: EngineTls;
  /** Berth also wrote it as a docker context of the same name (and so may remove that context). */
  wroteContext?: boolean;
}

/** Why an engine did not answer a probe. */
export interface EngineProblem {
  kind: 'noAnswer' | 'timeout' | 'tlsRefused' | 'tlsFiles' | 'refused' | 'other';
  detail?: string;
}

export interface OutputSegment {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** What a logs stream carries: batches of output, and notices when the container stops, starts again or goes. */
export type LogEvent =
  | { kind: 'output'; segments: OutputSegment[] }
  | { kind: 'notice'; notice: 'stopped' | 'restarted' | 'removed' };

/** The list's CPU and memory columns for one running container. */
export interface ContainerUsage {
  cpuPercent: number;
  memoryBytes: number;
}

/** One reading of a container's resource use, as `docker stats` shows it. */
export interface StatsSample {
  /** Milliseconds since the Unix epoch. */
  time: number;
  cpuPercent: number;
  memoryBytes: number;
  memoryLimitBytes: number;
  networkRxBytes: number;
  networkTxBytes: number;
  blockReadBytes: number;
  blockWriteBytes: number;
}

export interface LayerProgress {
  id: string;
  /** The engine's words: Waiting, Downloading, Extracting, Pull complete, Already exists… */
  status: string;
  current?: number;
  total?: number;
}

/** A pull as it goes: a snapshot of every layer, then one last event when the image is there. */
export type PullEvent =
  | { kind: 'progress'; layers: LayerProgress[] }
  | { kind: 'done'; image: string; status: string };

export interface ExecSessionInfo {
  sessionId: string;
  /** The shell that runs, e.g. /bin/bash, or /bin/sh when the image has no bash. */
  shell: string;
}

export type ExecEvent = { kind: 'output'; text: string } | { kind: 'exit'; code: number | null };

export interface MergedLogLine {
  /** Index into the names sent first, so each line names its container without repeating it. */
  source: number;
  stream: 'stdout' | 'stderr';
  /** The engine's RFC 3339 timestamp of the line. */
  time: string;
  text: string;
}

export type MergedLogEvent = { kind: 'sources'; names: string[] } | { kind: 'lines'; lines: MergedLogLine[] };

export type NativeEngineState = 'stopped' | 'starting' | 'running' | 'stopping' | 'restarting' | 'failed';

/** Berth's own dockerd (Linux): how it runs, and what happened to it. */
export interface NativeEngineStatus {
  state: NativeEngineState;
  /** rootful (Berth runs as root: own bridge, no iptables of its own) or rootless (dockerd-rootless.sh). */
  mode: 'rootful' | 'rootless';
  url: string;
  dataRoot: string;
  logFile: string;
  pid?: number;
  /** Spawn → API answering, for the last start. */
  readyInMs?: number;
  /** Times Berth restarted it after it died. */
  restarts: number;
  /** How dockerd last ended when nobody asked it to. */
  lastExit?: ProcessEnd;
  /** Berth could not set up its NAT and forwarding rules: containers cannot reach outside this machine (iptables' own words). */
  outboundNatFailed?: string;
  error?: BerthErrorShape;
  /** When restarting: milliseconds until the next attempt. */
  retryInMs?: number;
}

export type VmEngineState = 'unavailable' | 'stopped' | 'starting' | 'running' | 'stopping' | 'restarting' | 'failed';

/** Where a starting VM is, in the order it gets there; each is a line the guest or Berth announces. */
export type VmBootStage = 'preparing' | 'accelerator' | 'kernel' | 'init' | 'network' | 'sshd' | 'dockerd' | 'connecting' | 'ready';

export type VmAccelerator = 'kvm' | 'hvf' | 'whpx' | 'tcg';

/** What a person can set for Berth's VM; applied at the next start. */
export interface VmSettings {
  cpus: number;
  memoryMiB: number;
  /** The guest disk's size; it can grow, never shrink (shrinking needs a reset). */
  diskGiB: number;
}

/** Berth's virtual machine engine: a Linux guest with dockerd under QEMU, reached over SSH. */
/** A published port Berth could not bring to the host, as data so the page says it in its language. */
export interface VmPortProblem {
  port: number;
  protocol: 'tcp' | 'udp';
  /** udp: SSH carries TCP only; in-use: something on this computer holds the port; error: see detail. */
  reason: 'udp' | 'in-use' | 'error';
  detail?: string;
}

export interface VmEngineStatus {
  state: VmEngineState;
  /** When starting: how far the boot has got. */
  stage?: VmBootStage;
  /** The host socket the guest's Docker API is forwarded to (the docker CLI can use it too). */
  url: string;
  /** The docker CLI context Berth wrote for it. */
  contextName: string;
  /** The saved settings: what the next start uses. */
  settings: VmSettings;
  /** What the running VM was started with (the saved settings may have changed since). */
  runningSettings?: VmSettings;
  /** Times Berth restarted the VM after QEMU died unexpectedly, since Berth started. */
  restarts: number;
  /** How QEMU last ended when nobody asked it to. */
  lastExit?: ProcessEnd;
  /** When restarting: how long until the next attempt. */
  retryInMs?: number;
  accelerator?: VmAccelerator;
  /** Why a faster accelerator was not used (e.g. KVM present but the guest hung). */
  acceleratorNote?: string;
  /** Start → Docker API answering, for the last start. */
  bootMs?: number;
  /** When the current or last start began (ms since the epoch), so a boot's clock survives a reload. */
  bootStartedAt?: number;
  /** Host ports on 127.0.0.1 that reach a container's published port in the guest. */
  forwardedPorts: number[];
  /** Published ports that could not be forwarded, and why. */
  portProblems: VmPortProblem[];
  imageDir: string;
  /** The VM's own disk (the overlay): what a reset deletes, with its keys and logs. */
  diskFile: string;
  serialLog: string;
  /** Why it cannot start at all (no QEMU, no guest image), with what would fix it. */
  unavailable?: BerthErrorShape;
  error?: BerthErrorShape;
}

export interface DiskUsageRow {
  count: number;
  /** Bytes on disk. */
  size: number;
  /** Bytes a prune could free (what `docker system df` calls RECLAIMABLE). */
  reclaimable: number;
}

export interface DiskUsage {
  images: DiskUsageRow;
  containers: DiskUsageRow;
  volumes: DiskUsageRow;
  buildCache: DiskUsageRow;
}

export interface FileEntry {
  name: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
  /** Bytes; for a folder, the sum of the files in it where it was measured (a one-level listing of a running container does not). */
  size?: number;
  /** Seconds since the Unix epoch. */
  mtime: number;
  linkTarget?: string;
}

/** `swarm`: services, tasks and nodes (service, node, config and secret events, and task containers' events). */
export type ResourceKind = 'containers' | 'images' | 'volumes' | 'networks' | 'swarm';

/** Containers that changed, as they are now: applied to the cached list instead of refetching it. */
export interface ContainerPatch {
  upserted: ContainerSummary[];
  /** Ids of containers that no longer exist. */
  removed: string[];
}

/**
 * A coalesced batch of "something changed" notices from the engine's events stream: lists to refetch,
 * and for containers (the list that changes most) the changed rows themselves.
 */
/**
 * A container that ended or turned bad without a person asking: told by the engine side's crash
 * watch (engine/docker/crash-watch.ts), shown as a desktop notification and a mark in the list.
 */
export interface CrashAlert {
  /** Increases per alert within one engine link, so a watcher can tell new alerts from ones it saw. */
  seq: number;
  containerId: string;
  /** The container's name, without docker's leading slash. */
  name: string;
  /** exited: ended with a non-zero code; oomKilled: the kernel killed it for memory; restartLoop: it keeps dying and being restarted; unhealthy: its healthcheck failed. */
  kind: 'exited' | 'oomKilled' | 'restartLoop' | 'unhealthy';
  exitCode?: number;
  /** Unprompted dies inside the loop window (restartLoop only). */
  restarts?: number;
  /** The engine restarted it by its restart policy after this crash. */
  restarted?: boolean;
  /** When it happened, from the engine's event: milliseconds since the epoch. */
  time: number;
}

/** The crash alerts of the current engine link: the recent ones first (`initial`), then each new one. */
export interface CrashAlerts {
  initial: boolean;
  alerts: CrashAlert[];
}

export interface EngineChanges {
  resources: ResourceKind[];
  containers?: ContainerPatch;
}

/** A Compose project's named volumes and networks (labelled with its name), for the remove dialog. */
export interface ProjectResources {
  /** `usedBy`: containers outside the project that mount it (the engine refuses to remove it while they exist). */
  volumes: { name: string; usedBy: string[] }[];
  networks: { name: string }[];
}

/** What happened to one thing a project's removal named. */
export interface ProjectRemoveOutcome {
  kind: 'container' | 'volume' | 'network';
  name: string;
  ok: boolean;
  error?: BerthErrorShape;
}

export interface ActionOutcome {
  id: string;
  ok: boolean;
  error?: BerthErrorShape;
}

/**
 * How a process of Berth's own (dockerd, QEMU) ended, as data the renderer words: its exit code or
 * signal, the first line it wrote on stderr (`said`, the process's own words), or that a process
 * Berth adopted went away without Berth seeing how.
 */
export interface ProcessEnd {
  process: 'dockerd' | 'QEMU';
  code?: number;
  signal?: string;
  said?: string;
  wentAway?: true;
}

// ---- Swarm (engine/docker/swarm.ts) ----

/**
 * Where the engine stands in a swarm, from `docker info`'s Swarm section: `LocalNodeState`
 * (inactive, pending, active, error, locked) and `ControlAvailable` (a manager). Services, tasks,
 * nodes and stacks can be read and changed only on a manager.
 */
export interface SwarmStatus {
  localNodeState: 'inactive' | 'pending' | 'active' | 'error' | 'locked';
  manager: boolean;
  nodeId: string;
  /** The engine's own words when the state is error. */
  error?: string;
}

/** A published port of a service: `ingress` goes through the routing mesh, `host` binds on the node running the task. */
export interface SwarmPort {
  target: number;
  published?: number;
  protocol: string;
  publishMode: 'ingress' | 'host';
}

export interface SwarmService {
  id: string;
  name: string;
  /** The image as the spec names it, without the digest the CLI pins (`@sha256:…`). */
  image: string;
  mode: 'replicated' | 'global' | 'replicated-job' | 'global-job';
  /** Desired tasks (the replica count for a replicated service; one per eligible node for global). */
  desired: number;
  running: number;
  /** Tasks meant to run that do not run yet (assigned, preparing, starting, or pending a node): the section reads again while there are any. */
  starting: number;
  ports: SwarmPort[];
  /** The `com.docker.stack.namespace` label: the stack `docker stack deploy` made it for. */
  stack?: string;
  /** UpdateStatus.State (updating, paused, completed, rollback_started, rollback_paused, rollback_completed) and its message. */
  updateState?: string;
  updateMessage?: string;
  /** Whether a previous spec exists to roll back to. */
  canRollback: boolean;
  /** ISO time of the last change to the spec. */
  updatedAt: string;
}

export interface SwarmTask {
  id: string;
  serviceId: string;
  /** Replicated services number their tasks 1…n; global ones have none. */
  slot?: number;
  nodeId: string;
  /** The node's hostname, where the node is known. */
  node?: string;
  desiredState: string;
  state: string;
  /** Status.Message (what the orchestrator says), and Status.Err when the task failed. */
  message: string;
  error?: string;
  /** ISO time of the current state. */
  timestamp: string;
  image: string;
}

export interface SwarmNode {
  id: string;
  hostname: string;
  role: 'manager' | 'worker';
  availability: 'active' | 'pause' | 'drain';
  status: string;
  /** leader, reachable or unreachable, for managers. */
  managerStatus?: string;
  address: string;
  engineVersion: string;
  /** The node this engine runs on. */
  self: boolean;
}

/** The Swarm section's whole read: the status always; services and nodes on a manager. */
export interface SwarmOverview {
  status: SwarmStatus;
  services: SwarmService[];
  nodes: SwarmNode[];
}

/** What happened to one thing a stack's removal named. */
export interface StackRemoveOutcome {
  kind: 'service' | 'network' | 'config' | 'secret';
  name: string;
  ok: boolean;
  error?: BerthErrorShape;
}

/** What removing a stack takes away, for the confirmation. */
export interface StackResources {
  services: string[];
  networks: string[];
  configs: string[];
  secrets: string[];
}
