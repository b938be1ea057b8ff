import { lstat, open, readdir, readFile, readlink, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { pack, type Header, type Pack } from 'tar-stream';
import { BerthError } from '../contract/errors.js';
import { clean, isIgnored, mayReincludeInside, parseDockerignore, type IgnorePattern } from '../hosts/dockerignore.js';

type Sink = ReturnType<Pack['entry']>;
type Headers = Partial<Header> & Pick<Header, 'name'>;

/** How much of a file is read at a time. */
const chunkBytes = 256 * 1024;

/** A build context on its way to the engine: the tar, and how its making ended. */
export interface BuildContextStream {
  /**
   * The tar as it is made (tar-stream's pack: a streamx Readable that pipes into Node writables and
   * iterates); it waits while the engine reads slowly, so nothing is held whole.
   */
  tar: Pack;
  /** Settles when the tar is complete; rejects with what stopped it (a file unreadable mid-walk). */
  done: Promise<void>;
}

/**
 * The build context as `docker build` sends it: the folder as a tar, minus what .dockerignore
 * leaves out, with symbolic links kept as links and each entry's mode and modification time as on
 * disk (owner 0:0, as the CLI writes). The Dockerfile and .dockerignore always go: the engine reads
 * them, and itself leaves them out of COPY when .dockerignore names them.
 *
 * A left-out folder is still walked when an exception ("!") could re-include something in it
 * (moby's TestBuildDockerignoreExceptions); its own entry is written only when something inside
 * goes. A file's further names go as hard links to the first; sockets, FIFOs and devices are skipped.
 *
 * Throws BerthError INVALID_INPUT before any byte is sent: the folder or the Dockerfile is missing,
 * or .dockerignore has a pattern docker refuses (reason `dockerignorePattern`).
 */
export async function buildContext(folder: string, dockerfile: string): Promise<BuildContextStream> {
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new BerthError('INVALID_INPUT', `${folder} is not a folder on this machine.`, 'Pick the folder that holds your Dockerfile.', { reason: 'buildFolderMissing', params: { folder } });
  }
  if (!(await stat(join(folder, dockerfile)).catch(() => undefined))?.isFile()) {
    throw new BerthError('INVALID_INPUT', `${folder} has no ${dockerfile}.`, 'Put a Dockerfile in the folder, or name the file Berth should use.', {
      reason: 'dockerfileMissing',
      params: { folder, dockerfile },
    });
  }
  const patterns = parseDockerignore(await readFile(join(folder, '.dockerignore'), 'utf8').catch(() => ''));
  const archive = pack();
  // Failures reach the caller through `done`: a piped stream's errors reach no one (the engine
  // request only sees the tar stop), and an unheard 'error' event must not take the host down.
  archive.on('error', () => undefined);
  const done = writeContext(archive, folder, clean(dockerfile), patterns).then(
    () => archive.finalize(),
    (e: unknown) => {
      // The system's own words (EACCES, …) are quoted beside Berth's.
      const error =
        e instanceof BerthError
          ? e
          : new BerthError('INVALID_INPUT', `Berth could not read the build folder: ${(e as Error).message}`, 'Check that every file Berth sends is readable, or leave it out with a .dockerignore.', {
              reason: 'buildFolderUnreadable',
              engineText: (e as Error).message,
            });
      archive.destroy(error);
      throw error;
    },
  );
  // Nobody may be waiting on `done` yet when it fails; the tar's own error reaches the engine call.
  done.catch(() => undefined);
  return { tar: archive, done };
}

