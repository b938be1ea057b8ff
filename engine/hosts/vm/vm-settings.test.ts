import { describe, expect, it } from 'vitest';
import { defaultVmSettings, vmSettingsProblem } from './vm-settings.js';

const host = { cpus: 4, memoryMiB: 8192 };

describe('defaultVmSettings', () => {
  it('takes two CPUs and 2 GiB on a roomy host, less on a small one', () => {
    expect(defaultVmSettings(8, 32768)).toEqual({ cpus: 2, memoryMiB: 2048, diskGiB: 20 });
    expect(defaultVmSettings(1, 2048)).toEqual({ cpus: 1, memoryMiB: 1024, diskGiB: 20 });
  });
});

describe('vmSettingsProblem', () => {
  it('accepts what the host can give', () => {
    expect(vmSettingsProblem({ cpus: 4, memoryMiB: 4096, diskGiB: 64 }, host)).toBeUndefined();
  });

  it('names the limit when asked for more CPUs or memory than the host has', () => {
    expect(vmSettingsProblem({ cpus: 8, memoryMiB: 2048, diskGiB: 20 }, host)?.hint).toBe('Choose 1 to 4.');
    expect(vmSettingsProblem({ cpus: 2, memoryMiB: 8000, diskGiB: 20 }, host)?.hint).toBe('Choose 512 to 7168 MiB.');
  });

  it('refuses to shrink an existing disk and says how to get a smaller one', () => {
    const problem = vmSettingsProblem({ cpus: 2, memoryMiB: 2048, diskGiB: 10 }, { ...host, currentDiskGiB: 20 });
    expect(problem?.message).toContain('already 20 GiB');
    expect(problem?.hint).toContain('reset');
    expect(vmSettingsProblem({ cpus: 2, memoryMiB: 2048, diskGiB: 30 }, { ...host, currentDiskGiB: 20 })).toBeUndefined();
  });
});
