import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface BridgeConfig {
  name: string;
  /** Address of the bridge itself with its prefix, e.g. 172.31.250.1/24. */
  cidr: string;
}

export const defaultBridge: BridgeConfig = { name: 'berth0', cidr: '172.31.250.1/24' };

/**
 * A bridge of Berth's own for its rootful dockerd. Two rootful daemons on one host network clobber
 * each other's docker0 and port rules, so Berth's daemon gets its own bridge and --iptables=false.
 */
export async function ensureBridge(bridge: BridgeConfig): Promise<void> {
  const exists = await run('ip', ['link', 'show', bridge.name]).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await run('ip', ['link', 'add', bridge.name, 'type', 'bridge']);
    await run('ip', ['addr', 'add', bridge.cidr, 'dev', bridge.name]);
  }
  await run('ip', ['link', 'set', bridge.name, 'up']);
}

/** The network a bridge address belongs to: 172.31.250.1/24 → 172.31.250.0/24. */
export function subnetOf(cidr: string): string {
  const [address, prefixText] = cidr.split('/');
  const prefix = Number(prefixText);
  const octets = (address ?? '').split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255) || !(prefix >= 0 && prefix <= 32)) {
    throw new Error(`"${cidr}" is not an IPv4 address with a prefix, e.g. 172.31.250.1/24.`);
  }
  const value = octets.reduce((acc, o) => acc * 256 + o, 0);
  const blockSize = 2 ** (32 - prefix);
  const network = Math.floor(value / blockSize) * blockSize;
  return `${[24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join('.')}/${prefix}`;
}

/**
 * Outbound network for containers on Berth's bridge: one MASQUERADE rule of our own (dockerd runs with
 * --iptables=false so it adds none). Best effort: without iptables, containers still run and publish
 * ports; they only cannot reach outside. Returns why it failed, or undefined.
 */
export async function ensureOutboundNat(bridge: BridgeConfig): Promise<string | undefined> {
  const rule = ['-t', 'nat', 'POSTROUTING', '-s', subnetOf(bridge.cidr), '!', '-o', bridge.name, '-j', 'MASQUERADE'];
  const withFlag = (flag: string) => [rule[0]!, rule[1]!, flag, ...rule.slice(2)];
  try {
    await run('iptables', withFlag('-C')).catch(() => run('iptables', withFlag('-A')));
    await run('sysctl', ['-q', '-w', 'net.ipv4.ip_forward=1']);
    return undefined;
  } catch (e) {
    return `Containers on Berth's engine cannot reach outside this machine: ${(e as Error).message.split('\n')[0]}`;
  }
}
