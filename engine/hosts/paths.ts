import { tmpdir } from 'node:os';
import { join } from 'node:path';
import envPaths from 'env-paths';

/**
 * Where Berth keeps its own things, in each system's own places (env-paths): data that must survive
 * (engine data root, settings), config, cache, its log, and runtime files (sockets).
 *
 * | folder  | Linux                                   | macOS                              | Windows                        |
 * | data    | $XDG_DATA_HOME/berth (~/.local/share)   | ~/Library/Application Support/berth | %LOCALAPPDATA%\berth\Data      |
 * | config  | $XDG_CONFIG_HOME/berth (~/.config)      | ~/Library/Preferences/berth        | %APPDATA%\berth\Config         |
 * | cache   | $XDG_CACHE_HOME/berth (~/.cache)        | ~/Library/Caches/berth             | %LOCALAPPDATA%\berth\Cache     |
 * | log     | $XDG_STATE_HOME/berth (~/.local/state)  | ~/Library/Logs/berth               | %LOCALAPPDATA%\berth\Log       |
 * | runtime | $XDG_RUNTIME_DIR/berth, root /run/berth, else <cache>/run | $TMPDIR/berth (per user) | <cache>\run |
 *
 * Never a shared /tmp path: a name there anyone can guess and make first (the engines still check
 * the runtime folder with `ensurePrivateDir`, private-dir.ts). BERTH_DATA_DIR, BERTH_CONFIG_DIR,
 * BERTH_CACHE_DIR, BERTH_LOG_DIR and BERTH_RUNTIME_DIR override each; with BERTH_DATA_DIR alone (tests,
 * a portable copy) config, cache and log go under it too, so nothing lands in the person's folders.
 */
export interface BerthPaths {
  dataDir: string;
  configDir: string;
  cacheDir: string;
  /** Berth's own log files (engine/shared/log.ts). */
  logDir: string;
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
  const system = envPaths('berth', { suffix: '' });
  const own = env.BERTH_DATA_DIR;
  const dataDir = own ?? system.data;
  const configDir = env.BERTH_CONFIG_DIR ?? (own ? join(own, 'config') : system.config);
  const cacheDir = env.BERTH_CACHE_DIR ?? (own ? join(own, 'cache') : system.cache);
  const logDir = env.BERTH_LOG_DIR ?? (own ? join(own, 'logs') : system.log);
  const runtimeDir =
    env.BERTH_RUNTIME_DIR ??
    (process.platform === 'darwin'
      ? join(tmpdir(), 'berth') // macOS's $TMPDIR is the user's own (/var/folders/…), not /tmp
      : env.XDG_RUNTIME_DIR
        ? join(env.XDG_RUNTIME_DIR, 'berth')
        : uid === 0
          ? '/run/berth'
          : join(cacheDir, 'run'));
  const bridge = env.BERTH_BRIDGE && env.BERTH_BRIDGE_CIDR ? { name: env.BERTH_BRIDGE, cidr: env.BERTH_BRIDGE_CIDR } : undefined;
  const vmImageDir = env.BERTH_VM_IMAGE ?? join(dataDir, 'vm-image');
  const hostPorts = (env.BERTH_VM_HOST_PORTS ?? '')
    .split(',')
    .map((p) => Number(p.trim()))
    .filter((p) => Number.isInteger(p) && p > 0 && p < 65536);
  const vm = { ...(hostPorts.length > 0 ? { hostPorts } : {}), ...(env.BERTH_VM_IPTABLES === '0' ? { iptables: false } : {}) };
  return { dataDir, configDir, cacheDir, logDir, runtimeDir, ...(bridge ? { bridge } : {}), vmImageDir, vm };
}
