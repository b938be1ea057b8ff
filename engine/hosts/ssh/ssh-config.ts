import { matchPatternList } from './known-hosts.js';

/** What ~/.ssh/config says about one host: the parts that decide where and as whom Berth connects. */
export interface SshHostConfig {
  hostName?: string;
  user?: string;
  port?: number;
  /** In the order given, `~` expanded; ssh tries each. */
  identityFiles: string[];
}

/**
 * The settings ssh(1) would use for `alias`, read from the text of an ssh_config(5) file: `Host`
 * blocks whose pattern list matches the alias (wildcards, `!` negations), the first value of each
 * keyword winning, IdentityFile collecting. `Match` blocks and `Include` are not followed (their
 * settings are skipped), so a config that relies on them gets ssh's defaults for those settings.
 */
export function sshHostConfig(text: string, alias: string, home: string): SshHostConfig {
  const found: SshHostConfig = { identityFiles: [] };
  const name = alias.toLowerCase();
  let applies = true; // Lines before the first Host apply to every host.
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const split = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    if (!split) continue;
    const keyword = split[1]!.toLowerCase();
    const value = unquote(split[2]!.trim());
    if (keyword === 'host') {
      applies = matchPatternList(name, value.split(/\s+/).join(','), true) === 1;
      continue;
    }
    if (keyword === 'match') {
      applies = false;
      continue;
    }
    if (!applies) continue;
    switch (keyword) {
      case 'hostname':
        found.hostName ??= value.replaceAll('%h', alias);
        break;
      case 'user':
        found.user ??= value;
        break;
      case 'port': {
        const port = Number(value);
        if (found.port === undefined && Number.isInteger(port) && port > 0 && port < 65536) found.port = port;
        break;
      }
      case 'identityfile':
        if (value.toLowerCase() !== 'none') found.identityFiles.push(expandPath(value, home, alias));
        break;
    }
  }
  return found;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/** `~/` and ssh's `%d` (home) and `%h` (host) tokens. */
function expandPath(value: string, home: string, host: string): string {
  return value.replace(/^~(?=\/|$)/, home).replaceAll('%d', home).replaceAll('%h', host);
}
