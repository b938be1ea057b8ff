import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTar, tarOfOneFile, writeTar, type TarEntry } from './tar.js';

async function read(archive: Buffer, chunkSize: number) {
  const entries: TarEntry[] = [];
  const contents = new Map<string, Buffer[]>();
  const chunks: Buffer[] = [];
  for (let i = 0; i < archive.length; i += chunkSize) chunks.push(archive.subarray(i, i + chunkSize));
  await readTar(
    Readable.from(chunks),
    (e) => void entries.push(e),
    (e, chunk) => void contents.set(e.path, [...(contents.get(e.path) ?? []), Buffer.from(chunk)]),
  );
  return { entries, contents };
}

describe('tar', () => {
  it('reads what GNU tar writes, whatever the chunk size, long names included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-'));
    mkdirSync(join(dir, 'sub'));
    const long = `${'x'.repeat(120)}.txt`;
    writeFileSync(join(dir, 'sub', long), 'long name');
    writeFileSync(join(dir, 'a.txt'), 'hello 한국어');
    const archive = execFileSync('tar', ['-C', dir, '-cf', '-', '.']);
    for (const size of [1, 7, 512, 100_000]) {
      const { entries, contents } = await read(archive, size);
      expect(entries.find((e) => e.path === 'a.txt')).toMatchObject({ type: 'file', size: Buffer.byteLength('hello 한국어') });
      expect(entries.find((e) => e.path === `sub/${long}`)).toMatchObject({ type: 'file', size: 9 });
      expect(entries.find((e) => e.path === 'sub')).toMatchObject({ type: 'directory' });
      expect(Buffer.concat(contents.get('a.txt')!).toString()).toBe('hello 한국어');
    }
  });

  it.each(['gnu', 'pax'])('reads long and non-ASCII names and link targets (%s headers)', async (format) => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-'));
    const target = `/아주/긴/한국어/경로/${'디렉터리'.repeat(20)}/파일.txt`; // far over ustar's 100 bytes
    const name = `${'긴이름'.repeat(15)}.txt`;
    symlinkSync(target, join(dir, '링크'));
    writeFileSync(join(dir, name), '내용');
    const archive = execFileSync('tar', [`--format=${format}`, '-C', dir, '-cf', '-', '.']);
    const { entries } = await read(archive, 1000);
    expect(entries.find((e) => e.path === '링크')).toMatchObject({ type: 'symlink', linkTarget: target });
    expect(entries.find((e) => e.path === name)).toMatchObject({ type: 'file', size: Buffer.byteLength('내용') });
  });

  it('reads a size of 8 GiB or more (GNU base-256), stopping at the entry without reading its bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-'));
    const fd = openSync(join(dir, 'big.bin'), 'w');
    ftruncateSync(fd, 9 * 1024 ** 3); // sparse: no disk is used
    closeSync(fd);
    // GNU tar writes the size in base-256; only the header block is taken from it.
    const head = execFileSync('sh', ['-c', 'tar --format=gnu -C "$1" -cf - big.bin | head -c 4096', 'sh', dir]);
    const seen: TarEntry[] = [];
    await readTar(Readable.from([head]), (e) => (seen.push(e), 'stop'));
    expect(seen).toEqual([expect.objectContaining({ path: 'big.bin', type: 'file', size: 9 * 1024 ** 3 })]);
  });

  it('writes archives GNU tar can read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-'));
    const file = join(dir, 'out.tar');
    const deep = `${'d'.repeat(90)}/${'e'.repeat(90)}/file.txt`;
    writeFileSync(file, writeTar([{ name: 'folder/' }, { name: 'folder/note.txt', data: Buffer.from('written by Berth\n') }, { name: deep, data: Buffer.from('deep') }]));
    const out = mkdtempSync(join(tmpdir(), 'untar-'));
    execFileSync('tar', ['-C', out, '-xf', file]);
    expect(readFileSync(join(out, 'folder', 'note.txt'), 'utf8')).toBe('written by Berth\n');
    expect(readFileSync(join(out, deep), 'utf8')).toBe('deep');
  });

  it('streams one file GNU tar reads back byte for byte, whatever its chunks', async () => {
    const bytes = Buffer.from(Array.from({ length: 1300 }, (_, i) => i % 251));
    const chunks = [bytes.subarray(0, 1), bytes.subarray(1, 700), bytes.subarray(700)];
    const archive = Buffer.concat(await collect(tarOfOneFile('upload.bin', bytes.length, toAsync(chunks))));
    expect(archive.length % 512).toBe(0);
    const out = mkdtempSync(join(tmpdir(), 'untar-'));
    execFileSync('tar', ['-C', out, '-xf', '-'], { input: archive });
    expect(readFileSync(join(out, 'upload.bin')).equals(bytes)).toBe(true);
  });

  it('fails before the end of the archive when the source is shorter or longer than it said', async () => {
    await expect(collect(tarOfOneFile('short.bin', 10, toAsync([Buffer.alloc(4)])))).rejects.toThrow('short.bin ended after 4 of 10 bytes.');
    await expect(collect(tarOfOneFile('long.bin', 3, toAsync([Buffer.alloc(4)])))).rejects.toThrow('long.bin grew while it was read');
    await expect(collect(tarOfOneFile('huge.bin', 8 ** 11, toAsync([])))).rejects.toThrow('a tar entry holds 0 to');
  });
});

async function* toAsync(chunks: Buffer[]): AsyncGenerator<Buffer> {
  yield* chunks;
}

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const all: Buffer[] = [];
  for await (const chunk of stream) all.push(chunk);
  return all;
}
