import type { ContainerEditForm, EditableContainer, EditNetwork } from '../contract/edit.js';
import { createOptions } from './run.js';

/**
 * Inspect → create: the Engine API body that makes the same container again, and the run dialog's
 * fields as the container has them. Pure functions over the engine's JSON (fixtures in
 * edit-config.test.ts), so "nothing is lost on recreate" is checked field by field without an engine.
 *
 * Why not copy Config as it is: inspect's Config is the container's config merged with its image's
 * (env, labels, cmd, exposed ports, volumes…). Copied whole, a recreate on a newer image would pin the
 * old image's values (its PATH, its version label). So values equal to the image's are left out and
 * the engine merges the (new) image's in again, exactly as at the first `docker run`.
 */

/** The parts of `docker inspect <container>` this module reads. Everything else in Config/HostConfig is copied through. */
export interface InspectedContainer {
  Id: string;
  Name: string;
  Image: string;
  State?: { Running?: boolean; Status?: string };
  Config: Record<string, unknown> & { Image?: string; Env?: string[] | null; Labels?: Record<string, string> | null; Hostname?: string };
  HostConfig: Record<string, unknown>;
  Mounts?: { Type?: string; Name?: string; Source?: string; Destination: string; RW?: boolean }[];
  NetworkSettings?: { Networks?: Record<string, InspectedEndpoint> | null };
}

export interface InspectedEndpoint {
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] } | null;
  Links?: string[] | null;
  Aliases?: string[] | null;
  DriverOpts?: Record<string, string> | null;
}

/** The image's own Config (`docker image inspect`), whose values a container inherits. */
export type ImageConfig = Record<string, unknown> | null | undefined;

export interface CreateBody {
  name: string;
  Config: Record<string, unknown>;
  HostConfig: Record<string, unknown>;
  /** The first network's endpoint (the only one the create call may carry before API 1.44). */
  EndpointsConfig: Record<string, Record<string, unknown>>;
  /** The other networks, connected after create and before start. */
  connect: { network: string; EndpointConfig: Record<string, unknown> }[];
}

/** Networks that take no endpoint settings of their own (aliases and static IPs need a user-defined network). */
const plainModes = new Set(['default', 'bridge', 'host', 'none']);

const deepEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function shortId(info: InspectedContainer): string {
  return info.Id.slice(0, 12);
}

/** Every network the container is on, its first one (NetworkMode) first, with the settings a person gave it. */
export function networksOf(info: InspectedContainer): EditNetwork[] {
  const mode = String(info.HostConfig.NetworkMode ?? 'default');
  const entries = Object.entries(info.NetworkSettings?.Networks ?? {});
  entries.sort(([a], [b]) => (a === mode ? -1 : b === mode ? 1 : 0));
  return entries.map(([network, endpoint]) => ({
    network,
    // The engine adds the short ID as an alias on user-defined networks itself; it is not the person's.
    aliases: (endpoint.Aliases ?? []).filter((alias) => alias !== shortId(info) && alias !== info.Id),
    ...(endpoint.IPAMConfig?.IPv4Address ? { ipv4: endpoint.IPAMConfig.IPv4Address } : {}),
    ...(endpoint.IPAMConfig?.IPv6Address ? { ipv6: endpoint.IPAMConfig.IPv6Address } : {}),
  }));
}

function endpointBody(info: InspectedContainer, network: string, endpoint: InspectedEndpoint, duplicate: boolean): Record<string, unknown> {
  if (plainModes.has(network)) return {};
  const ipam = endpoint.IPAMConfig ?? undefined;
  const body: Record<string, unknown> = {};
  // A duplicate cannot hold the same static address as the container it copies.
  if (ipam && !duplicate && (ipam.IPv4Address || ipam.IPv6Address || ipam.LinkLocalIPs?.length)) body.IPAMConfig = ipam;
  const aliases = (endpoint.Aliases ?? []).filter((alias) => alias !== shortId(info) && alias !== info.Id);
  if (aliases.length) body.Aliases = aliases;
  if (endpoint.Links?.length) body.Links = endpoint.Links;
  if (endpoint.DriverOpts && Object.keys(endpoint.DriverOpts).length) body.DriverOpts = endpoint.DriverOpts;
  return body;
}

