import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TarReader, tarOfOneFile, writeTar, type TarEntry } from './tar.js';

function read(archive: Buffer, chunkSize: number) {
  const entries: TarEntry[] = [];
  const contents = new Map<string, Buffer[]>();
  const reader = new TarReader(
    (e) => entries.push(e),
    (e, chunk) => contents.set(e.path, [...(contents.get(e.path) ?? []), Buffer.from(chunk)]),
  );
  for (let i = 0; i < archive.length; i += chunkSize) reader.push(archive.subarray(i, i + chunkSize));
  return { entries, contents, done: reader.done };
}

describe('tar', () => {
  it('reads what GNU tar writes, whatever the chunk size, long names included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-'));
    mkdirSync(join(dir, 'sub'));
    const long = `${'x'.repeat(120)}.txt`;
    writeFileSync(join(dir, 'sub', long), 'long name');
    writeFileSync(join(dir, 'a.txt'), 'hello 한국어');
    const archive = execFileSync('tar', ['-C', dir, '-cf', '-', '.']);
    for (const size of [1, 7, 512, 100_000]) {
      const { entries, contents, done } = read(archive, size);
      expect(done).toBe(true);
      expect(entries.find((e) => e.path === 'a.txt')).toMatchObject({ type: 'file', size: Buffer.byteLength('hello 한국어') });
      expect(entries.find((e) => e.path === `sub/${long}`)).toMatchObject({ type: 'file', size: 9 });
      expect(entries.find((e) => e.path === 'sub')).toMatchObject({ type: 'directory' });
      expect(Buffer.concat(contents.get('a.txt')!).toString()).toBe('hello 한국어');
    }
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
