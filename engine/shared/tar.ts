import { extract, type Header } from 'tar-stream';

/**
 * Tar for the engine's archive API: reading (through tar-stream, which knows every header form the
 * engine writes), writing small archives (one folder), and streaming one file of known size
 * (uploads) without holding it.
 */
export interface TarEntry {
  path: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
  size: number;
  /** Seconds since the Unix epoch. */
  mtime: number;
  mode: number;
  linkTarget?: string;
}

const block = 512;

function typeOf(type: Header['type']): TarEntry['type'] {
  if (type === 'file' || type === 'contiguous-file') return 'file';
  if (type === 'directory') return 'directory';
  if (type === 'symlink') return 'symlink';
  return 'other';
}

function toEntry(header: Header): TarEntry {
  const type = typeOf(header.type);
  return {
    path: header.name.replace(/^\.\//, '').replace(/\/$/, ''),
    type,
    size: type === 'file' ? header.size : 0,
    mtime: Math.floor(header.mtime.getTime() / 1000),
    mode: header.mode,
    ...(type === 'symlink' ? { linkTarget: header.linkname } : {}),
  };
}

/**
 * Reads a tar stream entry by entry through tar-stream (ustar, PAX path/linkpath/size records, GNU
 * long names and links, base-256 sizes: what the engine's archive API and GNU tar write). Nothing
 * is held: `onData`, when given, receives each file's bytes, and the source waits while a promise
 * it returns is pending. `onEntry` returning 'stop' ends the read there (the source is destroyed).
 * Rejects when the source fails or is not a tar.
 */
export async function readTar(
  source: NodeJS.ReadableStream,
  onEntry: (entry: TarEntry) => void | 'stop',
  onData?: (entry: TarEntry, chunk: Buffer) => void | Promise<void>,
): Promise<void> {
  const extractor = extract();
  // Errors end the iteration below; an 'error' event nobody hears must not end the process.
  extractor.on('error', () => undefined);
  source.on('error', (e: Error) => extractor.destroy(e));
  source.pipe(extractor as unknown as NodeJS.WritableStream);
  let finished = false;
  try {
    for await (const item of extractor) {
      const entry = toEntry(item.header);
      if (onEntry(entry) === 'stop') return;
      // Reading the body moves the archive on; without onData the bytes are dropped as they pass.
      for await (const chunk of item) if (onData) await onData(entry, chunk as Buffer);
    }
    finished = true;
  } finally {
    if (!finished) {
      source.unpipe(extractor as unknown as NodeJS.WritableStream);
      (source as { destroy?: () => void }).destroy?.();
    }
  }
}

function octal(value: number, length: number): string {
  return value.toString(8).padStart(length - 1, '0') + '\0';
}

/** Splits a path into ustar's prefix (155 bytes) and name (100 bytes) at a slash. */
function splitName(path: string): { prefix: string; name: string } {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  for (let cut = path.indexOf('/'); cut !== -1; cut = path.indexOf('/', cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { prefix, name };
  }
  throw new Error(`"${path}" is too long for a tar entry (over 255 bytes, or a part over 100 bytes).`);
}

/** A ustar header for one entry. */
function header(path: string, size: number, type: '0' | '5', mode: number, mtime: number): Buffer {
  const buffer = Buffer.alloc(block);
  const { prefix, name } = splitName(path);
  Buffer.from(name, 'utf8').copy(buffer, 0);
  Buffer.from(prefix, 'utf8').copy(buffer, 345);
  buffer.write(octal(mode, 8), 100, 'ascii');
  buffer.write(octal(0, 8), 108, 'ascii');
  buffer.write(octal(0, 8), 116, 'ascii');
  buffer.write(octal(size, 12), 124, 'ascii');
  buffer.write(octal(mtime, 12), 136, 'ascii');
  buffer.write('        ', 148, 'ascii');
  buffer.write(type, 156, 'ascii');
  buffer.write('ustar\0', 257, 'ascii');
  buffer.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of buffer) sum += byte;
  buffer.write(octal(sum, 7) + ' ', 148, 'ascii');
  return buffer;
}

/** A tar holding the given files (and folders, as names ending in "/"), for putArchive and build contexts. */
export function writeTar(entries: { name: string; data?: Buffer; mode?: number }[], mtime = Math.floor(Date.now() / 1000)): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    if (entry.name.endsWith('/')) {
      parts.push(header(entry.name, 0, '5', 0o755, mtime));
      continue;
    }
    const data = entry.data ?? Buffer.alloc(0);
    parts.push(header(entry.name, data.length, '0', entry.mode ?? 0o644, mtime), data, Buffer.alloc((block - (data.length % block)) % block));
  }
  parts.push(Buffer.alloc(block * 2));
  return Buffer.concat(parts);
}

/** The most one ustar entry holds: its size field has 11 octal digits (8 GiB less a byte). */
export const maxTarFileBytes = 8 ** 11 - 1;

/**
 * A tar of one file whose bytes stream from `bytes`: header, bytes, padding, end of archive. The
 * header states the size first, so a source that turns out shorter or longer than `size` (a file
 * changed while read) fails the upload before the archive's end is written. The engine writes as it
 * reads, so part of the file may be in place by then: callers stream from a complete local file (the
 * web host spools a request to disk first) to keep that to files changed under Berth's feet.
 */
export async function* tarOfOneFile(
  name: string,
  size: number,
  bytes: AsyncIterable<Buffer>,
  options: { mode?: number; mtime?: number } = {},
): AsyncGenerator<Buffer> {
  if (!Number.isSafeInteger(size) || size < 0 || size > maxTarFileBytes) throw new Error(`${name}: a tar entry holds 0 to ${maxTarFileBytes} bytes, not ${size}.`);
  yield header(name, size, '0', options.mode ?? 0o644, options.mtime ?? Math.floor(Date.now() / 1000));
  let sent = 0;
  for await (const chunk of bytes) {
    sent += chunk.length;
    if (sent > size) throw new Error(`${name} grew while it was read (over ${size} bytes).`);
    yield chunk;
  }
  if (sent !== size) throw new Error(`${name} ended after ${sent} of ${size} bytes.`);
  yield Buffer.alloc((block - (size % block)) % block);
  yield Buffer.alloc(block * 2);
}
