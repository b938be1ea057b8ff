import { Writable } from 'node:stream';
import type Docker from 'dockerode';
import type { FileEntry } from '../contract/types.js';
import { logFor } from '../shared/log.js';

const log = logFor('files');

/** More output than this and the folder is listed the slow way, which streams instead of holding it. */
const maxOutputBytes = 16 * 1024 * 1024;

/** Collects what a command writes, up to `maxOutputBytes`. */
function collector(): { sink: Writable; text(): string | undefined } {
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size <= maxOutputBytes) chunks.push(chunk);
      callback();
    },
  });
  return { sink, text: () => (size > maxOutputBytes ? undefined : Buffer.concat(chunks).toString('utf8')) };
}

/** Runs a command (an argument array: no shell) in a running container; its stdout when it succeeded cleanly. */
async function execOutput(container: Docker.Container, cmd: string[]): Promise<string | undefined> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, Tty: false });
  const stream = await exec.start({ hijack: true, stdin: false });
  const stdout = collector();
  const stderr = collector();
  await new Promise<void>((resolve, reject) => {
    container.modem.demuxStream(stream, stdout.sink, stderr.sink);
    // Not every exec stream emits 'end'; 'close' comes either way.
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  const { ExitCode } = await exec.inspect();
  if (ExitCode !== 0 || stderr.text()) return undefined;
  return stdout.text();
}

function typeOf(mode: number): FileEntry['type'] {
  switch (mode & 0xf000) {
    case 0x4000:
      return 'directory';
    case 0x8000:
      return 'file';
    case 0xa000:
      return 'symlink';
    default:
      return 'other';
  }
}

/** Where a symlink points, as the engine resolves it (an absolute path), from the archive API's stat: a HEAD request, no bytes move. */
async function linkTarget(container: Docker.Container, path: string): Promise<string | undefined> {
  try {
    const response = (await container.infoArchive({ path })) as unknown as { headers: Record<string, string | undefined>; resume(): void };
    response.resume();
    const stat = JSON.parse(Buffer.from(response.headers['x-docker-container-path-stat'] ?? '', 'base64').toString('utf8')) as { linkTarget?: string };
    return stat.linkTarget || undefined;
  } catch (error) {
    log.caught('reading a path’s link target', error);
    return undefined;
  }
}

/**
 * One folder of a running container, one level deep, without reading any file: `find` and `stat`
 * in the container, run with an argument array. The archive API would tar everything below the
 * folder (all of a container's file system for "/"). Folder sizes are not summed here, so they are
 * left out. Undefined when this cannot work here (not running, paused, no find or stat, a name with
 * a line break, too much output): the caller then lists through the archive API.
 */
export async function listRunningFolder(docker: Docker, id: string, path: string): Promise<FileEntry[] | undefined> {
  const container = docker.getContainer(id);
  const info = await container.inspect().catch(log.fallback('inspecting a container before listing its files', undefined));
  if (!info?.State.Running || info.State.Paused) return undefined;
  // "<path>/." follows a folder that is a symlink, as the archive API does.
  const prefix = `${path === '/' ? '' : path.replace(/\/$/, '')}/./`;
  const output = await execOutput(container, ['find', prefix, '-mindepth', '1', '-maxdepth', '1', '-exec', 'stat', '-c', '%f %s %Y %n', '{}', '+']).catch(() => undefined);
  if (output === undefined) return undefined;
  const entries: FileEntry[] = [];
  for (const line of output.split('\n')) {
    if (!line) continue;
    const match = /^([0-9a-f]+) (\d+) (\d+) (.*)$/.exec(line);
    const name = match?.[4]?.startsWith(prefix) ? match[4].slice(prefix.length) : undefined;
    // A name with a line break splits into lines that do not parse: the archive API lists it right.
    if (!match || !name || name.includes('/')) return undefined;
    const type = typeOf(parseInt(match[1]!, 16));
    // As in a tar: a link or a device holds no bytes of its own.
    entries.push({ name, type, ...(type === 'directory' ? {} : { size: type === 'file' ? Number(match[2]) : 0 }), mtime: Number(match[3]) });
  }
  await Promise.all(
    entries
      .filter((e) => e.type === 'symlink')
      .slice(0, 256)
      .map(async (e) => {
        const target = await linkTarget(container, `${prefix}${e.name}`);
        if (target) e.linkTarget = target;
      }),
  );
  return entries;
}
