import type { ComposeLabels } from './types.js';

/**
 * The labels Compose writes on every container it makes (compose-spec/compose-go `api/labels.go`,
 * docker/compose v1 `compose/const.py`): what Berth reads to group a project and find its files.
 */
export const composeLabel = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  number: 'com.docker.compose.container-number',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  oneOff: 'com.docker.compose.oneoff',
} as const;

const windowsAbsolute = /^(?:[A-Za-z]:[\\/]|\\\\)/;

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || windowsAbsolute.test(path);
}

/** `.` and `..` folded away the way path.posix.normalize (or win32) would, keeping the root. */
function normalize(path: string, separator: '/' | '\\'): string {
  const root = separator === '/' ? '/' : (/^(?:[A-Za-z]:\\|\\\\)/.exec(path.replaceAll('/', '\\'))?.[0] ?? '');
  const rest = (separator === '/' ? path : path.replaceAll('/', '\\')).slice(root.length);
  const parts: string[] = [];
  for (const part of rest.split(separator)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length && parts.at(-1) !== '..') parts.pop();
      else if (!root) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  return root + parts.join(separator);
}

/**
 * A project's Compose files as absolute paths, from the `config_files` label (comma-separated, in
 * the order given to `-f`) and the `working_dir` label. Compose v2 writes absolute paths; v1 writes
 * them as typed, relative to the project folder, so those are joined to `working_dir`. Windows
 * paths (`C:\…`, `\\server\…`) are kept with backslashes. Empty entries are skipped; without a
 * folder a relative name is given as written (nothing to resolve it against).
 */
export function composeConfigFiles(workingDir: string | undefined, configFiles: string | undefined): string[] {
  if (!configFiles) return [];
  const separator = workingDir && windowsAbsolute.test(workingDir) ? '\\' : '/';
  return configFiles
    .split(',')
    .filter((entry) => entry !== '')
    .map((entry) => {
      if (isAbsolute(entry)) return normalize(entry, windowsAbsolute.test(entry) ? '\\' : '/');
      if (!workingDir) return entry;
      return normalize(`${workingDir}${separator}${entry}`, separator);
    });
}

/** What Compose wrote on a container, or undefined when Compose did not make it. */
export function composeLabelsOf(labels: Record<string, string> | undefined): ComposeLabels | undefined {
  const project = labels?.[composeLabel.project];
  if (!project) return undefined;
  const number = Number(labels[composeLabel.number]);
  const workingDir = labels[composeLabel.workingDir] || undefined;
  return {
    project,
    service: labels[composeLabel.service] ?? '',
    ...(Number.isInteger(number) && number > 0 ? { number } : {}),
    ...(workingDir ? { workingDir } : {}),
    configFiles: composeConfigFiles(workingDir, labels[composeLabel.configFiles]),
    ...(/^true$/i.test(labels[composeLabel.oneOff] ?? '') ? { oneOff: true } : {}),
  };
}
