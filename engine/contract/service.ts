import type { z } from 'zod';
import type { savedEngineInput, savedEngineRemoveInput, savedEngineUpdateInput } from './engine-entry.js';
import type {
  ContainerActionInput,
  ContainerLogsInput,
  ContainerRenameInput,
  ProjectAction,
  ContainerRunInput,
  ImageBuildInput,
  containerRemoveInput,
  containerCommitInput,
  imageImportInput,
} from './schemas.js';
import type {
  ActionOutcome,
  BuildEvent,
  ContainerSummary,
  ContainerUsage,
  DiskUsage,
  CrashAlerts,
  EngineChanges,
  EngineChoice,
  EngineInfo,
  ExposedPort,
  FileEntry,
  ExecEvent,
  ExecSessionInfo,
  EngineStatus,
  ImageDetail,
  ImagePrunePreview,
  ImageSummary,
  PruneMode,
  PullEvent,
  LogEvent,
  MergedLogEvent,
  NetworkSummary,
  ProjectRemoveOutcome,
  ProjectResources,
  VolumePrunePreview,
  NativeEngineStatus,
  VmEngineStatus,
  VmSettings,
  StatsSample,
  VolumeSummary,
  StackRemoveOutcome,
  StackResources,
  SwarmOverview,
  SwarmTask,
} from './types.js';
import type { ServiceLogsInput } from './swarm.js';
import type { TransferReporter, TransfersApi } from './transfer.js';
import type { ComposeEvent, ComposeProject, ComposeRunInput, ComposeSource, ComposeTool } from './compose-cli.js';
import type { UpdateCheck } from './updates.js';
import type { ContainerEditInput, EditableContainer, EditOutcome, PortHolder, PortHolderInput } from './edit.js';

/**
 * What the trusted side provides for the contract, one part per area. The routes validate input and
 * map errors; an implementation only does the work (engine/docker/*).
 */
/** A file to upload: its length first (a tar header states it), then its bytes, streamed. */
export interface UploadSource {
  size: number;
  bytes: AsyncIterable<Buffer>;
}

export interface EngineApi {
  connection: ConnectionApi;
  containers: ContainersApi;
  logs: LogsApi;
  exec: ExecApi;
  stats: StatsApi;
  images: ImagesApi;
  volumes: VolumesApi;
  networks: NetworksApi;
  projects: ProjectsApi;
  registries: RegistriesApi;
  transfers: TransfersApi;
  /** Compose projects through the Compose CLI (up, down, pull, recreate), on this engine. */
  composeCli: ComposeCliApi;
  /** Swarm mode: services, tasks, nodes and stacks when the engine is a manager (engine/docker/swarm.ts). */
  swarm: SwarmApi;
}

export interface SwarmApi {
  overview(): Promise<SwarmOverview>;
  tasks(service: string): Promise<SwarmTask[]>;
  scale(service: string, replicas: number): Promise<void>;
  updateImage(service: string, image: string): Promise<void>;
  rollback(service: string): Promise<void>;
  remove(service: string): Promise<void>;
  stackResources(stack: string): Promise<StackResources>;
  removeStack(stack: string): Promise<StackRemoveOutcome[]>;
  logs(input: ServiceLogsInput, signal: AbortSignal | undefined): AsyncIterable<LogEvent>;
  deploy(file: string, stack: string, signal: AbortSignal | undefined): AsyncIterable<ComposeEvent>;
}

/** The lists the engine side keeps between asks (engine/docker/kept-list.ts). */
export const keptLists = ['containers', 'images', 'volumes'] as const;
export type KeptListName = (typeof keptLists)[number];

export interface ConnectionApi {
  status(): EngineStatus;
  watchStatus(signal: AbortSignal | undefined): AsyncIterable<EngineStatus>;
  watchChanges(signal: AbortSignal | undefined): AsyncIterable<EngineChanges>;
  /** The recent crash alerts (`initial`), then each new one as it is told. */
  watchAlerts(signal: AbortSignal | undefined): AsyncIterable<CrashAlerts>;
  info(): Promise<EngineInfo>;
  diskUsage(): Promise<DiskUsage>;
  /**
   * Berth changed something on the engine: `lists` of those kept between asks (engine/docker/kept-list.ts)
   * are forgotten (the next ask goes to the engine), since not every change sends an event (connecting a container
   * that never ran to a network sends none), and every page is told what that answer changed.
   */
  forgetKept(lists: readonly KeptListName[]): void;
}

