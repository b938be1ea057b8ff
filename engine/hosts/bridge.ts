import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { logFor } from '../shared/log.js';

const log = logFor('bridge');

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

/** Runs a program with an argument array and gives its stdout; tests pass one that runs it in a network namespace. */
export type CommandRunner = (file: string, args: string[]) => Promise<{ stdout: string }>;

const runHere: CommandRunner = (file, args) => run(file, args);

/** Berth's own chain in the filter table's FORWARD: what may be forwarded for its bridge. */
export const forwardChain = 'BERTH-FORWARD';

/**
 * Outbound network for containers on Berth's bridge, without turning this machine into a router.
 * dockerd runs with --iptables=false and adds no rules, so Berth adds its own:
 * - nat POSTROUTING: MASQUERADE for the bridge's subnet going anywhere but the bridge;
 * - filter FORWARD → BERTH-FORWARD (first): accept what comes from the bridge, and what goes to it
 *   as part of a connection made from it (RELATED,ESTABLISHED); nothing else is accepted by Berth;
 * - IPv4 forwarding on. When it was off, Berth first sets the FORWARD policy to DROP (what dockerd
 *   itself does when it turns forwarding on), so only traffic some rule accepts — Berth's for its
 *   bridge, another engine's for its own — is forwarded, not every interface's. When forwarding was
 *   already on, the machine was a router before Berth, and its policy is left as its owner set it.
 * Best effort: without iptables, containers still run and publish ports; they only cannot reach
 * outside. Returns why it failed, or undefined.
 */
export async function ensureOutboundNat(bridge: BridgeConfig, exec: CommandRunner = runHere): Promise<string | undefined> {
  const subnet = subnetOf(bridge.cidr);
  const ensure = async (table: string, chain: string, rule: string[], position?: number) => {
    const found = await exec('iptables', ['-w', '-t', table, '-C', chain, ...rule]).then(
      () => true,
      () => false,
    );
    if (!found) await exec('iptables', ['-w', '-t', table, ...(position ? ['-I', chain, String(position)] : ['-A', chain]), ...rule]);
  };
  try {
    await ensure('nat', 'POSTROUTING', ['-s', subnet, '!', '-o', bridge.name, '-j', 'MASQUERADE']);
    await exec('iptables', ['-w', '-t', 'filter', '-N', forwardChain]).catch(log.fallback('making the forward chain (it may exist)', undefined));
    await ensure('filter', forwardChain, ['-i', bridge.name, '-j', 'ACCEPT']);
    await ensure('filter', forwardChain, ['-o', bridge.name, '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT']);
    await ensure('filter', 'FORWARD', ['-j', forwardChain], 1);
    const forwarding = (await exec('sysctl', ['-n', 'net.ipv4.ip_forward'])).stdout.trim();
    if (forwarding !== '1') {
      await exec('iptables', ['-w', '-t', 'filter', '-P', 'FORWARD', 'DROP']);
      await exec('sysctl', ['-q', '-w', 'net.ipv4.ip_forward=1']);
    }
    return undefined;
  } catch (e) {
    // iptables' own words; the renderer says what it means for containers (engine.native.outboundNatFailed).
    return (e as Error).message.split('\n')[0] ?? 'iptables failed';
  }
}
