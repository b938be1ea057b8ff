import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';
import type { UploadSource } from '../contract/service.js';
import type { TransferReporter } from '../contract/transfer.js';
import type { FileEntry } from '../contract/types.js';
import { countedSource, countTarContent } from '../shared/byte-counters.js';
import { readTar, tarOfOneFile, writeTar } from '../shared/tar.js';
import { engineCall } from './bulk.js';
import { listRunningFolder } from './exec-listing.js';
import { volumeSize } from './volume-sizes.js';
import { logFor } from '../shared/log.js';

const log = logFor('files');

/** Berth's own helper image: an empty file system, made with `docker import`, so nothing is pulled. */
export const helperImage = 'berth-helper:1';
const mountPoint = '/berth-volume';

const helperImports = new WeakMap<Docker, Promise<void>>();

/** Makes the helper image once: calls that come while it is being made wait for that one (two imports left a dangling image). */
function ensureHelperImage(docker: Docker): Promise<void> {
  const running = helperImports.get(docker);
  if (running) return running;
  const work = importHelperImage(docker).finally(() => helperImports.delete(docker));
  helperImports.set(docker, work);
  return work;
}

async function importHelperImage(docker: Docker): Promise<void> {
  const present = await docker.getImage(helperImage).inspect().then(
    () => true,
    () => false,
  );
  if (present) return;
  // dockerode's typings miss the promise form of importImage (lib/docker.js returns one without a callback).
  const importImage = docker.importImage.bind(docker) as unknown as (file: NodeJS.ReadableStream, options: object) => Promise<NodeJS.ReadableStream>;
  const stream = await engineCall(
    importImage(Readable.from([writeTar([{ name: 'berth/' }])]), {
      repo: 'berth-helper',
      tag: '1',
      // Never started: the command only has to exist on paper.
      changes: ['CMD ["/berth/never-started"]', 'LABEL dev.berth.helper=1'],
    }),
  );
  await new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
    stream.resume();
  });
}

/**
 * Runs `work` with a created-but-never-started helper container that mounts the volume: the archive
 * API reads and writes a stopped container's file system, so no process runs in the volume.
 */
async function withVolume<T>(docker: Docker, volume: string, work: (helper: Docker.Container) => Promise<T>): Promise<T> {
  await engineCall(docker.getVolume(volume).inspect(), `Volume ${volume}`);
  await ensureHelperImage(docker);
  const helper = await engineCall(
    docker.createContainer({
      Image: helperImage,
      Labels: { 'dev.berth.helper': '1' },
      HostConfig: { Binds: [`${volume}:${mountPoint}`] },
      NetworkDisabled: true,
    }),
  );
  try {
    return await work(helper);
  } finally {
    await helper.remove({ force: true }).catch(log.fallback('removing a helper container', undefined));
  }
}

/** Where files live: a container's file system, under `prefix` (a volume's mount point in a helper). */
interface FileSystem {
  container: Docker.Container;
  prefix: string;
}

function archiveStream(helper: Docker.Container, path: string, prefix = mountPoint): Promise<NodeJS.ReadableStream> {
  return engineCall(helper.getArchive({ path: `${prefix}${path}` }) as Promise<NodeJS.ReadableStream>, `Path ${path}`).catch((e: BerthError) => {
    throw e.code === 'NOT_FOUND' ? new BerthError('NOT_FOUND', `${path} does not exist here.`, 'It may have been removed; go back up a folder.', { reason: 'pathMissing', params: { path } }) : e;
  });
}

/** The entries of one folder, with sizes (a folder's is the sum of its files). */
async function listFolder({ container, prefix }: FileSystem, path: string): Promise<FileEntry[]> {
  const stream = await archiveStream(container, path, prefix);
  const children = new Map<string, FileEntry>();
  let root: string | undefined;
  await readTar(stream, (entry) => {
    root ??= entry.path.split('/')[0];
    const parts = entry.path.split('/');
    if (parts.length < 2) return;
    const name = parts[1]!;
    if (parts.length === 2) {
      children.set(name, {
        name,
        type: entry.type,
        size: entry.size,
        mtime: entry.mtime,
        ...(entry.linkTarget ? { linkTarget: entry.linkTarget } : {}),
      });
    } else {
      const folder = children.get(name);
      if (folder) folder.size = (folder.size ?? 0) + entry.size;
    }
  });
  if (root === undefined) throw new BerthError('NOT_FOUND', `${path} is empty or unreadable.`, undefined, { reason: 'pathUnreadable', params: { path } });
  return sortEntries([...children.values()]);
}

/** Folders first, then by name. */
function sortEntries(entries: FileEntry[]): FileEntry[] {
  return entries.sort((a, b) => Number(b.type === 'directory') - Number(a.type === 'directory') || a.name.localeCompare(b.name));
}

