import type { ContainerInfo, ImageInfo } from 'dockerode';
import { composeLabelsOf } from '../contract/compose-labels.js';
import type {
  ContainerHealth,
  ContainerNetwork,
  ContainerState,
  ContainerSummary,
  ExposedPort,
  ImageSummary,
  PortMapping,
} from '../contract/types.js';

const states: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];
const anonymousVolumeName = /^[0-9a-f]{64}$/;

function protocolOf(type: string | undefined): PortMapping['protocol'] {
  return type === 'udp' || type === 'sctp' ? type : 'tcp';
}

/**
 * Published ports, one per host port: the engine lists a port once for IPv4 and again for IPv6
 * (0.0.0.0 and ::) when it binds both, which is one mapping to a person.
 */
export function publishedPorts(ports: ContainerInfo['Ports']): { published: PortMapping[]; exposed: ExposedPort[] } {
  const published = new Map<string, PortMapping>();
  const exposed = new Map<string, ExposedPort>();
  for (const port of ports ?? []) {
    const protocol = protocolOf(port.Type);
    if (!port.PublicPort) {
      exposed.set(`${port.PrivatePort}/${protocol}`, { containerPort: port.PrivatePort, protocol });
      continue;
    }
    const key = `${port.PublicPort}:${port.PrivatePort}/${protocol}`;
    const existing = published.get(key);
    const hostIp = port.IP ?? '0.0.0.0';
    if (existing && !existing.hostIp.includes(':')) continue; // keep the IPv4 binding
    published.set(key, { hostIp, hostPort: port.PublicPort, containerPort: port.PrivatePort, protocol });
  }
  const sorted = [...published.values()].sort((a, b) => a.containerPort - b.containerPort || a.hostPort - b.hostPort);
  return { published: sorted, exposed: [...exposed.values()] };
}

/**
 * Berth's own short-lived helpers (created, never started, to read a volume's files) are not the
 * person's containers; listing them would only make rows flicker.
 */
export function isBerthHelper(info: Pick<ContainerInfo, 'Labels'>): boolean {
  return info.Labels?.['dev.berth.helper'] === '1';
}

/**
 * The healthcheck verdict in the engine's Status text: "Up 3 minutes (healthy)", "(unhealthy)",
 * "(health: starting)" (moby container/state.go State.String and Health.String). No per-row inspect.
 */
export function healthFromStatus(status: string | undefined): ContainerHealth | undefined {
  const match = /\((healthy|unhealthy|health: starting)\)\s*$/.exec(status ?? '');
  if (!match) return undefined;
  return match[1] === 'health: starting' ? 'starting' : (match[1] as ContainerHealth);
}

/** The exit code in "Exited (137) 2 hours ago" or "Restarting (1) 3 seconds ago". */
export function exitCodeFromStatus(status: string | undefined): number | undefined {
  const match = /^(?:Exited|Restarting) \((-?\d+)\)/.exec(status ?? '');
  return match ? Number(match[1]) : undefined;
}

export function toContainerSummary(info: ContainerInfo): ContainerSummary {
  const state = (states as readonly string[]).includes(info.State) ? (info.State as ContainerState) : 'dead';
  const { published, exposed } = publishedPorts(info.Ports);
  const compose = composeLabelsOf(info.Labels);
  return {
    id: info.Id,
    name: (info.Names?.[0] ?? info.Id.slice(0, 12)).replace(/^\//, ''),
    image: info.Image,
    imageId: info.ImageID,
    state,
    status: info.Status,
    created: info.Created,
    ports: published,
    exposed,
    volumes: (info.Mounts ?? [])
      .filter((m) => m.Type === 'volume' && m.Name)
      .map((m) => ({ name: m.Name!, destination: m.Destination, anonymous: anonymousVolumeName.test(m.Name!) })),
    networks: networksOf(info),
    ...(compose ? { compose } : {}),
    ...optional('health', healthFromStatus(info.Status)),
    ...optional('exitCode', exitCodeFromStatus(info.Status)),
  };
}

/**
 * The networks a listed container is attached to: NetworkSettings.Networks is keyed by network name,
 * each entry with the NetworkID it was last started on ("" before its first start). A container
 * sharing another's network stack (`--network container:…`) lists none, as `docker ps` shows none.
 */
export function networksOf(info: Pick<ContainerInfo, 'NetworkSettings'>): ContainerNetwork[] {
  return Object.entries(info.NetworkSettings?.Networks ?? {}).map(([name, settings]) => (settings?.NetworkID ? { name, id: settings.NetworkID } : { name }));
}

/** The part of an inspect document that says how a container is doing right now. */
export interface InspectedState {
  RestartCount?: number;
  State?: { Status?: string; ExitCode?: number; Health?: { Status?: string } };
}

/**
 * A row corrected by inspect, which reads the container under its lock: the list is served from a
 * view the engine updates a little after it sends `die`, so right after one it still says "Up"
 * (measured: every `die` of a restart loop listed as running while inspect said restarting).
 */
export function withInspectedState(summary: ContainerSummary, inspected: InspectedState): ContainerSummary {
  const status = inspected.State?.Status;
  const state = (states as readonly string[]).includes(status ?? '') ? (status as ContainerState) : summary.state;
  const next: ContainerSummary = { ...summary, state };
  if (typeof inspected.State?.ExitCode === 'number' && state !== 'running') next.exitCode = inspected.State.ExitCode;
  if (typeof inspected.RestartCount === 'number') next.restartCount = inspected.RestartCount;
  if (state !== summary.state) {
    // The list's "Up …" text would contradict the state; say what the engine's own text would.
    next.status = state === 'restarting' ? `Restarting (${next.exitCode ?? 0})` : state === 'exited' ? `Exited (${next.exitCode ?? 0})` : summary.status;
    if (state !== 'running') delete next.health;
  }
  return next;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export function toImageSummary(info: ImageInfo): ImageSummary {
  const tags = (info.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
  const digests = (info.RepoDigests ?? []).filter((d) => d !== '<none>@<none>');
  // docker's own "dangling" (`images -f dangling=true`, `image prune`) is "no tag", even with a digest.
  return { id: info.Id, tags, digests, size: info.Size, created: info.Created, dangling: tags.length === 0 };
}
