import { BerthError } from '../contract/errors.js';
import type { savedEngineInput, savedEngineRemoveInput, savedEngineUpdateInput } from '../contract/engine-entry.js';
import type { EngineTls, SavedEngine } from '../contract/types.js';
import type { z } from 'zod';
import { dockerConfigDir, dockerContextExists, removeDockerContext, writeDockerContext } from './docker-contexts.js';
import type { SettingsFile } from './settings.js';

type AddInput = z.output<typeof savedEngineInput>;
type UpdateInput = z.output<typeof savedEngineUpdateInput>;
type RemoveInput = z.output<typeof savedEngineRemoveInput>;

/**
 * The engines a person adds in Berth, kept in Berth's settings; each may also be written as a
 * docker CLI context of the same name. Berth replaces or removes only contexts it wrote itself
 * (remembered as `wroteContext`), never one the person made with the CLI.
 */
export class SavedEngines {
  constructor(
    private readonly settings: SettingsFile,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  async list(): Promise<SavedEngine[]> {
    return (await this.settings.read()).engines ?? [];
  }

  /** Saves a new engine; BerthError engineNameTaken / contextNameTaken / contextWriteFailed. */
  async add(input: AddInput): Promise<SavedEngine> {
    const engines = await this.list();
    if (engines.some((e) => e.name === input.name)) throw nameTaken(input.name);
    const engine = await this.withContext(input, false);
    await this.settings.update({ engines: [...engines, engine] });
    return engine;
  }

  /** Changes a saved engine (its name too); its docker context follows when Berth wrote it or is asked to. */
  async update(input: UpdateInput): Promise<SavedEngine> {
    const engines = await this.list();
    const previous = engines.find((e) => e.name === input.previous);
    if (!previous) throw missing(input.previous);
    if (input.name !== input.previous && engines.some((e) => e.name === input.name)) throw nameTaken(input.name);
    const renamed = input.name !== previous.name;
    if (previous.wroteContext && (renamed || !input.writeContext)) await this.dropContext(previous.name);
    const engine = await this.withContext(input, Boolean(previous.wroteContext) && !renamed);
    await this.settings.update({ engines: engines.map((e) => (e.name === input.previous ? engine : e)) });
    return engine;
  }

  /** Forgets a saved engine; removes its docker context only when Berth wrote it and the person asked. */
  async remove(input: RemoveInput): Promise<void> {
    const engines = await this.list();
    const engine = engines.find((e) => e.name === input.name);
    if (!engine) throw missing(input.name);
    if (input.removeContext && engine.wroteContext) await this.dropContext(engine.name);
    await this.settings.update({ engines: engines.filter((e) => e.name !== input.name) });
  }

  private async withContext(input: AddInput, ownsContext: boolean): Promise<SavedEngine> {
    const tls: EngineTls = {
      ...(input.tls.ca ? { ca: input.tls.ca } : {}),
      ...(input.tls.cert ? { cert: input.tls.cert } : {}),
      ...(input.tls.key ? { key: input.tls.key } : {}),
    };
    const engine: SavedEngine = { name: input.name, url: input.url, ...(Object.keys(tls).length > 0 ? { tls } : {}) };
    if (!input.writeContext) return engine;
    const configDir = dockerConfigDir(this.env);
    if (!ownsContext && (await dockerContextExists(configDir, input.name))) {
      throw new BerthError('CONFLICT', `A docker context named "${input.name}" exists and Berth did not write it.`, undefined, {
        reason: 'contextNameTaken',
        params: { name: input.name },
      });
    }
    try {
      await writeDockerContext(configDir, { name: input.name, host: input.url, ...(engine.tls ? { tls: engine.tls } : {}) });
    } catch (e) {
      throw new BerthError('INTERNAL', `Berth could not write the docker context "${input.name}".`, undefined, {
        reason: 'contextWriteFailed',
        params: { name: input.name },
        engineText: (e as Error).message,
      });
    }
    return { ...engine, wroteContext: true };
  }

  private async dropContext(name: string): Promise<void> {
    try {
      await removeDockerContext(dockerConfigDir(this.env), name);
    } catch (e) {
      throw new BerthError('INTERNAL', `Berth could not remove the docker context "${name}".`, undefined, {
        reason: 'contextWriteFailed',
        params: { name },
        engineText: (e as Error).message,
      });
    }
  }
}

function nameTaken(name: string): BerthError {
  return new BerthError('CONFLICT', `An engine named "${name}" is already saved in Berth.`, undefined, { reason: 'engineNameTaken', params: { name } });
}

function missing(name: string): BerthError {
  return new BerthError('NOT_FOUND', `No engine named "${name}" is saved in Berth.`, undefined, { reason: 'savedEngineMissing', params: { name } });
}
