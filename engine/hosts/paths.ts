import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Berth keeps its own things: data that must survive (engine data root, settings) and runtime
 * files (sockets). BERTH_DATA_DIR and BERTH_RUNTIME_DIR override the XDG defaults.
 */
export interface BerthPaths {
  dataDir: string;
  runtimeDir: string;
  /** The bridge for Berth's own rootful engine, when set (BERTH_BRIDGE=name, BERTH_BRIDGE_CIDR=172.31.250.1/24). */
  bridge?: { name: string; cidr: string };
}

export function berthPaths(env: NodeJS.ProcessEnv = process.env): BerthPaths {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const dataDir =
    env.BERTH_DATA_DIR ?? join(env.XDG_DATA_HOME ?? join(env.HOME ?? homedir(), '.local', 'share'), 'berth');
  const runtimeDir =
    env.BERTH_RUNTIME_DIR ??
    (env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'berth') : uid === 0 ? '/run/berth' : join('/tmp', `berth-${uid ?? 'user'}`));
  const bridge = env.BERTH_BRIDGE && env.BERTH_BRIDGE_CIDR ? { name: env.BERTH_BRIDGE, cidr: env.BERTH_BRIDGE_CIDR } : undefined;
  return { dataDir, runtimeDir, ...(bridge ? { bridge } : {}) };
}