/**
 * Writes a file's bytes (or a folder as a tar) to `sink`, straight from the engine, as a stream
 * pipeline: a slow sink (a paused download) slows the engine down instead of filling memory. `sink`
 * is left open.
 */
async function downloadFrom({ container, prefix }: FileSystem, path: string, as: 'file' | 'folder', sink: NodeJS.WritableStream): Promise<void> {
  const stream = await archiveStream(container, path, prefix);
  if (as === 'folder') return pipeline(stream, sink, { end: false });
  let first: string | undefined;
  await readTar(
    stream,
    (entry) => {
      if (first !== undefined) return 'stop'; // one file asked for: nothing after it matters
      first = entry.path;
      if (entry.type !== 'file') throw new BerthError('INVALID_INPUT', `${path} is a folder; download it as a folder.`, undefined, { reason: 'pathIsFolder', params: { path } });
    },
    (_entry, chunk) => written(sink, chunk),
  );
}

/** Writes to `sink`, resolving when it takes more (a slow reader holds the engine's stream back). */
function written(sink: NodeJS.WritableStream, chunk: Buffer): Promise<void> | void {
  const gone = () => (sink as { destroyed?: boolean }).destroyed === true;
  const closed = new BerthError('INTERNAL', 'The download was closed before its end.', undefined, { reason: 'downloadClosed' });
  if (gone()) throw closed;
  if (sink.write(chunk)) return;
  if (gone()) throw closed;
  return new Promise((resolve, reject) => {
    const done = (e?: unknown) => {
      sink.off('drain', done);
      sink.off('close', onClose);
      sink.off('error', done);
      if (e) reject(e);
      else resolve();
    };
    const onClose = () => done(closed);
    sink.on('drain', done);
    sink.on('close', onClose);
    sink.on('error', done);
  });
}

/** Streams one file into a folder (replacing a file of that name); nothing is held in memory. */
async function uploadTo({ container, prefix }: FileSystem, folder: string, name: string, source: UploadSource): Promise<void> {
  const archive = Readable.from(tarOfOneFile(name, source.size, source.bytes));
  await engineCall(container.putArchive(archive, { path: `${prefix}${folder}` }), `Folder ${folder}`);
}

export function listVolumeFolder(docker: Docker, volume: string, path: string): Promise<FileEntry[]> {
  return withVolume(docker, volume, (helper) => listFolder({ container: helper, prefix: mountPoint }, path));
}

export function downloadFromVolume(docker: Docker, volume: string, path: string, as: 'file' | 'folder', sink: NodeJS.WritableStream): Promise<void> {
  return withVolume(docker, volume, (helper) => downloadFrom({ container: helper, prefix: mountPoint }, path, as, sink));
}

export function uploadToVolume(docker: Docker, volume: string, folder: string, name: string, source: UploadSource): Promise<void> {
  return withVolume(docker, volume, (helper) => uploadTo({ container: helper, prefix: mountPoint }, folder, name, source));
}

/** A container's own files (running or stopped), through the same archive API (a listing of a running one, through exec). */
export const containerFiles = {
  /** One level through exec where the container runs and can (far cheaper: nothing is read), else through the archive API. */
  list: async (docker: Docker, id: string, path: string) => {
    const oneLevel = await listRunningFolder(docker, id, path);
    return oneLevel ? sortEntries(oneLevel) : listFolder({ container: docker.getContainer(id), prefix: '' }, path);
  },
  download: (docker: Docker, id: string, path: string, as: 'file' | 'folder', sink: NodeJS.WritableStream) =>
    downloadFrom({ container: docker.getContainer(id), prefix: '' }, path, as, sink),
  upload: (docker: Docker, id: string, folder: string, name: string, source: UploadSource) => uploadTo({ container: docker.getContainer(id), prefix: '' }, folder, name, source),
};

/**
 * The whole volume as a .tar.gz, its entries relative to the volume's root (so an import puts them
 * back in place). Progress counts the files' bytes against the volume's size.
 */
export function exportVolume(docker: Docker, volume: string, sink: NodeJS.WritableStream, progress?: TransferReporter): Promise<void> {
  return withVolume(docker, volume, async (helper) => {
    await reportVolumeSize(docker, volume, progress);
    const stream = await archiveStream(helper, '/.');
    await pipeline(stream, countTarContent((n) => progress?.add(n)), createGzip(), sink, { end: false }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw e;
      throw new BerthError('INTERNAL', `The export of ${volume} stopped before the end: the file it was writing to was closed.`, 'Export again.', {
        reason: 'exportClosed',
        params: { volume },
      });
    });
  });
}

async function reportVolumeSize(docker: Docker, volume: string, progress: TransferReporter | undefined): Promise<void> {
  if (!progress) return;
  const size = await volumeSize(docker, volume);
  if (size !== undefined) progress.setTotal(size);
}

async function isEmpty(docker: Docker, volume: string): Promise<boolean> {
  return (await listVolumeFolder(docker, volume, '/')).length === 0;
}

