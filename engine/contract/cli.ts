import { isSecretKey } from './env.js';
import { withDefaultHost } from './ports.js';
import type { ContainerAction } from './schemas.js';

/**
 * The `docker` command each action equals, so people learning Docker see what Berth does.
 *
 * Quoting: every printed word must give the same argv in dash (Debian's sh), bash and zsh (macOS's
 * default). So a word is left bare only when it is made of characters no shell treats specially and
 * does not start with "=" (zsh expands `=cmd` to a path). Anything else goes in single quotes, with
 * `'\''` for a quote; a newline stays literal inside them. Other control characters (C0, DEL, C1,
 * and the Unicode bidi/format marks that make text read differently than it runs) would be printed
 * raw or invisible, and dash 0.5.12 has no $'...', so each run of them is written as
 * "$(printf '\ooo…')" with the octal UTF-8 bytes, which all three shells run the same way.
 * (A NUL cannot be in an argument at all; the input schemas refuse it, and here it prints as nothing.)
 * Tested against the real shells in cli.shell.test.ts.
 */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_./:@%+,-][A-Za-z0-9_./:=@%+,-]*$/.test(arg)) return arg;
  if (arg === '') return "''";
  let out = '';
  let plain = '';
  const flush = () => {
    if (plain) out += `'${plain.replaceAll("'", `'\\''`)}'`;
    plain = '';
  };
  for (const char of arg) {
    if (controlCharacter.test(char)) {
      flush();
      const octal = [...new TextEncoder().encode(char)].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
      out += `"$(printf '${octal}')"`;
    } else {
      plain += char;
    }
  }
  flush();
  return out;
}

/** Characters shown as printf escapes: C0 except newline, DEL, C1, and Unicode format/bidi marks. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacter = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

export function commandLine(args: readonly string[]): string {
  return ['docker', ...args].map(shellQuote).join(' ');
}

export function containerActionCommand(action: ContainerAction, names: readonly string[]): string {
  return commandLine([action, ...names]);
}

export function containerRenameCommand(from: string, to: string): string {
  return commandLine(['rename', from, to]);
}

export function containerRemoveCommand(
  names: readonly string[],
  options: { force: boolean; removeVolumes: boolean },
): string {
  const flags = [...(options.force ? ['-f'] : []), ...(options.removeVolumes ? ['-v'] : [])];
  return commandLine(['rm', ...flags, ...names]);
}

/**
 * The list the containers view shows, as `docker ps`: every container (`-a`), the running ones, or
 * the running ones with one health verdict (`--filter health=…`, which docker too applies to
 * running containers only).
 */
export function containerListCommand(show: 'all' | 'running' | 'healthy' | 'unhealthy' | 'starting'): string {
  if (show === 'all') return commandLine(['ps', '-a']);
  return commandLine(show === 'running' ? ['ps'] : ['ps', '--filter', `health=${show}`]);
}

export function containerLogsCommand(
  name: string,
  options: { follow: boolean; tail: number | 'all'; since: '5m' | '1h' | 'all'; timestamps: boolean },
): string {
  return commandLine([
    'logs',
    ...(options.follow ? ['-f'] : []),
    ...(options.tail !== 'all' ? ['--tail', String(options.tail)] : []),
    ...(options.since !== 'all' ? ['--since', options.since] : []),
    ...(options.timestamps ? ['-t'] : []),
    name,
  ]);
}

export function containerInspectCommand(name: string): string {
  return commandLine(['inspect', name]);
}

export function containerExecCommand(name: string, shell: string): string {
  return commandLine(['exec', '-it', name, shell]);
}

export function containerStatsCommand(name: string): string {
  return commandLine(['stats', name]);
}

export function imagePullCommand(reference: string): string {
  return commandLine(['pull', reference]);
}

export function imageRemoveCommand(names: readonly string[], force: boolean): string {
  return commandLine(['rmi', ...(force ? ['-f'] : []), ...names]);
}

export function imagePruneCommand(mode: 'dangling' | 'unused'): string {
  return commandLine(['image', 'prune', ...(mode === 'unused' ? ['-a'] : [])]);
}

/** What a masked secret value prints as until the person reveals it. */
export const hiddenValue = '<hidden>';

/**
 * `docker run` for the run dialog's choices, exactly as Berth will create the container: each port
 * spec with the host address spelled out (Berth's default 127.0.0.1 included), volumes and host
 * folders as `--mount` (what Berth sends, HostConfig.Mounts, so a path may hold ":"), and the value
 * of every environment variable whose name looks secret (env.ts isSecretKey) shown as <hidden>
 * unless `revealSecrets`.
 */
export function containerRunCommand(
  input: {
    image: string;
    name?: string;
    ports?: readonly string[];
    mounts?: readonly { source: string; target: string; readOnly?: boolean }[];
    env?: readonly string[];
    command?: readonly string[];
    restart?: string;
    autoRemove?: boolean;
    network?: string;
  },
  options: { revealSecrets?: boolean } = {},
): string {
  const args = ['run', '-d'];
  if (input.name) args.push('--name', input.name);
  for (const spec of input.ports ?? []) args.push('-p', withDefaultHost(spec) ?? spec);
  for (const m of input.mounts ?? []) args.push('--mount', mountOption(m));
  for (const e of input.env ?? []) args.push('-e', options.revealSecrets ? e : maskSecret(e));
  if (input.restart && input.restart !== 'no') args.push('--restart', input.restart);
  if (input.autoRemove) args.push('--rm');
  if (input.network) args.push('--network', input.network);
  args.push(input.image, ...(input.command ?? []));
  return commandLine(args);
}

/** KEY=value with the value replaced by <hidden> when the key looks secret. */
/** A --change line with a secret-looking ENV value hidden (`ENV DB_PASSWORD=<hidden>`), as run's -e values are. */
export function maskChange(line: string): string {
  const env = /^(\s*ENV\s+)(\S.*)$/i.exec(line);
  return env ? `${env[1]}${maskSecret(env[2]!)}` : line;
}

export function maskSecret(line: string): string {
  const eq = line.indexOf('=');
  return eq > 0 && isSecretKey(line.slice(0, eq)) && line.length > eq + 1 ? `${line.slice(0, eq + 1)}${hiddenValue}` : line;
}

/**
 * The `--mount` value for a volume or host folder. The CLI reads it as one CSV record
 * (docker/cli opts/mount.go), so a field holding "," or a quote is quoted the CSV way.
 */
export function mountOption(mount: { source: string; target: string; readOnly?: boolean }): string {
  const type = mount.source.startsWith('/') ? 'bind' : 'volume';
  const fields = [`type=${type}`, `source=${mount.source}`, `target=${mount.target}`, ...(mount.readOnly ? ['readonly'] : [])];
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
}

/**
 * Splits a command line into arguments the way a POSIX shell would for quotes and backslashes (no
 * variables, globs or pipes: the container gets exactly these words). Undefined when a quote is open.
 */
export function splitCommandLine(text: string): string[] | undefined {
  const args: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) current += text[++i];
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) args.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (quote) return undefined;
  if (inWord) args.push(current);
  return args;
}

export function volumeCreateCommand(input: { name: string; driver: string; labels: Record<string, string>; driverOptions: Record<string, string> }): string {
  return commandLine([
    'volume',
    'create',
    ...(input.driver && input.driver !== 'local' ? ['--driver', input.driver] : []),
    ...Object.entries(input.driverOptions).flatMap(([k, v]) => ['--opt', `${k}=${v}`]),
    ...Object.entries(input.labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    ...(input.name ? [input.name] : []),
  ]);
}

export function volumeRemoveCommand(names: readonly string[]): string {
  return commandLine(['volume', 'rm', ...names]);
}

export function networkCreateCommand(name: string, subnet: string): string {
  return commandLine(['network', 'create', ...(subnet ? ['--subnet', subnet] : []), name || '…']);
}

export function networkCommand(action: 'rm' | 'connect' | 'disconnect', network: string, container?: string): string {
  return commandLine(['network', action, network, ...(container ? [container] : [])]);
}

export function imageTagCommand(source: string, target: string): string {
  return commandLine(['tag', source, target]);
}

export function imagePushCommand(reference: string): string {
  return commandLine(['push', reference]);
}

/** The password is never part of the command shown: the CLI asks for it (or reads --password-stdin). */
export function loginCommand(server: string, username: string): string {
  return commandLine(['login', ...(username ? ['-u', username] : []), ...(server && server !== 'docker.io' ? [server] : [])]);
}

/** Docker has no one command for several containers' logs; this shell loop is the closest. */
export function mergedLogsCommand(names: readonly string[], tail: number): string {
  return `for c in ${names.map(shellQuote).join(' ')}; do docker logs -f -t --tail ${tail} "$c" & done; wait`;
}

/**
 * The Compose command a project action equals, for a project known by name only
 * (`docker compose -p NAME stop`): Compose v2 acts on a project's containers by its label without
 * any file, which is also what Berth does through the Engine API. `compose` picks the v2 plugin
 * form (the default) or v1's `docker-compose`.
 */
export function projectCommand(
  project: string,
  verb: 'start' | 'stop' | 'restart' | 'pause' | 'unpause',
  compose: 'v2' | 'v1' = 'v2',
): string {
  return composeCommandLine(compose, ['-p', project, verb]);
}

/** A project's merged logs as Compose prints them (each line prefixed with its service), for some services or all. */
export function projectLogsCommand(project: string, tail: number, services: readonly string[] = [], compose: 'v2' | 'v1' = 'v2'): string {
  return composeCommandLine(compose, ['-p', project, 'logs', '-f', '--tail', String(tail), ...services]);
}

/**
 * Removing a project as Compose says it: containers alone are `rm -s -f` (stop, then remove
 * without asking); with its networks it is `down`, and `down -v` also removes its named volumes.
 * Volumes without networks have no single Compose form, so `docker volume rm` follows.
 */
export function projectRemoveCommand(
  project: string,
  options: { volumes: readonly string[]; networks: readonly string[] },
  compose: 'v2' | 'v1' = 'v2',
): string {
  if (options.networks.length > 0) return composeCommandLine(compose, ['-p', project, 'down', ...(options.volumes.length ? ['-v'] : [])]);
  const rm = composeCommandLine(compose, ['-p', project, 'rm', '-s', '-f']);
  return options.volumes.length ? `${rm} && ${commandLine(['volume', 'rm', ...options.volumes])}` : rm;
}

function composeCommandLine(compose: 'v2' | 'v1', args: readonly string[]): string {
  return (compose === 'v2' ? ['docker', 'compose', ...args] : ['docker-compose', ...args]).map(shellQuote).join(' ');
}

/** How to look into a volume with the CLI: a throwaway container that mounts it. */
export function volumeListCommand(volume: string, path: string): string {
  return commandLine(['run', '--rm', '-v', `${volume}:/v`, 'busybox', 'ls', '-la', `/v${path}`]);
}

/**
 * `docker build --force-rm` (Berth's builds leave no container of a failed step behind); secret-looking
 * build arguments (NPM_TOKEN=…) are shown as <hidden> unless `revealSecrets`.
 */
export function imageBuildCommand(
  input: { context: string; dockerfile: string; tag: string; buildArgs: Record<string, string> },
  options: { revealSecrets?: boolean } = {},
): string {
  return commandLine([
    'build',
    '--force-rm',
    ...(input.tag ? ['-t', input.tag] : []),
    ...(input.dockerfile && input.dockerfile !== 'Dockerfile' ? ['-f', input.dockerfile] : []),
    ...Object.entries(input.buildArgs).flatMap(([k, v]) => ['--build-arg', options.revealSecrets ? `${k}=${v}` : maskSecret(`${k}=${v}`)]),
    input.context || '.',
  ]);
}

/** The CLI recipes for volume backups, which Docker has no single command for. */
export function volumeExportRecipe(volume: string): string {
  return `docker run --rm -v ${shellQuote(`${volume}:/v`)} -v "$PWD":/backup busybox tar czf ${shellQuote(`/backup/${volume}.tar.gz`)} -C /v .`;
}

export function volumeImportRecipe(volume: string, file: string): string {
  return `docker volume create ${shellQuote(volume)} && docker run --rm -v ${shellQuote(`${volume}:/v`)} -v "$PWD":/backup busybox tar xzf ${shellQuote(`/backup/${file}`)} -C /v`;
}

export function volumeCloneRecipe(source: string, target: string): string {
  return `docker volume create ${shellQuote(target)} && docker run --rm -v ${shellQuote(`${source}:/from`)} -v ${shellQuote(`${target}:/to`)} busybox cp -a /from/. /to/`;
}

export function volumeDeleteRecipe(volume: string, path: string): string {
  return commandLine(['run', '--rm', '--network', 'none', '-v', `${volume}:/v`, 'busybox', 'rm', '-rf', '--', `/v${path}`]);
}

/**
 * What a docker CLI user does for an ssh:// engine whose key wants a passphrase: docker has no flag
 * for one; `docker -H ssh://` runs ssh, which asks ssh-agent, so the key is loaded into it once.
 */
export function sshAddRecipe(keyFile: string): string {
  return ['ssh-add', keyFile].map(shellQuote).join(' ');
}

/** docker commit, with only the options that differ from the CLI's defaults (pause is on by default). */
export function containerCommitCommand(input: { container: string; reference: string; message: string; author: string; pause: boolean; changes: readonly string[] }): string {
  return commandLine([
    'commit',
    ...(input.pause ? [] : ['--pause=false']),
    ...(input.message ? ['-m', input.message] : []),
    ...(input.author ? ['-a', input.author] : []),
    ...input.changes.flatMap((change) => ['-c', maskChange(change)]),
    input.container,
    ...(input.reference ? [input.reference] : []),
  ]);
}

/** A download's file name: what the person recognises, with only characters every file system takes. */
export function archiveFileName(base: string, extension = '.tar'): string {
  return `${base.replace(/[^\w.-]/g, '_').slice(0, 100) || 'image'}${extension}`;
}

export function imageSaveCommand(names: readonly string[], file: string): string {
  return commandLine(['save', '-o', file, ...names]);
}

export function imageLoadCommand(file: string): string {
  return commandLine(['load', '-i', file]);
}

export function containerExportCommand(container: string, file: string): string {
  return commandLine(['export', '-o', file, container]);
}

export function imageImportCommand(input: { file: string; reference: string; message: string; changes: readonly string[] }): string {
  return commandLine([
    'import',
    ...(input.message ? ['-m', input.message] : []),
    ...input.changes.flatMap((change) => ['-c', maskChange(change)]),
    input.file,
    ...(input.reference ? [input.reference] : []),
  ]);
}
