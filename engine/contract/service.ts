import type { z } from 'zod';
import type { ContainerActionInput, ContainerRenameInput, containerRemoveInput } from './schemas.js';
import type {
  ActionOutcome,
  ContainerSummary,
  EngineChanges,
  EngineChoice,
  EngineInfo,
  EngineStatus,
  ImageSummary,
  NativeEngineStatus,
  VolumeSummary,
} from './types.js';

/**
 * What the trusted side provides for the contract, one part per area. The routes validate input and
 * map errors; an implementation only does the work (engine/docker/*).
 */
export interface EngineApi {
  connection: ConnectionApi;
  containers: ContainersApi;
  images: ImagesApi;
  volumes: VolumesApi;
}

export interface ConnectionApi {
  status(): EngineStatus;
  watchStatus(signal: AbortSignal | undefined): AsyncIterable<EngineStatus>;
  watchChanges(signal: AbortSignal | undefined): AsyncIterable<EngineChanges>;
  info(): Promise<EngineInfo>;
}

export interface ContainersApi {
  list(): Promise<ContainerSummary[]>;
  act(input: ContainerActionInput): Promise<ActionOutcome[]>;
  rename(input: ContainerRenameInput): Promise<void>;
  remove(input: z.output<typeof containerRemoveInput>): Promise<ActionOutcome[]>;
}

export interface ImagesApi {
  list(): Promise<ImageSummary[]>;
}

export interface VolumesApi {
  list(): Promise<VolumeSummary[]>;
}

/** The engines Berth knows, which one it uses, and Berth's own engine where it has one (Linux). */
export interface EnginesApi {
  list(): Promise<EngineChoice[]>;
  /** Switches to an engine by endpoint id (remembered for next time). */
  use(id: string): Promise<EngineChoice[]>;
  native: NativeEngineApi | undefined;
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
