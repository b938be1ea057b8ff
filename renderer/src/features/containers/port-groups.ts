import type { PortMapping } from '../../../../engine/contract/types';

/** Published ports that read as one entry: a run of consecutive host ports onto consecutive container ports. */
export interface PortGroup {
  hostIp: string;
  hostPort: number;
  /** Last host port of the run (equal to hostPort for a single port). */
  hostPortEnd: number;
  containerPort: number;
  containerPortEnd: number;
  protocol: PortMapping['protocol'];
}

const everyInterface = new Set(['', '0.0.0.0', '::']);

/**
 * The address a published port is reached at from this machine. A port bound to every interface
 * (0.0.0.0 or ::) is reached at localhost; one bound to a single address only there.
 */
export function portAddress(port: Pick<PortMapping, 'hostIp' | 'hostPort'>): string {
  const host = everyInterface.has(port.hostIp) ? 'localhost' : port.hostIp;
  return `${host.includes(':') ? `[${host}]` : host}:${port.hostPort}`;
}

/**
 * One mapping per binding a person means: the engine lists a port bound to every interface twice
 * (0.0.0.0 and ::), which is one mapping. Sorted by address, protocol, then host port.
 */
export function distinctPorts(ports: readonly PortMapping[]): PortMapping[] {
  const byKey = new Map<string, PortMapping>();
  for (const port of ports) {
    const hostIp = everyInterface.has(port.hostIp) ? '0.0.0.0' : port.hostIp;
    const key = `${hostIp}|${port.hostPort}|${port.containerPort}|${port.protocol}`;
    if (!byKey.has(key)) byKey.set(key, { ...port, hostIp });
  }
  return [...byKey.values()].sort(
    (a, b) => a.hostIp.localeCompare(b.hostIp) || a.protocol.localeCompare(b.protocol) || a.hostPort - b.hostPort || a.containerPort - b.containerPort,
  );
}

/**
 * Collapses published ports into ranges the way `docker run -p 8000-8009:8000-8009` wrote them: a
 * port joins the run before it when it has the same address and protocol and both its host and its
 * container port are one more than the run's last. IPv4/IPv6 duplicates count once.
 */
export function groupPorts(ports: readonly PortMapping[]): PortGroup[] {
  const groups: PortGroup[] = [];
  for (const port of distinctPorts(ports)) {
    const last = groups.at(-1);
    if (
      last &&
      last.hostIp === port.hostIp &&
      last.protocol === port.protocol &&
      port.hostPort === last.hostPortEnd + 1 &&
      port.containerPort === last.containerPortEnd + 1
    ) {
      last.hostPortEnd = port.hostPort;
      last.containerPortEnd = port.containerPort;
    } else {
      groups.push({ hostIp: port.hostIp, hostPort: port.hostPort, hostPortEnd: port.hostPort, containerPort: port.containerPort, containerPortEnd: port.containerPort, protocol: port.protocol });
    }
  }
  return groups;
}

const range = (start: number, end: number) => (start === end ? String(start) : `${start}-${end}`);

/** `127.0.0.1:20000-20019→20000-20019/tcp`, or `localhost:8080→80/tcp` for one port. */
export function groupText(group: PortGroup): string {
  const address = portAddress({ hostIp: group.hostIp, hostPort: group.hostPort });
  const withRange = group.hostPortEnd === group.hostPort ? address : `${address}-${group.hostPortEnd}`;
  return `${withRange}→${range(group.containerPort, group.containerPortEnd)}/${group.protocol}`;
}

/** Every mapping, one per line, for a tooltip: nothing a range hides is lost. */
export function portsTooltip(ports: readonly PortMapping[]): string {
  return distinctPorts(ports)
    .map((port) => `${portAddress(port)}→${port.containerPort}/${port.protocol}`)
    .join('\n');
}