/** Env lines the person gave: inspect's Env less the lines the image sets to the same value. */
function ownEnv(env: readonly string[] | null | undefined, image: ImageConfig): string[] {
  const inherited = new Set((image?.Env as string[] | undefined) ?? []);
  return (env ?? []).filter((line) => !inherited.has(line));
}

/** A map (labels, exposed ports, volumes) less the entries the image gives with the same value. */
function ownEntries<T>(own: Record<string, T> | null | undefined, inherited: unknown): Record<string, T> {
  const base = (inherited ?? {}) as Record<string, T>;
  return Object.fromEntries(Object.entries(own ?? {}).filter(([key, value]) => !(key in base && deepEqual(base[key], value))));
}

/** HostConfig.Links reads "/other:/me/alias" in inspect; create wants "other:alias". */
function createLinks(links: unknown): string[] | undefined {
  if (!Array.isArray(links) || links.length === 0) return undefined;
  return links.map((link: string) => {
    const [target = '', alias = ''] = link.split(':');
    return `${target.replace(/^\//, '')}:${alias.split('/').pop() ?? alias}`;
  });
}

/** Anonymous volumes (an image's VOLUME, `-v /path`): named in Mounts but in neither Binds nor HostConfig.Mounts. */
function anonymousVolumes(info: InspectedContainer): { Name: string; Destination: string }[] {
  const binds = ((info.HostConfig.Binds as string[] | null) ?? []).map((b) => bindTarget(b));
  const mounts = ((info.HostConfig.Mounts as { Target: string }[] | null) ?? []).map((m) => m.Target);
  return (info.Mounts ?? [])
    .filter((m) => m.Type === 'volume' && m.Name && !binds.includes(m.Destination) && !mounts.includes(m.Destination))
    .map((m) => ({ Name: m.Name!, Destination: m.Destination }));
}

/** The container path of a Binds entry "source:target[:mode]" (a Windows drive letter aside, which Berth's engines never have). */
function bindTarget(bind: string): string {
  return bind.split(':')[1] ?? '';
}

/**
 * The body that creates this container again. Values the image provides are left for the image to
 * provide (see the module comment); the engine-made hostname (the short ID) and alias are dropped;
 * anonymous volumes become named mounts of the same volumes, so their data stays with the new
 * container (a duplicate gets fresh ones instead, as `docker run` would give it). A duplicate also
 * leaves out static IPs and an explicit MAC address, which two containers cannot share.
 */
