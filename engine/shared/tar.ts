/**
 * Just enough of the tar format for the engine's archive API: reading entry headers (ustar, GNU long
 * names, PAX paths) from a stream, writing small archives (one folder, build contexts), and streaming
 * one file of known size (uploads) without holding it.
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

function readString(buffer: Buffer, start: number, length: number): string {
  const slice = buffer.subarray(start, start + length);
  const end = slice.indexOf(0);
  return slice.subarray(0, end === -1 ? length : end).toString('utf8');
}

function readOctal(buffer: Buffer, start: number, length: number): number {
  const text = readString(buffer, start, length).trim();
  return text ? parseInt(text, 8) : 0;
}

function typeOf(flag: string): TarEntry['type'] {
  if (flag === '0' || flag === '' || flag === '7') return 'file';
  if (flag === '5') return 'directory';
  if (flag === '2') return 'symlink';
  return 'other';
}

/**
 * Parses entries from a tar byte stream fed chunk by chunk. `onData` receives each file's bytes
 * when wanted (downloads); listing passes none and the bytes are skipped without being kept.
 */
export class TarReader {
  private buffer: Buffer<ArrayBufferLike> = Buffer.alloc(0);
  private remaining = 0;
  private padding = 0;
  private current: TarEntry | undefined;
  private longName: string | undefined;
  private paxPath: string | undefined;
  private meta: 'L' | 'x' | undefined;
  private metaChunks: Buffer[] = [];
  done = false;

  constructor(
    private readonly onEntry: (entry: TarEntry) => void,
    private readonly onData?: (entry: TarEntry, chunk: Buffer) => void,
  ) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, this.buffer.length);
        if (take === 0) return;
        const data = this.buffer.subarray(0, take);
        if (this.meta) this.metaChunks.push(Buffer.from(data));
        else if (this.current) this.onData?.(this.current, data);
        this.buffer = this.buffer.subarray(take);
        this.remaining -= take;
        if (this.remaining > 0) return;
        if (this.meta) this.finishMeta();
        continue;
      }
      if (this.padding > 0) {
        const skip = Math.min(this.padding, this.buffer.length);
        this.buffer = this.buffer.subarray(skip);
        this.padding -= skip;
        if (this.padding > 0) return;
      }
      if (this.done || this.buffer.length < block) return;
      const header = this.buffer.subarray(0, block);
      this.buffer = this.buffer.subarray(block);
      if (header.every((b) => b === 0)) {
        this.done = true;
        return;
      }
      const size = readOctal(header, 124, 12);
      const flag = String.fromCharCode(header[156] ?? 0).replace('\0', '');
      this.remaining = size;
      this.padding = (block - (size % block)) % block;
      if (flag === 'L' || flag === 'x') {
        this.meta = flag;
        this.metaChunks = [];
        if (size === 0) this.finishMeta();
        continue;
      }
      const prefix = readString(header, 345, 155);
      const name = readString(header, 0, 100);
      const path = this.paxPath ?? this.longName ?? (prefix ? `${prefix}/${name}` : name);
      this.paxPath = undefined;
      this.longName = undefined;
      const type = typeOf(flag);
      const entry: TarEntry = {
        path: path.replace(/^\.\//, '').replace(/\/$/, ''),
        type,
        size: type === 'file' ? size : 0,
        mtime: readOctal(header, 136, 12),
        mode: readOctal(header, 100, 8),
        ...(type === 'symlink' ? { linkTarget: readString(header, 157, 100) } : {}),
      };
      this.current = entry;
      this.onEntry(entry);
    }
  }

  private finishMeta(): void {
    const text = Buffer.concat(this.metaChunks).toString('utf8');
    if (this.meta === 'L') this.longName = text.replace(/\0+$/, '');
    else {
      // PAX records: "<length> key=value\n"
      for (const record of text.split('\n')) {
        const match = /^\d+ path=(.*)$/.exec(record);
        if (match) this.paxPath = match[1];
      }
    }
    this.meta = undefined;
    this.metaChunks = [];
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
