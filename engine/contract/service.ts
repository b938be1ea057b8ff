import type {
  ActionOutcome,
  ContainerSummary,
  EngineChanges,
  EngineInfo,
  EngineStatus,
  ImageSummary,
  VolumeSummary,
} from './types.js';
import type { ContainerActionInput, ContainerRenameInput } from './schemas.js';
import type { z } from 'zod';
import type { containerRemoveInput } from './schemas.js';

/**
 * What the trusted side must provide for the contract. The router (./router.ts) validates input
 * and maps errors; an implementation only does the work.
 */
export interface EngineService {
  status(): EngineStatus;
  watchStatus(signal: AbortSignal | undefined): AsyncIterable<EngineStatus>;
  watchChanges(signal: AbortSignal | undefined): AsyncIterable<EngineChanges>;
  info(): Promise<EngineInfo>;
  listContainers(): Promise<ContainerSummary[]>;
  actOnContainers(input: ContainerActionInput): Promise<ActionOutcome[]>;
  renameContainer(input: ContainerRenameInput): Promise<void>;
  removeContainers(input: z.output<typeof containerRemoveInput>): Promise<ActionOutcome[]>;
  listImages(): Promise<ImageSummary[]>;
  listVolumes(): Promise<VolumeSummary[]>;
}
