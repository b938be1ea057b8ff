import { z } from 'zod';
import { shellQuote } from './cli.js';
import { problem } from './input-problems.js';

/**
 * The Compose CLI side of a Compose project: which Compose runs it, where its files are (read from
 * the labels Compose writes on every container), and the exact argument arrays Berth runs. Pure, so
 * the renderer shows the same command the trusted side runs.
 */

/** `plugin` is Compose v2 (`docker compose`), `standalone` the `docker-compose` program (v1, or v2 installed standalone). */
export type ComposeFlavor = 'plugin' | 'standalone';

/** The Compose Berth found on the engine side's PATH, or how to install one. */
export type ComposeTool =
  | { found: true; flavor: ComposeFlavor; version: string; /** argv[0] and the words before Compose's own options. */ command: readonly string[] }
  | { found: false; installCommand: string };

/** Labels Compose writes on each container it makes (compose-spec/compose-go api/labels.go; docker/compose v1 compose/const.py). */
export const composeLabels = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  number: 'com.docker.compose.container-number',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  environmentFile: 'com.docker.compose.project.environment_file',
  oneoff: 'com.docker.compose.oneoff',
} as const;

/** What Compose needs to act on exactly one project: its name, every file in order, env files, its folder. */
export interface ComposeTarget {
  /** Omitted only for a file opened before its first `up`: Compose then names it after the folder. */
  projectName?: string;
  files: readonly string[];
  envFiles: readonly string[];
  projectDirectory?: string;
}

/**
 * A project's Compose arguments from one of its containers' labels. `config_files` is comma-separated;
 * Compose v1 writes names relative to `working_dir`, v2 absolute paths: relative ones are joined to the
 * folder so the command works from any directory. `environment_file` is written by v2 only; without it
 * Compose reads the folder's `.env` by default, so nothing is passed. Compose always writes an
 * absolute folder (POSIX, or `C:\…` on Windows): a relative one is no folder (it would be read
 * against Berth's own), and a relative file Berth cannot place (no folder, or a Windows one, which
 * v1 never wrote) is left out.
 */
export function targetFromLabels(labels: Readonly<Record<string, string>>): ComposeTarget | undefined {
  const projectName = labels[composeLabels.project];
  if (!projectName) return undefined;
  const written = labels[composeLabels.workingDir];
  const folder = written && isAbsolutePath(written) ? written : undefined;
  const resolve = (name: string) => (isAbsolutePath(name) ? name : folder?.startsWith('/') ? joinPath(folder, name) : undefined);
  const list = (value: string | undefined) =>
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map(resolve)
      .filter((path): path is string => path !== undefined);
  return {
    projectName,
    files: list(labels[composeLabels.configFiles]),
    envFiles: list(labels[composeLabels.environmentFile]),
    ...(folder ? { projectDirectory: folder } : {}),
  };
}

/** An absolute path as Compose writes one on Linux and macOS (`/srv/shop`) or Windows (`C:\shop`, `C:/shop`). */
function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
}

