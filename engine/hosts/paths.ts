import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Berth keeps its own things: data that must survive (engine data root, settings) and runtime
 * files (sockets). BERTH_DATA_DIR and BERTH_RUNTIME_DIR override the XDG defaults. Without
 * XDG_RUNTIME_DIR a non-root user's runtime folder is `/tmp/berth-<uid>`, a name anyone can guess:
 * the engines check it with `ensurePrivateDir` (private-dir.ts) before trusting anything in it.
 */
export interface BerthPaths {
  dataDir: string;
  runtimeDir: string;
  /** The bridge for Berth's own rootful engine, when set (BERTH_BRIDGE=name, BERTH_BRIDGE_CIDR=172.31.250.1/24). */
  bridge?: { name: string; cidr: string };
  /** The guest image for Berth's VM (BERTH_VM_IMAGE, else `<data>/vm-image`). */
  vmImageDir: string;
  /** VM choices from the environment: BERTH_VM_HOST_PORTS=5000,5001 and BERTH_VM_IPTABLES=0. */
  vm: { hostPorts?: number[]; iptables?: boolean };
}

export function berthPaths(env: NodeJS.ProcessEnv = process.env): BerthPaths {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const dataDir =
    env.BERTH_DATA_DIR ?? join(env.XDG_DATA_HOME ?? join(env.HOME ?? homedir(), '.local', 'share'), 'berth');
  const runtimeDir =
    env.BERTH_RUNTIME_DIR ??
    (env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'berth') : uid === 0 ? '/run/berth' : join('/tmp', `berth-${uid ?? 'user'}`));
  const bridge = env.BERTH_BRIDGE && env.BERTH_BRIDGE_CIDR ? { name: env.BERTH_BRIDGE, cidr: env.BERTH_BRIDGE_CIDR } : undefined;
  const vmImageDir = env.BERTH_VM_IMAGE ?? join(dataDir, 'vm-image');
  const hostPorts = (env.BERTH_VM_HOST_PORTS ?? '')
    .split(',')
    .map((p) => Number(p.trim()))
    .filter((p) => Number.isInteger(p) && p > 0 && p < 65536);
  const vm = { ...(hostPorts.length > 0 ? { hostPorts } : {}), ...(env.BERTH_VM_IPTABLES === '0' ? { iptables: false } : {}) };
  return { dataDir, runtimeDir, ...(bridge ? { bridge } : {}), vmImageDir, vm };
}