export function createBodyFromInspect(info: InspectedContainer, image: ImageConfig, options: { duplicate?: boolean } = {}): CreateBody {
  const duplicate = options.duplicate ?? false;
  const config: Record<string, unknown> = { ...info.Config };
  if (config.Hostname === shortId(info) || duplicate) delete config.Hostname;
  if (duplicate) delete config.MacAddress;
  config.Env = ownEnv(info.Config.Env, image);
  config.Labels = ownEntries(info.Config.Labels, image?.Labels);
  config.ExposedPorts = ownEntries(info.Config.ExposedPorts as Record<string, object> | null, image?.ExposedPorts);
  config.Volumes = ownEntries(info.Config.Volumes as Record<string, object> | null, image?.Volumes);
  // An Entrypoint given at run resets the image's Cmd, so both are left out only together.
  const sameEntrypoint = deepEqual(info.Config.Entrypoint ?? null, image?.Entrypoint ?? null);
  if (sameEntrypoint) {
    delete config.Entrypoint;
    if (deepEqual(info.Config.Cmd ?? null, image?.Cmd ?? null)) delete config.Cmd;
  }
  for (const field of ['WorkingDir', 'User', 'StopSignal', 'Healthcheck', 'Shell', 'OnBuild', 'ArgsEscaped'] as const) {
    if (image && field in config && deepEqual(config[field] ?? null, image[field] ?? null)) delete config[field];
  }
  delete config.Image;
  config.Image = info.Config.Image ?? info.Image;

  const hostConfig: Record<string, unknown> = { ...info.HostConfig };
  const links = createLinks(info.HostConfig.Links);
  if (links) hostConfig.Links = links;
  else delete hostConfig.Links;
  delete hostConfig.ContainerIDFile;
  const anonymous = duplicate ? [] : anonymousVolumes(info);
  if (anonymous.length) {
    hostConfig.Mounts = [
      ...(((info.HostConfig.Mounts as unknown[] | null) ?? []) as unknown[]),
      ...anonymous.map((v) => ({ Type: 'volume', Source: v.Name, Target: v.Destination })),
    ];
  }

  const networks = Object.entries(info.NetworkSettings?.Networks ?? {});
  const mode = String(info.HostConfig.NetworkMode ?? 'default');
  const first = networks.find(([name]) => name === mode);
  const EndpointsConfig: CreateBody['EndpointsConfig'] = first && !plainModes.has(mode) ? { [mode]: endpointBody(info, mode, first[1], duplicate) } : {};
  const connect = mode.startsWith('container:') || mode === 'host' || mode === 'none'
    ? []
    : networks.filter(([name]) => name !== mode).map(([network, endpoint]) => ({ network, EndpointConfig: endpointBody(info, network, endpoint, duplicate) }));
  return { name: info.Name.replace(/^\//, ''), Config: config, HostConfig: hostConfig, EndpointsConfig, connect };
}

/** One `-p` spec per binding, the host address spelled out ('' in inspect means every interface). */
export function portSpecsOf(bindings: unknown): string[] {
  const specs: string[] = [];
  for (const [key, list] of Object.entries((bindings ?? {}) as Record<string, { HostIp?: string; HostPort?: string }[] | null>)) {
    const [port, protocol = 'tcp'] = key.split('/');
    for (const binding of list ?? []) {
      const ip = binding.HostIp || '0.0.0.0';
      const host = ip.includes(':') ? `[${ip}]` : ip;
      specs.push(`${host}:${binding.HostPort ?? ''}:${port}${protocol === 'tcp' ? '' : `/${protocol}`}`);
    }
  }
  return specs;
}

/** The dialog's mounts: volumes by name, host folders by path, as the container has them now. */
function formMounts(info: InspectedContainer): ContainerEditForm['mounts'] {
  return (info.Mounts ?? [])
    .filter((m) => m.Type === 'bind' || m.Type === 'volume')
    .map((m) => ({ source: m.Type === 'volume' ? (m.Name ?? '') : (m.Source ?? ''), target: m.Destination, readOnly: m.RW === false }));
}

/** The run dialog's fields as this container has them (what the person gave, not what the image gives). */
export function editFormFromInspect(info: InspectedContainer, image: ImageConfig): ContainerEditForm {
  const body = createBodyFromInspect(info, image);
  const restart = (info.HostConfig.RestartPolicy as { Name?: string } | undefined)?.Name || 'no';
  const mode = String(info.HostConfig.NetworkMode ?? 'default');
  return {
    image: String(info.Config.Image ?? info.Image),
    name: info.Name.replace(/^\//, ''),
    ports: portSpecsOf(info.HostConfig.PortBindings),
    mounts: formMounts(info),
    env: (body.Config.Env as string[]) ?? [],
    command: body.Config.Cmd && !body.Config.Entrypoint ? ((body.Config.Cmd as string[]) ?? []) : [],
    restart: (['no', 'always', 'unless-stopped', 'on-failure'] as const).find((p) => p === restart) ?? 'no',
    autoRemove: Boolean(info.HostConfig.AutoRemove),
    network: mode === 'default' ? '' : mode,
    memoryBytes: Number(info.HostConfig.Memory ?? 0),
    nanoCpus: Number(info.HostConfig.NanoCpus ?? 0),
  };
}

/** What the edit dialog opens with. */
export function editableFromInspect(info: InspectedContainer, image: ImageConfig): EditableContainer {
  const labels = info.Config.Labels ?? {};
  const project = labels['com.docker.compose.project'];
  const service = labels['com.docker.compose.service'];
  const workingDir = labels['com.docker.compose.project.working_dir'];
  const configFiles = labels['com.docker.compose.project.config_files'];
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    form: editFormFromInspect(info, image),
    networks: networksOf(info),
    running: Boolean(info.State?.Running),
    hasHealthcheck: hasHealthcheck(info.Config.Healthcheck),
    ...(project && service
      ? { compose: { project, service, ...(workingDir ? { workingDir } : {}), ...(configFiles ? { configFiles: configFiles.split(',') } : {}) } }
      : {}),
  };
}

export function hasHealthcheck(healthcheck: unknown): boolean {
  const test = (healthcheck as { Test?: string[] } | undefined)?.Test;
  return Array.isArray(test) && test.length > 0 && test[0] !== 'NONE';
}

/**
 * The create body with the person's changes laid over it: only the fields that differ from
 * `original` (the form as the container had it) are touched, so the rest stays exactly as it was.
 * Mounts that are still there keep their original spec (bind propagation, volume options, modes).
 */
export function applyEdits(body: CreateBody, info: InspectedContainer, original: ContainerEditForm, edited: ContainerEditForm): CreateBody {
  const out: CreateBody = { ...body, Config: { ...body.Config }, HostConfig: { ...body.HostConfig }, EndpointsConfig: { ...body.EndpointsConfig }, connect: [...body.connect] };
  const changed = (field: keyof ContainerEditForm) => !deepEqual(original[field], edited[field]);
  const fresh = createOptions({ ...edited, name: '' }) as { Config?: never } & Record<string, unknown> & { HostConfig: Record<string, unknown> };
  if (changed('name') && edited.name) out.name = edited.name;
  if (changed('image')) out.Config.Image = edited.image;
  if (changed('env')) out.Config.Env = edited.env;
  if (changed('command')) {
    if (edited.command.length) out.Config.Cmd = edited.command;
    else delete out.Config.Cmd;
  }
  if (changed('ports')) {
    const bound = new Set(Object.keys((info.HostConfig.PortBindings ?? {}) as object));
    const keptExposed = Object.fromEntries(Object.entries((out.Config.ExposedPorts ?? {}) as Record<string, object>).filter(([key]) => !bound.has(key)));
    out.Config.ExposedPorts = { ...keptExposed, ...(fresh.ExposedPorts as object) };
    out.HostConfig.PortBindings = fresh.HostConfig.PortBindings;
  }
  if (changed('mounts')) {
    const before = formMounts(info);
    const binds = ((info.HostConfig.Binds as string[] | null) ?? []);
    const specs = ((info.HostConfig.Mounts as { Target: string }[] | null) ?? []);
    const anonymous = anonymousVolumes(info);
    const keptBinds: string[] = [];
    const keptMounts: unknown[] = [];
    for (const mount of edited.mounts) {
      const same = before.some((m) => deepEqual(m, mount));
      const bind = same && binds.find((b) => bindTarget(b) === mount.target);
      const spec = same && specs.find((s) => s.Target === mount.target);
      const anon = same && anonymous.find((a) => a.Destination === mount.target);
      if (bind) keptBinds.push(bind);
      else if (spec) keptMounts.push(spec);
      else if (anon) keptMounts.push({ Type: 'volume', Source: anon.Name, Target: anon.Destination });
      else keptMounts.push(...((createOptions({ ...edited, name: '', mounts: [mount], ports: [] }).HostConfig?.Mounts as unknown[]) ?? []));
    }
    const tmpfs = specs.filter((s) => (s as { Type?: string }).Type === 'tmpfs');
    out.HostConfig.Binds = keptBinds.length ? keptBinds : null;
    out.HostConfig.Mounts = [...keptMounts, ...tmpfs];
  }
  if (changed('restart')) out.HostConfig.RestartPolicy = { Name: edited.restart === 'no' ? '' : edited.restart, MaximumRetryCount: 0 };
  if (changed('autoRemove')) out.HostConfig.AutoRemove = edited.autoRemove;
  if (changed('memoryBytes')) {
    out.HostConfig.Memory = edited.memoryBytes;
    // Swap was derived from the old limit (docker sets twice the memory); let the engine derive it again.
    out.HostConfig.MemorySwap = info.HostConfig.MemorySwap === -1 ? -1 : 0;
  }
  if (changed('nanoCpus')) {
    out.HostConfig.NanoCpus = edited.nanoCpus;
    // The engine refuses NanoCpus beside CpuPeriod/CpuQuota ("Conflicting options").
    out.HostConfig.CpuPeriod = 0;
    out.HostConfig.CpuQuota = 0;
  }
  if (changed('network')) {
    const target = edited.network || 'default';
    out.HostConfig.NetworkMode = target;
    const moved = out.connect.find((c) => c.network === target);
    out.connect = out.connect.filter((c) => c.network !== target);
    out.EndpointsConfig = moved && !plainModes.has(target) ? { [target]: moved.EndpointConfig } : {};
  }
  return out;
}

/** The Engine API create options (dockerode) for a body. */
export function createRequest(body: CreateBody, name: string): Record<string, unknown> {
  return {
    name,
    ...body.Config,
    HostConfig: body.HostConfig,
    NetworkingConfig: { EndpointsConfig: body.EndpointsConfig },
  };
}
