import { EventEmitter, on } from 'node:events';
import {
  commandLine,
  containerActionCommand,
  containerCommitCommand,
  containerExecCommand,
  containerRemoveCommand,
  containerRenameCommand,
  containerRunCommand,
  imageBuildCommand,
  imagePullCommand,
  imagePushCommand,
  imageRemoveCommand,
  imageTagCommand,
  loginCommand,
  networkCommand,
  networkCreateCommand,
  projectCommand,
  projectRemoveCommand,
  sshAddRecipe,
  volumeCloneRecipe,
  volumeCreateCommand,
  volumeDeleteRecipe,
  volumeRemoveCommand,
} from './cli.js';
import type { BerthErrorShape } from './errors.js';
import { swarmCommands } from './swarm.js';
import type { ContainerAction } from './schemas.js';

/** One thing Berth did on the engine: when, the `docker` command it equals, and how it ended. */
export interface CommandLogEntry {
  /** Increases by one per entry, for the whole life of the log (a key for the UI). */
  seq: number;
  /** When it started, in milliseconds since the Unix epoch. */
  at: number;
  /** The equivalent command, secrets masked (cli.ts builders without revealSecrets). */
  command: string;
  ok: boolean;
  /** Stopped by the person before it ended (a pull, push or build). */
  cancelled?: true;
  /** Why it failed (for a batch: the first item that failed), for the renderer to word. */
  error?: BerthErrorShape;
}

/** What the log's subscription sends: every kept entry first, then each new one as it happens. */
export type CommandLogUpdate = { kind: 'all'; entries: CommandLogEntry[] } | { kind: 'added'; entry: CommandLogEntry };

/**
 * The session's command log: a bounded ring of what Berth did on the engine, newest last, shared by
 * every window of this process (Electron's windows, the web host's tabs). Holds at most `capacity`
 * entries (default 500); older ones are dropped.
 */
export class CommandLog {
  readonly #entries: CommandLogEntry[] = [];
  readonly #added = new EventEmitter();
  #seq = 0;

  constructor(readonly capacity = 500) {
    this.#added.setMaxListeners(0); // one per open window or tab, which has no fixed limit
  }

  record(at: number, command: string, outcome: { ok: true } | { ok: false; error: BerthErrorShape } | { ok: false; cancelled: true }): CommandLogEntry {
    const entry: CommandLogEntry = { seq: ++this.#seq, at, command, ok: outcome.ok, ...('error' in outcome ? { error: outcome.error } : {}), ...('cancelled' in outcome ? { cancelled: true as const } : {}) };
    this.#entries.push(entry);
    if (this.#entries.length > this.capacity) this.#entries.splice(0, this.#entries.length - this.capacity);
    this.#added.emit('entry', entry);
    return entry;
  }

  entries(): CommandLogEntry[] {
    return [...this.#entries];
  }

  /** Every kept entry, then each new one until `signal` aborts. */
  async *watch(signal?: AbortSignal): AsyncGenerator<CommandLogUpdate> {
    // Listen before taking the snapshot, so nothing recorded in between is missed.
    const added = on(this.#added, 'entry', signal ? { signal } : {});
    yield { kind: 'all', entries: this.entries() };
    try {
      for await (const [entry] of added) yield { kind: 'added', entry: entry as CommandLogEntry };
    } catch (e) {
      if (!signal?.aborted) throw e;
    }
  }
}

type Input = Record<string, unknown>;
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The docker command a contract procedure equals, from its (validated) input; undefined for
 * procedures that only read, or that have no docker equivalent (terminal keystrokes, engine
 * switching). `name` turns a container id into the name a person knows. Secrets stay masked:
 * unlocking an SSH key is ssh-add with its file, never the passphrase;
 * run's secret env values and build's secret args print as <hidden>, login never has the password.
 */
export function commandOf(path: string, input: Input, name: (id: string) => string = (id) => id, result?: unknown): string | undefined {
  const names = () => strings(input.ids).map(name);
  switch (path) {
    case 'containers.act':
      return containerActionCommand(input.action as ContainerAction, names());
    case 'containers.rename':
      return containerRenameCommand(name(text(input.id)), text(input.name));
    case 'containers.run':
      return containerRunCommand(input as Parameters<typeof containerRunCommand>[0]);
    case 'containers.remove':
      return containerRemoveCommand(names(), { force: input.force === true, removeVolumes: input.removeVolumes === true });
    case 'exec.open':
      return containerExecCommand(name(text(input.id)), text((result as { shell?: unknown } | undefined)?.shell) || '/bin/sh');
    case 'images.pull':
      return imagePullCommand(text(input.reference));
    case 'images.push':
      return imagePushCommand(text(input.reference));
    case 'images.build':
      return imageBuildCommand(input as Parameters<typeof imageBuildCommand>[0]);
    case 'images.tag':
      return imageTagCommand(text(input.source), text(input.target));
    case 'images.remove':
      return imageRemoveCommand(strings(input.ids), input.force === true);
    case 'images.prune':
      return imageRemoveCommand(strings(input.ids), false); // exactly the images the preview showed
    case 'volumes.create':
      return volumeCreateCommand(input as Parameters<typeof volumeCreateCommand>[0]);
    case 'volumes.remove':
    case 'volumes.prune':
      return volumeRemoveCommand(strings(input.names));
    case 'volumes.clone':
      return volumeCloneRecipe(text(input.source), text(input.target));
    case 'volumes.deleteFile':
      return volumeDeleteRecipe(text(input.volume), text(input.path));
    case 'networks.create':
      return networkCreateCommand(text(input.name), text(input.subnet));
    case 'networks.remove':
      return networkCommand('rm', text(input.network));
    case 'networks.connect':
      return networkCommand('connect', text(input.network), name(text(input.container)));
    case 'networks.disconnect':
      return networkCommand('disconnect', text(input.network), name(text(input.container)));
    case 'registries.login':
      return loginCommand(text(input.server), text(input.username));
    case 'registries.logout':
      return commandLine(['logout', text(input.server)]);
    case 'engines.unlockKey':
      // docker has no flag for a key's passphrase: its users load the key into ssh-agent. Never the passphrase.
      return sshAddRecipe(text(input.key));
    case 'containers.commit':
      return containerCommitCommand({
        container: name(text(input.container)),
        reference: text(input.reference),
        message: text(input.message),
        author: text(input.author),
        pause: input.pause !== false,
        changes: strings(input.changes),
      });
    case 'projects.act':
      return projectCommand(text(input.project), input.action as Parameters<typeof projectCommand>[1]);
    case 'swarm.scale':
      return swarmCommands.scale(text(input.service), Number(input.replicas));
    case 'swarm.updateImage':
      return swarmCommands.updateImage(text(input.service), text(input.image));
    case 'swarm.rollback':
      return swarmCommands.rollback(text(input.service));
    case 'swarm.remove':
      return swarmCommands.remove(text(input.service));
    case 'swarm.removeStack':
      return swarmCommands.stackRemove(text(input.stack));
    case 'projects.remove':
      return projectRemoveCommand(text(input.project), { volumes: strings(input.volumes), networks: strings(input.networks) });
    default:
      return undefined;
  }
}

/** Procedures that act on containers by id, whose ids the log shows as names. */
export const namesContainers = new Set(['containers.act', 'containers.commit', 'containers.rename', 'containers.remove', 'exec.open', 'networks.connect', 'networks.disconnect']);
