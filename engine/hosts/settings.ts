import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SavedEngine, VmSettings } from '../contract/types.js';
import { logFor } from '../shared/log.js';

const log = logFor('settings');

/** What Berth remembers between runs. */
export interface BerthSettings {
  /** The engine the person chose: 'berth' for Berth's own, else an engine URL. */
  engine?: string;
  /** Berth's virtual machine: CPUs, memory and disk. */
  vm?: VmSettings;
  /** Engines the person added in Berth: a name, an address, TLS files. */
  engines?: SavedEngine[];
}

export class SettingsFile {
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'settings.json');
  }

  async read(): Promise<BerthSettings> {
    try {
      const parsed = JSON.parse(await readFile(this.path, 'utf8')) as unknown;
      if (typeof parsed !== 'object' || parsed === null) return {};
      const { engine, vm, engines } = parsed as { engine?: unknown; vm?: unknown; engines?: unknown };
      const saved = Array.isArray(engines) ? engines.filter(isSavedEngine) : [];
      return {
        ...(typeof engine === 'string' ? { engine } : {}),
        ...(isVmSettings(vm) ? { vm } : {}),
        ...(saved.length > 0 ? { engines: saved } : {}),
      };
    } catch (error) {
      log.caught('reading settings (using defaults)', error);
      // Missing or unreadable settings mean defaults, never a failed start.
      return {};
    }
  }

  async update(patch: Partial<BerthSettings>): Promise<void> {
    const next = { ...(await this.read()), ...patch };
    await mkdir(dirname(this.path), { recursive: true });
    // Write then rename, so a crash mid-write never leaves half a settings file.
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, this.path);
  }
}

function isVmSettings(value: unknown): value is VmSettings {
  if (typeof value !== 'object' || value === null) return false;
  const { cpus, memoryMiB, diskGiB } = value as Record<string, unknown>;
  return [cpus, memoryMiB, diskGiB].every((n) => Number.isInteger(n) && (n as number) > 0);
}

function isSavedEngine(value: unknown): value is SavedEngine {
  if (typeof value !== 'object' || value === null) return false;
  const { name, url, tls } = value as Record<string, unknown>;
  if (typeof name !== 'string' || typeof url !== 'string') return false;
  if (tls === undefined) return true;
  if (typeof tls !== 'object' || tls === null) return false;
  const { ca, cert, key } = tls as Record<string, unknown>;
  return [ca, cert, key].every((path) => path === undefined || typeof path === 'string');
}
