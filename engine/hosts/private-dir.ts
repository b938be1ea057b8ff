import { lstat, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BerthError, type BerthErrorParams } from '../contract/errors.js';

/** A folder Berth will not trust; waiting and retrying cannot fix it, only a person can. */
export class UnsafeFolderError extends BerthError {}

/**
 * Makes sure `path` is a folder only this user can use, creating it 0700 when missing. Berth's
 * runtime folder holds sockets that reach its engines (root on the host, for the rootful dockerd)
 * and pid files Berth signals; a folder someone else made first (`/tmp/berth-<uid>` is a name
 * anyone can guess), a symbolic link, or one others may write into could hand them that.
 * Throws UnsafeFolderError (a BerthError, ENGINE_UNAVAILABLE) naming the folder and what is wrong; never changes a folder
 * it did not just make. POSIX only: on Windows (no uid, no modes) it only creates the folder.
 */
export async function ensurePrivateDir(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await mkdir(path, { mode: 0o700 }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
  const problem = await privateDirProblem(path);
  if (problem) {
    throw new UnsafeFolderError(
      'ENGINE_UNAVAILABLE',
      `Berth will not use ${path} for its sockets: it ${problem.text}.`,
      'Remove it if nothing else needs it, or point BERTH_RUNTIME_DIR at a folder of your own (mode 0700).',
      { reason: problem.reason, params: { path, ...problem.params } },
    );
  }
}

/** Why `path` is not a private folder of this user's (the catalogs' reason, its params, the English), or undefined when it is. */
export async function privateDirProblem(path: string): Promise<FolderProblem | undefined> {
  const stat = await lstat(path);
  if (stat.isSymbolicLink()) return { reason: 'unsafeFolderSymlink', params: {}, text: 'is a symbolic link' };
  if (!stat.isDirectory()) return { reason: 'unsafeFolderNotFolder', params: {}, text: 'is not a folder' };
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return undefined;
  if (stat.uid !== process.getuid()) return { reason: 'unsafeFolderOwner', params: { uid: stat.uid }, text: `belongs to another user (uid ${stat.uid})` };
  if ((stat.mode & 0o022) !== 0) {
    const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
    return { reason: 'unsafeFolderWritable', params: { mode }, text: `can be written by others (mode ${mode})` };
  }
  return undefined;
}

interface FolderProblem {
  reason: 'unsafeFolderSymlink' | 'unsafeFolderNotFolder' | 'unsafeFolderOwner' | 'unsafeFolderWritable';
  params: BerthErrorParams;
  text: string;
}

/**
 * The process id in `pidFile`, only when that process is provably the one Berth started: on Linux
 * its command line holds `marker` (e.g. the pid file's or exec root's own path, which Berth passed
 * it). A stale pid file whose number now belongs to another process gives undefined, so Berth
 * never signals a stranger. Elsewhere (no /proc) the caller must prove it another way.
 */
export async function provenPid(pidFile: string, marker: string): Promise<number | undefined> {
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return command.split('\0').some((arg) => arg.includes(marker)) ? pid : undefined;
}
