import { readlinkSync } from 'node:fs';
import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logFor } from '../shared/log.js';

const log = logFor('compose');

/** What a folder holds: a TLS engine's PEM links, or an SSH engine's forwarded socket. */
export type EngineFolderKind = 'tls' | 'ssh';

/**
 * `berth-engine-<kind>-<pid namespace>-<pid>-<mkdtemp's 6 characters>`: the pid is the Berth process
 * that made it, as its pid namespace numbers it. A temp folder shared across namespaces (a container
 * and its host, two containers each running Berth as pid 1) holds pids that mean nothing here, so a
 * sweep only judges the folders of its own namespace.
 */
const folderName = /^berth-engine-(?:tls|ssh)-(\d{1,20})-([1-9]\d{0,8})-[A-Za-z0-9]{6}$/;

/** This process's pid namespace (Linux: the inode in `/proc/self/ns/pid`); `0` where there is none to read (macOS, Windows). */
const pidNamespace = (() => {
  try {
    return /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))?.[1] ?? '0';
  } catch {
    return '0';
  }
})();

/** Folders this process holds for a running CLI child: never swept, even under its own pid. */
const inUse = new Set<string>();
/** The start's sweep; a new folder waits for it, so a sweep never races a folder being made. */
let sweeping: Promise<unknown> = Promise.resolve();

/**
 * Makes a private (0700, by mkdtemp) folder for one CLI run, in the system's temp folder, named
 * with this process's pid so a later Berth can tell a dead run's folder from a live one's.
 * Call the returned `release` to remove it (idempotent). Throws mkdtemp's error.
 */
export async function makeEngineFolder(kind: EngineFolderKind): Promise<{ folder: string; release(): Promise<void> }> {
  await sweeping;
  const folder = await mkdtemp(join(tmpdir(), `berth-engine-${kind}-${pidNamespace}-${process.pid}-`));
  inUse.add(folder);
  let released: Promise<void> | undefined;
  return {
    folder,
    release: () =>
      (released ??= rm(folder, { recursive: true, force: true }).finally(() => inUse.delete(folder))),
  };
}

/**
 * At Berth's start: removes the folders `makeEngineFolder` made in a Berth that died before its run
 * ended (killed, crashed), from the system's temp folder. Only entries whose name carries a pid of
 * this pid namespace, that
 * are real folders (a symbolic link of that name is left alone, and what it points at), owned by
 * this user, and whose pid is no running process (a pid reused by any other process keeps the folder:
 * leaving one behind is the safe mistake); this process's own only when it holds none of them.
 * `rm` does not follow the links inside (a TLS folder's links to the person's key files).
 * Never throws; resolves with the folders removed. `staleFoldersSwept` waits for it.
 */
export function sweepStaleEngineFolders(dir: string = tmpdir()): Promise<string[]> {
  const run = sweep(dir).catch((error: unknown) => {
    log.caught('reading the temp folder for stale engine folders', error);
    return [];
  });
  sweeping = run;
  return run;
}

/** Resolves once the latest sweep has ended. */
export async function staleFoldersSwept(): Promise<void> {
  await sweeping;
}

async function sweep(dir: string): Promise<string[]> {
  const uid = process.getuid?.();
  const removed: string[] = [];
  for (const name of await readdir(dir)) {
    const [, namespace, pidText] = folderName.exec(name) ?? [];
    const pid = Number(pidText);
    if (!pid || namespace !== pidNamespace) continue;
    const path = join(dir, name);
    try {
      const entry = await lstat(path);
      if (!entry.isDirectory() || (uid !== undefined && entry.uid !== uid)) continue;
      if (pid === process.pid ? inUse.has(path) : processRuns(pid)) continue;
      await rm(path, { recursive: true, force: true });
      removed.push(path);
      log.info('removed an engine folder a Berth that ended left', { path, pid });
    } catch (error) {
      log.caught(`removing the stale engine folder ${path}`, error);
    }
  }
  return removed;
}

/** Whether a process with this pid runs (any user's: EPERM means it exists). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