/** POSIX join of an absolute folder and a relative name, with "." and ".." steps resolved. */
export function joinPath(folder: string, name: string): string {
  const parts: string[] = [];
  for (const part of `${folder}/${name}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** What Berth asks Compose to do to a project. */
export const composeActions = ['up', 'down', 'pull', 'recreate', 'restartService', 'recreateService', 'services'] as const;
export type ComposeAction = (typeof composeActions)[number];

/** Compose's own subcommand words for an action; `service` is required by the per-service ones. */
export function composeSubcommand(action: ComposeAction, service?: string): string[] {
  switch (action) {
    case 'up':
      return ['up', '-d'];
    case 'down':
      return ['down'];
    case 'pull':
      return ['pull'];
    case 'recreate':
      return ['up', '-d', '--force-recreate'];
    case 'restartService':
      return ['restart', service!];
    case 'recreateService':
      return ['up', '-d', '--force-recreate', '--no-deps', service!];
    case 'services':
      return ['config', '--services'];
  }
}

/** The program and the words before the project options for a flavor: `docker compose` or `docker-compose`. */
export function composeProgram(flavor: ComposeFlavor): readonly string[] {
  return flavor === 'plugin' ? ['docker', 'compose'] : ['docker-compose'];
}

/**
 * The whole argument array: program words, then `-p`, every `-f` in order, every `--env-file`, then
 * `--project-directory` (all global options in v2 and in v1 1.29), then the subcommand.
 * e.g. ['docker','compose','-p','shop','-f','/a/base.yml','-f','/a/override.yml','--project-directory','/a','up','-d'].
 */
export function composeArgv(program: readonly string[], target: ComposeTarget, action: ComposeAction, service?: string): string[] {
  return [
    ...program,
    ...(target.projectName ? ['-p', target.projectName] : []),
    ...target.files.flatMap((f) => ['-f', f]),
    ...target.envFiles.flatMap((f) => ['--env-file', f]),
    ...(target.projectDirectory ? ['--project-directory', target.projectDirectory] : []),
    ...composeSubcommand(action, service),
  ];
}

/** The argument array as one line a person can paste into sh, bash or zsh. */
export function composeCommandLine(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}

/** The name Compose gives a project it is not told the name of: its folder's, lowercased, other characters dropped (compose-go NormalizeProjectName). */
export function defaultProjectName(folder: string): string {
  const base = folder.replace(/\/+$/, '').split('/').pop() ?? '';
  return base.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[^a-z0-9]+/, '');
}

/** The folder of an absolute file path. */
export function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

// ---- Contract inputs ----

const composePath = z
  .string()
  .max(4096, problem('pathTooLong'))
  .regex(/^\/[^\0]*$/, problem('composeFilePath'))
  .refine((p) => !p.split('/').includes('..'), problem('pathDotDot'));

/** Compose v2's rule for project names (compose-go loader.go: `^[a-z0-9][a-z0-9_-]*$`), which v1 names meet too. */
export const composeProjectName = z.string().max(128, problem('composeProjectName')).regex(/^[a-z0-9][a-z0-9_-]*$/, problem('composeProjectName'));
/** A service name as the compose-spec schema allows it (`^[a-zA-Z0-9._-]+$`), never starting with "-" so Compose cannot read it as an option. */
const composeServiceName = z.string().max(255, problem('composeServiceName')).regex(/^[a-zA-Z0-9._][a-zA-Z0-9._-]*$/, problem('composeServiceName'));

/** Files a person opens: the main file first, then override files, in Compose's order. */
export const composeFilesSource = z.object({
  kind: z.literal('files'),
  files: z.array(composePath).min(1, problem('composeFilesNone')).max(16, problem('composeFilesTooMany')),
  envFiles: z.array(composePath).max(8, problem('composeFilesTooMany')).default([]),
  projectName: z.union([z.literal(''), composeProjectName]).default(''),
});
/** A project that exists in the engine: its files come from its containers' labels, never from the page. */
// A project's label as either Compose writes it: v2 checks `^[a-z0-9][a-z0-9_-]*$`, v1 lowercases and
// drops everything but [-_a-z0-9] (compose/cli/command.py normalize_name). Never a leading "-": Compose would read it as an option.
export const composeProjectSource = z.object({ kind: z.literal('project'), name: z.string().max(255, problem('composeProjectName')).regex(/^[a-z0-9_][a-z0-9_-]*$/, problem('composeProjectName')) });
export const composeSource = z.discriminatedUnion('kind', [composeProjectSource, composeFilesSource]);
export type ComposeSource = z.output<typeof composeSource>;

export const composeProjectInput = z.object({ name: composeProjectSource.shape.name });
export const composeServicesInput = z.object({ source: composeSource });
export const composeRunInput = z
  .object({
    source: composeSource,
    action: z.enum(['up', 'down', 'pull', 'recreate', 'restartService', 'recreateService'], problem('composeAction')),
    service: composeServiceName.optional(),
  })
  .refine((i) => (i.action === 'restartService' || i.action === 'recreateService') === (i.service !== undefined), problem('composeServiceName'));
export type ComposeRunInput = z.output<typeof composeRunInput>;

/** A target from opened files, as the engine side turns it into Compose arguments. */
export function targetFromFiles(source: z.output<typeof composeFilesSource>): ComposeTarget {
  return {
    ...(source.projectName ? { projectName: source.projectName } : {}),
    files: source.files,
    envFiles: source.envFiles,
  };
}

// ---- Results ----

export interface ComposeServiceContainer {
  id: string;
  name: string;
  state: string;
  /** The replica number Compose gave it (`container-number`). */
  number?: number;
}

export interface ComposeProjectService {
  name: string;
  containers: ComposeServiceContainer[];
}

/** Why the file-based actions cannot run: the folder or a file the project was started with is gone. */
export type ComposeFilesProblem = { reason: 'composeFolderMissing' | 'composeFileMissing' | 'composeEnvFileMissing' | 'composeNoFiles'; path: string };

export interface ComposeProject {
  name: string;
  target: ComposeTarget;
  services: ComposeProjectService[];
  /** Set when `up`, `down`, `pull` and recreate cannot run; the Engine API actions still can. */
  filesProblem?: ComposeFilesProblem;
}

export type ComposeEvent =
  | { kind: 'command'; argv: string[] }
  | { kind: 'output'; text: string }
  /** Compose exited 0. `project` is the project acted on (for opened files, found after `up`). */
  | { kind: 'done'; project?: string };