export interface ContainersApi {
  list(): Promise<ContainerSummary[]>;
  act(input: ContainerActionInput): Promise<ActionOutcome[]>;
  rename(input: ContainerRenameInput): Promise<void>;
  remove(input: z.output<typeof containerRemoveInput>): Promise<ActionOutcome[]>;
  run(input: ContainerRunInput): Promise<{ id: string; name: string }>;
  /** Whether a host port is free for publishing; 'unknown' when the engine is not on this machine. */
  hostPortFree(hostIp: string, port: number): Promise<'free' | 'taken' | 'unknown'>;
  files(id: string, path: string): Promise<FileEntry[]>;
  downloadFile(id: string, path: string, as: 'file' | 'folder', sink: NodeJS.WritableStream): Promise<void>;
  uploadFile(id: string, folder: string, name: string, source: UploadSource): Promise<void>;
  /** The engine's own inspect document, untouched (rendered as text, never as HTML). */
  inspect(id: string): Promise<Record<string, unknown>>;
  /** docker commit: a new image from the container's file system and settings; its id. */
  commit(input: z.output<typeof containerCommitInput>): Promise<{ id: string }>;
  /** docker export: the container's file system as a tar into `sink` (left open). */
  exportTo(id: string, sink: NodeJS.WritableStream, progress?: TransferReporter): Promise<void>;
  /** The edit dialog's fields as the container has them (edit.ts). */
  editable(id: string): Promise<EditableContainer>;
  /** Applies an edit: `docker update` in place, the safe recreate with roll back, or a duplicate. */
  edit(input: ContainerEditInput): Promise<EditOutcome>;
  /** What holds a host port (a container, another program) and the next free one (port-holder.ts). */
  hostPortHolder(input: PortHolderInput): Promise<PortHolder>;
}

export interface StatsApi {
  /** Live readings, about one a second, until the signal aborts (then the engine stream is closed). */
  stream(id: string, signal: AbortSignal | undefined): AsyncIterable<StatsSample>;
  /**
   * CPU and memory of the containers `ids` (the running rows a view shows), read every few seconds
   * while watched, from one shared source (engine/docker/usage-hub.ts); a container not running has none.
   */
  usage(ids: readonly string[], signal: AbortSignal | undefined): AsyncIterable<Record<string, ContainerUsage>>;
}

export interface ExecApi {
  open(id: string, size: { cols: number; rows: number }): Promise<ExecSessionInfo>;
  output(sessionId: string, signal: AbortSignal | undefined): AsyncIterable<ExecEvent>;
  input(sessionId: string, data: string): void;
  resize(sessionId: string, size: { cols: number; rows: number }): Promise<void>;
  close(sessionId: string): Promise<void>;
}

export interface LogsApi {
  stream(input: ContainerLogsInput, signal: AbortSignal | undefined): AsyncIterable<LogEvent>;
  /** `sinceTime` (engine format, see schemas.ts) resumes after an engine restart: no history, lines from then on. */
  merged(ids: string[], tail: number, signal: AbortSignal | undefined, sinceTime?: string): AsyncIterable<MergedLogEvent>;
  /** Writes the whole log, as `docker logs NAME > file 2>&1` would, and gives a file name for it. */
  download(id: string, sink: NodeJS.WritableStream): Promise<void>;
  fileName(id: string): Promise<string>;
}

export interface ImagesApi {
  list(): Promise<ImageSummary[]>;
  pull(reference: string, signal: AbortSignal | undefined): AsyncIterable<PullEvent>;
  exposedPorts(reference: string): Promise<ExposedPort[]>;
  detail(reference: string): Promise<ImageDetail>;
  build(input: ImageBuildInput, signal: AbortSignal | undefined): AsyncIterable<BuildEvent>;
  tag(input: { source: string; target: string }): Promise<void>;
  push(reference: string, signal: AbortSignal | undefined): AsyncIterable<PullEvent>;
  remove(input: { ids: string[]; force: boolean }): Promise<ActionOutcome[]>;
  prunePreview(input: { mode: PruneMode }): Promise<ImagePrunePreview>;
  prune(input: { ids: string[] }): Promise<ActionOutcome[]>;
  /** docker save: one tar of the named images, their names kept, into `sink` (left open). */
  saveTo(names: readonly string[], sink: NodeJS.WritableStream, progress?: TransferReporter): Promise<void>;
  /** docker load: the images of a docker save archive; the names (or ids) the engine loaded. */
  loadFrom(archive: NodeJS.ReadableStream, progress?: TransferReporter): Promise<{ loaded: string[] }>;
  /** docker import: a file system tar as a new image; its id. */
  importFrom(archive: NodeJS.ReadableStream, input: z.output<typeof imageImportInput>, progress?: TransferReporter): Promise<{ id: string }>;
  /** Whether the registries have newer images for the tags containers run from (updates.ts). */
  checkUpdates(input: { force: boolean }): Promise<UpdateCheck>;
}

export interface VolumesApi {
  /** Every volume, with its users; without sizes, which `sizes()` gives (they cost a system df). */
  list(): Promise<VolumeSummary[]>;
  /** Volume name → bytes, for the volumes the engine measured. */
  sizes(): Promise<Record<string, number>>;
  create(input: { name: string; driver: string; driverOptions: Record<string, string>; labels: Record<string, string> }): Promise<{ name: string }>;
  remove(input: { names: string[] }): Promise<ActionOutcome[]>;
  prunePreview(): Promise<VolumePrunePreview>;
  prune(input: { names: string[] }): Promise<ActionOutcome[]>;
  files(volume: string, path: string): Promise<FileEntry[]>;
  download(volume: string, path: string, as: 'file' | 'folder', sink: NodeJS.WritableStream): Promise<void>;
  upload(volume: string, folder: string, name: string, source: UploadSource): Promise<void>;
  deleteFile(volume: string, path: string): Promise<void>;
  exportTo(volume: string, sink: NodeJS.WritableStream, progress?: TransferReporter): Promise<void>;
  importFrom(volume: string, archive: NodeJS.ReadableStream, progress?: TransferReporter): Promise<void>;
  clone(source: string, target: string, progress?: TransferReporter): Promise<void>;
}

