import type { ContainerInfo, ImageInfo } from 'dockerode';
import type {
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

export function toContainerSummary(info: ContainerInfo): ContainerSummary {
  const state = (states as readonly string[]).includes(info.State) ? (info.State as ContainerState) : 'dead';
  const { published, exposed } = publishedPorts(info.Ports);
  const project = info.Labels?.['com.docker.compose.project'];
  return {
    id: info.Id,
    name: (info.Names?.[0] ?? info.Id.slice(0, 12)).replace(/^\//, ''),
    image: info.Image,
    state,
    status: info.Status,
    created: info.Created,
    ports: published,
    exposed,
    volumes: (info.Mounts ?? [])
      .filter((m) => m.Type === 'volume' && m.Name)
      .map((m) => ({ name: m.Name!, destination: m.Destination, anonymous: anonymousVolumeName.test(m.Name!) })),
    ...(project ? { composeProject: project } : {}),
  };
}

export function toImageSummary(info: ImageInfo, usedBy: string[] = []): ImageSummary {
  const tags = (info.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
  const digests = (info.RepoDigests ?? []).filter((d) => d !== '<none>@<none>');
  // docker's own "dangling" (`images -f dangling=true`, `image prune`) is "no tag", even with a digest.
  return { id: info.Id, tags, digests, size: info.Size, created: info.Created, dangling: tags.length === 0, usedBy };
}