async function volumeExists(docker: Docker, volume: string): Promise<boolean> {
  return docker.getVolume(volume).inspect().then(
    () => true,
    () => false,
  );
}

/**
 * Unpacks a tar (gzip, bzip2 and xz too: the engine reads them) into a new or empty volume. A volume
 * with files in it is refused, so nothing is overwritten.
 */
export async function importVolume(docker: Docker, volume: string, archive: NodeJS.ReadableStream, progress?: TransferReporter): Promise<void> {
  if (await volumeExists(docker, volume)) {
    if (!(await isEmpty(docker, volume))) {
      throw new BerthError('CONFLICT', `Volume ${volume} already has files; Berth imports only into a new or empty volume.`, 'Choose a new volume name.', {
        reason: 'volumeNotEmpty',
        params: { volume },
      });
    }
  } else {
    await engineCall(docker.createVolume({ Name: volume }), `Volume ${volume}`);
  }
  const counted = countedSource(archive, (n) => progress?.add(n));
  await withVolume(docker, volume, (helper) => engineCall(helper.putArchive(counted as never, { path: mountPoint }), `Volume ${volume}`));
}

/** Copies every file of one volume into a new one, through the engine, with nothing started. */
export async function cloneVolume(docker: Docker, source: string, target: string, progress?: TransferReporter): Promise<void> {
  if (await volumeExists(docker, target)) {
    throw new BerthError('CONFLICT', `A volume named ${target} already exists.`, 'Clone into a new name.', { reason: 'volumeExists', params: { volume: target } });
  }
  await engineCall(docker.getVolume(source).inspect(), `Volume ${source}`);
  await engineCall(docker.createVolume({ Name: target }), `Volume ${target}`);
  await reportVolumeSize(docker, source, progress);
  await withVolume(docker, source, async (from) => {
    const stream = await archiveStream(from, '/.');
    const counted = stream.pipe(countTarContent((n) => progress?.add(n)));
    stream.on('error', (e: Error) => counted.destroy(e));
    await withVolume(docker, target, (to) => engineCall(to.putArchive(counted as never, { path: mountPoint }), `Volume ${target}`));
  });
}

/**
 * Finds a local image that has /bin/rm, checked through the archive API on a created (never
 * started) container. Deleting is the one file operation the archive API cannot do.
 */
async function imageWithRm(docker: Docker): Promise<string | undefined> {
  const images = await engineCall(docker.listImages());
  const names = images.flatMap((i) => (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'));
  // Small, common images first.
  const ranked = [...names].sort((a, b) => Number(!/busybox|alpine/.test(a)) - Number(!/busybox|alpine/.test(b)));
  for (const name of ranked) {
    const probe = await docker.createContainer({ Image: name, Entrypoint: ['/bin/rm'], Cmd: ['--help'], Labels: { 'dev.berth.helper': '1' }, NetworkDisabled: true }).catch(log.fallback('probing the helper image', undefined));
    if (!probe) continue;
    const found = await probe.infoArchive({ path: '/bin/rm' }).then(
      () => true,
      () => false,
    );
    await probe.remove({ force: true }).catch(log.fallback('removing the helper probe container', undefined));
    if (found) return name;
  }
  return undefined;
}

/**
 * Deletes a file or folder in a volume with a one-shot container (`rm -rf -- path`, no network),
 * the only way the Engine API allows. Refuses the volume's root.
 */
export async function deleteFromVolume(docker: Docker, volume: string, path: string): Promise<void> {
  if (path === '/' || path === '') throw new BerthError('INVALID_INPUT', 'Berth does not delete a whole volume’s contents this way.', 'Remove the volume instead.', { reason: 'volumeRootDelete' });
  await engineCall(docker.getVolume(volume).inspect(), `Volume ${volume}`);
  const image = await imageWithRm(docker);
  if (!image) {
    throw new BerthError('INVALID_INPUT', 'Deleting a file needs a local image that has /bin/rm, and there is none.', 'Pull a small one first, e.g. busybox, then try again.', {
      reason: 'noHelperImage',
    });
  }
  const container = await engineCall(
    docker.createContainer({
      Image: image,
      Entrypoint: ['/bin/rm'],
      Cmd: ['-rf', '--', `${mountPoint}${path}`],
      Labels: { 'dev.berth.helper': '1' },
      NetworkDisabled: true,
      HostConfig: { Binds: [`${volume}:${mountPoint}`] },
    }),
  );
  try {
    await engineCall(container.start());
    const { StatusCode } = (await engineCall(container.wait())) as { StatusCode: number };
    if (StatusCode !== 0) {
      throw new BerthError('ENGINE_ERROR', `rm exited with ${StatusCode} deleting ${path}.`, undefined, { reason: 'deleteFailed', params: { status: StatusCode, path } });
    }
  } finally {
    await container.remove({ force: true }).catch(log.fallback('removing a helper container', undefined));
  }
}