async function writeContext(archive: Pack, folder: string, dockerfile: string, patterns: IgnorePattern[]): Promise<void> {
  /** Headers of left-out folders walked into, written once something inside them goes. */
  const pending: Headers[] = [];
  /** Files with more than one name, by device and inode: the path each was first sent under. */
  const sent = new Map<string, string>();

  async function walk(dir: string, relative: string): Promise<void> {
    const names = (await readdir(dir)).sort();
    for (const name of names) {
      const full = join(dir, name);
      const path = relative ? `${relative}/${name}` : name;
      const info = await lstat(full);
      const always = path === dockerfile || path === '.dockerignore';
      const ignored = !always && isIgnored(path, patterns);
      if (info.isDirectory()) {
        const header: Headers = { name: path, type: 'directory', ...common(info) };
        if (!ignored) {
          await flushPending();
          await add(archive, header);
          await walk(full, path);
        } else if (mayReincludeInside(path, patterns) || dockerfile.startsWith(`${path}/`)) {
          pending.push(header);
          await walk(full, path);
          if (pending.at(-1) === header) pending.pop();
        }
        continue;
      }
      if (ignored) continue;
      if (info.isSymbolicLink()) {
        await flushPending();
        await add(archive, { name: path, type: 'symlink', linkname: await readlink(full), ...common(info) });
      } else if (info.isFile()) {
        await flushPending();
        // A second name for a file already sent goes as a hard link to it, as docker sends it.
        const inode = info.nlink > 1 ? `${info.dev}:${info.ino}` : undefined;
        const first = inode === undefined ? undefined : sent.get(inode);
        if (first !== undefined) await add(archive, { name: path, type: 'link', linkname: first, size: 0, ...common(info) });
        else {
          if (inode !== undefined) sent.set(inode, path);
          await addFile(archive, full, { name: path, type: 'file', size: info.size, ...common(info) });
        }
      }
    }
  }

  async function flushPending(): Promise<void> {
    for (const header of pending) await add(archive, header);
    pending.length = 0;
  }

  await walk(folder, '');
}

function common(info: { mode: number; mtime: Date }): Pick<Headers, 'mode' | 'mtime' | 'uid' | 'gid'> {
  return { mode: info.mode & 0o7777, mtime: info.mtime, uid: 0, gid: 0 };
}

/** One entry without a body (folder, link); resolves when the pack has taken it. */
function add(archive: Pack, header: Headers): Promise<void> {
  return new Promise((resolve, reject) => archive.entry(header, (e) => (e ? reject(e) : resolve())));
}

/** One file, streamed: each chunk waits until the pack (and so the engine) has room for it. */
async function addFile(archive: Pack, full: string, header: Headers): Promise<void> {
  let settle: (e?: Error | null) => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => (settle = (e) => (e ? reject(e) : resolve())));
  const sink = archive.entry(header, (e) => settle(e));
  sink.on('error', () => undefined); // reported through the entry's callback above
  finished.catch(() => undefined); // it may fail mid-read; it is awaited once the reading stops
  // The engine stopped reading (a cancelled build, a refused Dockerfile): the tar is destroyed.
  const stopped = () => archive.destroying;
  const size = header.size ?? 0;
  let file: FileHandle | undefined;
  try {
    // Read no further than the size the header states: a file growing mid-read must not corrupt the tar.
    file = await open(full, 'r');
    for (let offset = 0; offset < size && !stopped() && !sink.destroying; ) {
      const { bytesRead, buffer } = await file.read(Buffer.alloc(Math.min(chunkBytes, size - offset)), 0, Math.min(chunkBytes, size - offset), offset);
      if (bytesRead === 0) break; // shorter than stated: the pack reports the size mismatch
      offset += bytesRead;
      if (!sink.write(buffer.subarray(0, bytesRead))) await roomIn(sink, archive);
    }
    if (!stopped()) sink.end(undefined);
  } catch (e) {
    sink.destroy(e as Error);
  } finally {
    await file?.close();
  }
  if (stopped()) throw new BerthError('INTERNAL', 'The build context stopped being sent: the engine no longer reads it.', undefined, { reason: 'buildContextStopped' });
  await finished.catch((e: Error) => {
    throw new BerthError('INVALID_INPUT', `${header.name} could not be read whole for the build (${e.message}).`, 'It may have changed while Berth read it; build again.', {
      reason: 'buildFileChanged',
      params: { file: header.name },
      engineText: e.message,
    });
  });
}

/** Resolves when `sink` takes writes again, or the tar is destroyed (nobody will read it any more). */
function roomIn(sink: Sink, archive: Pack): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      sink.off('drain', done);
      sink.off('close', done);
      archive.off('close', done);
      resolve();
    };
    sink.on('drain', done);
    sink.on('close', done);
    archive.on('close', done);
    if (archive.destroying) done();
  });
}
