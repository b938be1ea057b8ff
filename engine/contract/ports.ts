/**
 * Published ports in docker's `-p` syntax, parsed as docker parses them
 * (github.com/docker/go-connections nat/nat.go ParsePortSpec, nat/parse.go ParsePortRange):
 *
 *   [host-ip:][host-port[-end]:]container-port[-end][/tcp|udp|sctp]
 *
 * with an IPv6 host address in brackets ([::1]:8080:80). A host range and a container range must be
 * the same size, except that a host range with one container port lets the engine pick one free
 * host port from the range.
 *
 * Where Berth differs on purpose: with no host address docker publishes on every interface, and
 * Berth on 127.0.0.1 (this machine only), so a container is not reachable from the network unless
 * the person says so (`withDefaultHost`, said in the run dialog); and container port 0 is refused.
 */
export type PortProtocol = 'tcp' | 'udp' | 'sctp';

/** One container port's binding, as the Engine API's PortBindings want it. */
export interface PortBinding {
  /** '' when the spec names no host address. */
  hostIp: string;
  /** '' for any free port, '8080', or '8000-8010' (the engine picks one free port in the range). */
  hostPort: string;
  containerPort: number;
  protocol: PortProtocol;
}

export type PortProblemCode = 'empty' | 'ipAddress' | 'noContainerPort' | 'containerPort' | 'hostPort' | 'rangeSizes' | 'protocol' | 'containerPortZero';

export type PortSpecResult =
  | { ok: true; bindings: PortBinding[]; hostIp: string; hostPort: string; containerPort: string; protocol: PortProtocol }
  | { ok: false; code: PortProblemCode; params: Record<string, string> };

/** The host address Berth publishes on when a spec names none. */
export const defaultHostIp = '127.0.0.1';

const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** Whether text is an IPv4 or IPv6 address (no brackets, no zone), as net.ParseIP accepts them. */
export function isIpAddress(text: string): boolean {
  if (ipv4.test(text)) return true;
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return false;
  try {
    return new URL(`http://[${text}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

/** nat.ParsePortRange: "8080" or "8000-8080", each 0–65535, start ≤ end. Undefined when not one. */
export function parsePortRange(text: string): { start: number; end: number } | undefined {
  const number = (s: string) => (/^\d{1,5}$/.test(s) && Number(s) <= 65535 ? Number(s) : undefined);
  if (!text.includes('-')) {
    const port = number(text);
    return port === undefined ? undefined : { start: port, end: port };
  }
  const [a = '', b = '', extra] = text.split('-');
  const start = number(a);
  const end = number(b);
  if (extra !== undefined || start === undefined || end === undefined || end < start) return undefined;
  return { start, end };
}

/** Parses one `-p` spec into one binding per container port; never throws. */
export function parsePortSpec(spec: string): PortSpecResult {
  const raw = spec.trim();
  if (!raw) return { ok: false, code: 'empty', params: {} };
  // nat.splitParts: the last part is the container port, the one before the host port, the rest the address.
  const parts = raw.split(':');
  const containerPart = parts.at(-1)!;
  const hostPort = parts.length >= 2 ? parts.at(-2)! : '';
  let hostIp = parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
  // nat.SplitProtoPort
  const [portText = '', protoText] = containerPart.split('/');
  const protocol = (protoText ? protoText : 'tcp').toLowerCase();
  if (hostIp.startsWith('[')) {
    if (!hostIp.endsWith(']')) return { ok: false, code: 'ipAddress', params: { address: hostIp } };
    hostIp = hostIp.slice(1, -1);
  }
  if (hostIp && !isIpAddress(hostIp)) return { ok: false, code: 'ipAddress', params: { address: hostIp } };
  if (!portText) return { ok: false, code: 'noContainerPort', params: { spec: raw } };
  const container = parsePortRange(portText);
  if (!container) return { ok: false, code: 'containerPort', params: { port: portText } };
  const host = hostPort ? parsePortRange(hostPort) : undefined;
  if (hostPort && !host) return { ok: false, code: 'hostPort', params: { port: hostPort } };
  if (host && host.end - host.start !== container.end - container.start && container.start !== container.end) {
    return { ok: false, code: 'rangeSizes', params: { container: portText, host: hostPort } };
  }
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') return { ok: false, code: 'protocol', params: { protocol: protoText ?? '' } };
  if (container.start === 0) return { ok: false, code: 'containerPortZero', params: {} };
  const bindings: PortBinding[] = [];
  for (let i = 0; i <= container.end - container.start; i++) {
    let bindingHostPort = host ? String(host.start + i) : '';
    if (host && container.start === container.end && host.start !== host.end) bindingHostPort = `${host.start}-${host.end}`;
    bindings.push({ hostIp, hostPort: bindingHostPort, containerPort: container.start + i, protocol });
  }
  return { ok: true, bindings, hostIp, hostPort, containerPort: portText, protocol };
}

/**
 * The spec as Berth publishes it, every part spelled out: the host address Berth uses when none is
 * given (127.0.0.1), IPv6 in brackets, and the protocol when it is not tcp. Undefined when invalid.
 */
export function withDefaultHost(spec: string): string | undefined {
  const parsed = parsePortSpec(spec);
  if (!parsed.ok) return undefined;
  const ip = parsed.hostIp || defaultHostIp;
  return `${ip.includes(':') ? `[${ip}]` : ip}:${parsed.hostPort}:${parsed.containerPort}${parsed.protocol === 'tcp' ? '' : `/${parsed.protocol}`}`;
}

const messages: Record<PortProblemCode, (p: Record<string, string>) => string> = {
  empty: () => 'Type a port, e.g. 8080:80.',
  ipAddress: (p) => `"${p.address}" is not an IP address; use e.g. 127.0.0.1, 0.0.0.0 or [::1].`,
  noContainerPort: (p) => `"${p.spec}" names no container port, e.g. 8080:80.`,
  containerPort: (p) => `"${p.port}" is not a container port: a number 1–65535 or a range such as 8000-8010.`,
  hostPort: (p) => `"${p.port}" is not a host port: a number 1–65535 or a range such as 8000-8010.`,
  rangeSizes: (p) => `The host ports ${p.host} and the container ports ${p.container} are ranges of different sizes.`,
  protocol: (p) => `"${p.protocol}" is not a protocol; use tcp, udp or sctp.`,
  containerPortZero: () => 'The container port is at least 1.',
};

/** The problem in an English sentence, for the engine's errors. */
export function portProblemText(result: Extract<PortSpecResult, { ok: false }>): string {
  return messages[result.code](result.params);
}
