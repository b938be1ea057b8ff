import { z } from 'zod';
import { commandLine, containerRunCommand } from './cli.js';
import { problem } from './input-problems.js';
import { containerRef, containerRunInput, portCheckInput } from './schemas.js';

/**
 * Editing a container that exists: the run dialog's fields plus its limits, filled from inspect
 * (engine/docker/edit-config.ts). Only fields the person changed are applied; everything else the
 * container had (labels, hostname, healthcheck, mount modes, network aliases and static IPs, …) is
 * copied through unchanged.
 */
export const containerEditForm = containerRunInput.extend({
  /** Memory limit in bytes (docker --memory); 0 = none. */
  memoryBytes: z.number().int().min(0, problem('memoryLimit')).max(2 ** 50, problem('memoryLimit')).default(0),
  /** CPU limit in billionths of a CPU (docker --cpus 1.5 = 1_500_000_000); 0 = none. */
  nanoCpus: z.number().int().min(0, problem('cpuLimit')).max(1024 * 1e9, problem('cpuLimit')).default(0),
});
export type ContainerEditForm = z.output<typeof containerEditForm>;

/**
 * apply: change this container (in place when only in-place fields changed, else the safe recreate);
 * duplicate: a new container beside it; recreate: the safe recreate even with nothing changed (after
 * pulling a newer image for the same tag).
 */
export const editModes = ['apply', 'duplicate', 'recreate'] as const;
export type EditMode = (typeof editModes)[number];

export const containerEditInput = z.object({
  id: containerRef,
  form: containerEditForm,
  mode: z.enum(editModes, { error: problem('editMode') }),
  /** Leave the previous container (stopped, renamed) for a manual roll back instead of removing it. */
  keepPrevious: z.boolean().default(false),
});
export type ContainerEditInput = z.output<typeof containerEditInput>;

/** What an edit did: 'none' (nothing changed), 'update' (in place), 'recreate', 'duplicate'. */
export interface EditOutcome {
  id: string;
  name: string;
  path: 'none' | 'update' | 'recreate' | 'duplicate';
  /** The previous container's name when it was kept for a manual roll back. */
  previous?: string;
}

/** A host port to look at; `except` is the container being edited, whose own ports are no conflict. */
export const portHolderInput = portCheckInput.extend({
  protocol: z.enum(['tcp', 'udp', 'sctp']).default('tcp'),
  except: containerRef.optional(),
});
export type PortHolderInput = z.output<typeof portHolderInput>;

/**
 * Who holds a host port: nobody; a container (from the engine's port table); another program on
 * this machine (its name when /proc lets Berth see it); or 'unknown' for an engine elsewhere, where
 * only the container table can be read. `nextFree` is the next port up that nobody holds.
 */
export type PortHolder =
  | { kind: 'free' }
  | { kind: 'container'; id: string; name: string; nextFree?: number }
  | { kind: 'process'; program?: string; pid?: number; nextFree?: number }
  | { kind: 'unknown' };

/** A network the container is on, beside the first one (NetworkMode), as `docker network connect` takes it. */
export interface EditNetwork {
  network: string;
  aliases: string[];
  ipv4?: string;
  ipv6?: string;
}

/** What the edit dialog opens with. */
export interface EditableContainer {
  id: string;
  name: string;
  form: ContainerEditForm;
  /** Every network with its settings; the first is the one the container is created on. */
  networks: EditNetwork[];
  running: boolean;
  hasHealthcheck: boolean;
  /** Set for a container Compose made: Compose, not Berth, should recreate it. */
  compose?: { project: string; service: string; workingDir?: string; configFiles?: string[] };
}

export type EditField = keyof ContainerEditForm;

/** Fields `docker update` changes on a live container (POST /containers/{id}/update). */
const inPlaceFields: ReadonlySet<EditField> = new Set(['restart', 'memoryBytes', 'nanoCpus']);

export interface EditPlan {
  /** Fields that differ from what the container has. */
  changed: EditField[];
  /** Changed fields that need the container recreated. */
  needRecreate: EditField[];
  /** 'update': docker update alone; 'recreate': the safe recreate; 'none': nothing to do. */
  path: 'none' | 'update' | 'recreate';
}

