/**
 * A volume or host folder for `docker run`: what is wrong with one, as a code the renderer words.
 * Berth sends mounts as HostConfig.Mounts (`--mount`), so a path may hold ":" or ","; only NUL,
 * which no path can hold, is refused in it.
 */
export type MountProblemCode = 'sourceEmpty' | 'sourceRelative' | 'volumeName' | 'targetRelative' | 'nul';

/** Docker's rule for volume names (daemon/names/names.go): [a-zA-Z0-9][a-zA-Z0-9_.-]+. */
export const volumeNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function mountProblem(mount: { source: string; target: string }): { code: MountProblemCode; params: Record<string, string> } | undefined {
  const { source, target } = mount;
  if (source.includes('\0') || target.includes('\0')) return { code: 'nul', params: {} };
  if (!source) return { code: 'sourceEmpty', params: {} };
  if (!source.startsWith('/')) {
    if (source.includes('/') || source.startsWith('.') || source.startsWith('~')) return { code: 'sourceRelative', params: { source } };
    if (!volumeNamePattern.test(source)) return { code: 'volumeName', params: { name: source } };
  }
  if (!target.startsWith('/')) return { code: 'targetRelative', params: {} };
  return undefined;
}

const messages: Record<MountProblemCode, (p: Record<string, string>) => string> = {
  sourceEmpty: () => 'Name a volume (e.g. app-data) or a host folder (e.g. /srv/site).',
  sourceRelative: (p) => `"${p.source}" is a relative path; host folders are absolute, e.g. /home/me/site.`,
  volumeName: (p) => `"${p.name}" is not a volume name: it starts with a letter or digit and uses letters, digits, "_", "." or "-", e.g. app-data.`,
  targetRelative: () => 'The path inside the container is absolute, e.g. /data.',
  nul: () => 'A path cannot hold a NUL character.',
};

export function mountProblemText(problem: { code: MountProblemCode; params: Record<string, string> }): string {
  return messages[problem.code](problem.params);
}