export interface RegistriesApi {
  /** Registries with a saved login. */
  list(): Promise<string[]>;
  login(input: { server: string; username: string; password: string }): Promise<string[]>;
  logout(input: { server: string }): Promise<string[]>;
}

/** Compose projects through the Engine API, by the project label (no Compose CLI, no files needed). */
export interface ProjectsApi {
  /** One outcome per container acted on, in the order acted on. */
  act(project: string, action: ProjectAction): Promise<ActionOutcome[]>;
  resources(project: string): Promise<ProjectResources>;
  /** Every container of the project, then the named networks and volumes; one outcome each. */
  remove(project: string, volumes: readonly string[], networks: readonly string[]): Promise<ProjectRemoveOutcome[]>;
}

export interface NetworksApi {
  list(): Promise<NetworkSummary[]>;
  create(input: { name: string; subnet: string }): Promise<{ id: string }>;
  remove(network: string): Promise<void>;
  connect(network: string, container: string): Promise<void>;
  disconnect(network: string, container: string): Promise<void>;
}

/** The engines Berth knows, which one it uses, and Berth's own engine where it has one (Linux). */
export interface EnginesApi {
  list(): Promise<EngineChoice[]>;
  /**
   * Switches to an engine by endpoint id (remembered for next time). Plain tcp:// to another
   * computer needs `confirmPlainTcp` each time (else BerthError plainTcpNeedsConsent); a TLS engine
   * whose handshake fails is refused (engineTlsRefused) before the current engine is let go.
   */
  use(id: string, confirmPlainTcp?: boolean): Promise<EngineChoice[]>;
  /** Engines added in Berth: add, change, forget (optionally also as a docker context). */
  saved: SavedEnginesApi;
  /**
   * Pins the host key the current ssh:// engine `id` last offered and that no known_hosts listed,
   * when `fingerprint` is the one the person was shown, then reconnects at once. A changed or
   * revoked key is never offered. Errors: sshHostKeyNotOffered.
   */
  trustHostKey(id: string, fingerprint: string): Promise<EngineStatus>;
  /**
   * Decrypts the key file `key` that the current ssh:// engine `id`'s login skipped as locked, with
   * `passphrase`, keeps the decrypted key in memory for the life of the process (as ssh-agent would;
   * the passphrase itself is kept nowhere), then reconnects at once. Errors: sshKeyNotLocked,
   * sshKeyPassphraseWrong.
   */
  unlockKey(id: string, key: string, passphrase: string): Promise<EngineStatus>;
  native: NativeEngineApi | undefined;
  vm: VmEngineApi;
}

export interface SavedEnginesApi {
  add(input: z.output<typeof savedEngineInput>): Promise<EngineChoice[]>;
  update(input: z.output<typeof savedEngineUpdateInput>): Promise<EngineChoice[]>;
  remove(input: z.output<typeof savedEngineRemoveInput>): Promise<EngineChoice[]>;
}

export interface VmEngineApi {
  /** Looks again for QEMU and a guest image, so one installed while Berth runs is found. */
  status(): Promise<VmEngineStatus>;
  watch(signal: AbortSignal | undefined): AsyncIterable<VmEngineStatus>;
  start(): Promise<VmEngineStatus>;
  stop(): Promise<VmEngineStatus>;
  restart(): Promise<VmEngineStatus>;
  reset(): Promise<VmEngineStatus>;
  configure(settings: VmSettings): Promise<VmEngineStatus>;
  readLog(): Promise<string>;
}

export interface NativeEngineApi {
  status(): NativeEngineStatus;
  watch(signal: AbortSignal | undefined): AsyncIterable<NativeEngineStatus>;
  start(): Promise<NativeEngineStatus>;
  stop(): Promise<NativeEngineStatus>;
  restart(): Promise<NativeEngineStatus>;
  reset(): Promise<NativeEngineStatus>;
  readLog(): Promise<string>;
}

/** The Compose CLI side: which Compose, a project's files (from its labels), and running Compose on them. */
export interface ComposeCliApi {
  tool(): Promise<ComposeTool>;
  /** @throws composeProjectMissing when no container of the project is left. */
  project(name: string): Promise<ComposeProject>;
  /** Service names from `config --services` (Compose reads and checks the files). */
  services(source: ComposeSource, signal?: AbortSignal): Promise<string[]>;
  /** Streams Compose's output; refuses with the missing path when the project's folder or files are gone. */
  run(input: ComposeRunInput, signal: AbortSignal | undefined): AsyncIterable<ComposeEvent>;
}
