import type { ContainerAction } from './schemas.js';

/**
 * The `docker` command each action equals, so people learning Docker see what Berth does.
 * Arguments are quoted for a POSIX shell only when they need it.
 */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

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

export function containerListCommand(all: boolean): string {
  return commandLine(all ? ['ps', '-a'] : ['ps']);
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