/**
 * Which changed fields apply in place and which need a recreate. Removing a limit (back to 0)
 * needs a recreate: `docker update` reads 0 as "leave as it is". `autoRemove` with a restart policy
 * is refused by the engine either way, so it is not special here.
 */
export function editPlan(original: ContainerEditForm, edited: ContainerEditForm, mode: EditMode = 'apply'): EditPlan {
  const changed = (Object.keys(edited) as EditField[]).filter((field) => JSON.stringify(original[field]) !== JSON.stringify(edited[field]));
  const needRecreate = changed.filter((field) => {
    if (!inPlaceFields.has(field)) return true;
    if (field === 'memoryBytes' || field === 'nanoCpus') return edited[field] === 0;
    return false;
  });
  if (mode === 'recreate') return { changed, needRecreate: changed, path: 'recreate' };
  const path = changed.length === 0 ? 'none' : needRecreate.length ? 'recreate' : 'update';
  return { changed, needRecreate, path };
}

/** The name the previous container gets while its replacement proves itself. */
export function previousName(name: string, id: string): string {
  return `${name}-berth-old-${id.slice(0, 8)}`;
}

/** The name the replacement is created under, until the previous one has moved aside. */
export function replacementName(name: string): string {
  return `${name}-berth-new`;
}

/** `docker update` for the in-place fields that changed. */
export function containerUpdateCommand(name: string, form: ContainerEditForm, changed: readonly EditField[]): string {
  const args = ['update'];
  if (changed.includes('restart')) args.push('--restart', form.restart);
  if (changed.includes('memoryBytes')) args.push('--memory', String(form.memoryBytes), '--memory-swap', String(form.memoryBytes * 2));
  if (changed.includes('nanoCpus')) args.push('--cpus', String(form.nanoCpus / 1e9));
  return commandLine([...args, name]);
}

function networkConnectCommand(network: EditNetwork, container: string): string {
  return commandLine([
    'network',
    'connect',
    ...network.aliases.flatMap((alias) => ['--alias', alias]),
    ...(network.ipv4 ? ['--ip', network.ipv4] : []),
    ...(network.ipv6 ? ['--ip6', network.ipv6] : []),
    network.network,
    container,
  ]);
}

/**
 * Every `docker` command an edit equals, in the order Berth runs them. The create line shows the
 * dialog's fields; the settings the dialog does not show are copied from the container as they were
 * (the dialog says so). Secret env values print as <hidden> unless `revealSecrets`.
 */
export function editCommands(
  container: EditableContainer,
  edited: ContainerEditForm,
  mode: EditMode,
  options: { keepPrevious?: boolean; revealSecrets?: boolean } = {},
): string[] {
  const plan = editPlan(container.form, edited, mode);
  if (mode !== 'duplicate' && plan.path === 'none') return [];
  if (mode === 'apply' && plan.path === 'update') return [containerUpdateCommand(container.name, edited, plan.changed)];
  const finalName = edited.name || container.name;
  const createAs = mode === 'duplicate' ? finalName : replacementName(finalName);
  const create = containerRunCommand({ ...edited, name: createAs, network: edited.network }, { revealSecrets: options.revealSecrets ?? false }).replace(/^docker run -d /, 'docker create ');
  const limits = [
    ...(edited.memoryBytes ? [`--memory ${edited.memoryBytes}`] : []),
    ...(edited.nanoCpus ? [`--cpus ${edited.nanoCpus / 1e9}`] : []),
  ];
  const createLine = limits.length ? create.replace(/^docker create /, `docker create ${limits.join(' ')} `) : create;
  const others = container.networks.filter((n) => n.network !== (edited.network || container.networks[0]?.network));
  const connects = others.map((n) => networkConnectCommand(mode === 'duplicate' ? { ...n, ipv4: undefined, ipv6: undefined } : n, createAs));
  if (mode === 'duplicate') return [createLine, ...connects, commandLine(['start', createAs])];
  const old = previousName(container.name, container.id);
  return [
    createLine,
    ...connects,
    ...(container.running ? [commandLine(['stop', container.name])] : []),
    commandLine(['rename', container.name, old]),
    commandLine(['rename', createAs, finalName]),
    ...(container.running ? [commandLine(['start', finalName])] : []),
    ...(options.keepPrevious ? [] : [commandLine(['rm', old])]),
  ];
}
