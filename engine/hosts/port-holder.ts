import { readdir, readFile, readlink } from 'node:fs/promises';

/**
 * Who listens on a host port, read from Linux's socket tables (/proc/net/tcp, tcp6, udp, udp6) and,
 * where this user may look, the owning process (/proc/PID/fd → socket:[inode], /proc/PID/comm).
 * Other systems (and other users' processes) leave Berth knowing only that "another program" has it.
 */

export interface ProcSocket {
  /** Dotted IPv4 or full-length IPv6 in lowercase hex groups; '0.0.0.0' / '::' for every address. */
  address: string;
  port: number;
  /** The kernel's state code: 0A listen (tcp), 07 bound/unconnected (udp). */
  state: string;
  inode: number;
}

/** IPv4 in /proc/net is one 32-bit word in host byte order (little-endian on every Linux Berth runs on). */
function ipv4FromHex(hex: string): string {
  const bytes = hex.match(/../g)!.map((b) => parseInt(b, 16)).reverse();
  return bytes.join('.');
}

/** IPv6 is four such words. */
function ipv6FromHex(hex: string): string {
  const groups: string[] = [];
  for (let word = 0; word < 4; word++) {
    const bytes = hex.slice(word * 8, word * 8 + 8).match(/../g)!.reverse().join('');
    groups.push(bytes.slice(0, 4), bytes.slice(4, 8));
  }
  // The WHATWG URL parser writes IPv6 in its canonical short form (RFC 5952): ::1, ::, ::ffff:7f00:1.
  return new URL(`http://[${groups.join(':')}]/`).hostname.replace(/^\[|\]$/g, '');
}

/** Parses one /proc/net/{tcp,udp}[6] table (a header line, then one socket per line). */
export function parseProcNet(text: string): ProcSocket[] {
  const sockets: ProcSocket[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10) continue;
    const [addressHex = '', portHex = ''] = (fields[1] ?? '').split(':');
    if (!/^[0-9A-Fa-f]+$/.test(addressHex) || !/^[0-9A-Fa-f]{4}$/.test(portHex)) continue;
    sockets.push({
      address: addressHex.length === 8 ? ipv4FromHex(addressHex) : ipv6FromHex(addressHex),
      port: parseInt(portHex, 16),
      state: (fields[3] ?? '').toUpperCase(),
      inode: Number(fields[9]),
    });
  }
  return sockets;
}

const wildcard = new Set(['0.0.0.0', '::']);

/** Whether a socket bound to `bound` stops a new one on `wanted` (a wildcard on either side takes every address). */
export function addressesClash(bound: string, wanted: string): boolean {
  return wildcard.has(bound) || wildcard.has(wanted) || bound === wanted || (bound === '::ffff:7f00:1' && wanted === '127.0.0.1');
}

/** The listening socket holding a port in these tables, if any. */
export function findListener(sockets: readonly ProcSocket[], hostIp: string, port: number, protocol: 'tcp' | 'udp' | 'sctp'): ProcSocket | undefined {
  const listening = protocol === 'udp' ? '07' : '0A';
  return sockets.find((s) => s.port === port && s.state === listening && addressesClash(s.address, hostIp));
}

/** Reads this machine's tables for a protocol; empty where there is no /proc. */
export async function readProcSockets(protocol: 'tcp' | 'udp' | 'sctp'): Promise<ProcSocket[]> {
  if (protocol === 'sctp') return [];
  const tables = await Promise.all([`/proc/net/${protocol}`, `/proc/net/${protocol}6`].map((path) => readFile(path, 'utf8').catch(() => '')));
  return tables.flatMap(parseProcNet);
}

/**
 * The process owning a socket inode, looked for in every /proc/PID/fd this user may read. Bounded
 * to the first match; other users' processes are not readable and give undefined.
 */
export async function socketOwner(inode: number): Promise<{ pid: number; program: string } | undefined> {
  if (!inode) return undefined;
  const wanted = `socket:[${inode}]`;
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((entry) => /^\d+$/.test(entry));
  for (const pid of pids) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      if ((await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')) !== wanted) continue;
      const program = (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim();
      return { pid: Number(pid), program };
    }
  }
  return undefined;
}
