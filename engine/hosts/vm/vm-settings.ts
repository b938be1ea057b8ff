import { cpus, totalmem } from 'node:os';
import type { VmSettings } from '../../contract/types.js';

/** Two CPUs, 2 GiB (or half the host when it has less than 4 GiB), a 20 GiB disk that fills as used. */
export function defaultVmSettings(hostCpus = cpus().length, hostMemoryMiB = Math.floor(totalmem() / 2 ** 20)): VmSettings {
  return { cpus: Math.min(2, hostCpus), memoryMiB: Math.min(2048, Math.floor(hostMemoryMiB / 2 / 256) * 256 || 512), diskGiB: 20 };
}

export interface VmHostLimits {
  cpus: number;
  memoryMiB: number;
  /** The existing disk's size, when the VM has one: a disk can grow but never shrink. */
  currentDiskGiB?: number | undefined;
}

/** A setting this computer cannot give: the catalogs' reason and params, and the English for logs. */
export interface VmSettingsProblem {
  reason: 'vmTooManyCpus' | 'vmTooMuchMemory' | 'vmDiskCannotShrink';
  params: Record<string, number>;
  message: string;
  hint: string;
}

/** What is wrong with these settings on this host, if anything, and what would be right. */
export function vmSettingsProblem(settings: VmSettings, host: VmHostLimits): VmSettingsProblem | undefined {
  if (settings.cpus > host.cpus) {
    return {
      reason: 'vmTooManyCpus',
      params: { cpus: host.cpus, wanted: settings.cpus },
      message: `This computer has ${host.cpus} CPUs; the VM cannot have ${settings.cpus}.`,
      hint: `Choose 1 to ${host.cpus}.`,
    };
  }
  // Leave the host at least 1 GiB of its own.
  const maxMemory = Math.max(512, host.memoryMiB - 1024);
  if (settings.memoryMiB > maxMemory) {
    return {
      reason: 'vmTooMuchMemory',
      params: { wanted: settings.memoryMiB, memory: host.memoryMiB, maximum: maxMemory },
      message: `${settings.memoryMiB} MiB is more memory than this computer can give (it has ${host.memoryMiB} MiB).`,
      hint: `Choose 512 to ${maxMemory} MiB.`,
    };
  }
  if (host.currentDiskGiB !== undefined && settings.diskGiB < Math.floor(host.currentDiskGiB)) {
    return {
      reason: 'vmDiskCannotShrink',
      params: { current: Math.floor(host.currentDiskGiB) },
      message: `The VM's disk is already ${Math.floor(host.currentDiskGiB)} GiB; a disk cannot shrink.`,
      hint: `Choose ${Math.floor(host.currentDiskGiB)} GiB or more, or reset the VM (which deletes its images, containers and volumes) to start with a smaller disk.`,
    };
  }
  return undefined;
}
