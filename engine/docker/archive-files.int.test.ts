import Docker from 'dockerode';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTar, type TarEntry } from '../shared/tar.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { containerFiles } from './archive-files.js';
import { dockerOptionsFor } from './client.js';

const docker = new Docker(dockerOptionsFor(requireDockerHost()));
// Far over ustar's 100-byte fields, and not ASCII: the engine writes both as PAX records.
const target = `/아주/긴/한국어/경로/${'디렉터리'.repeat(20)}/파일.txt`;
const longName = `${'긴이름'.repeat(15)}.txt`;
const bigBytes = 9 * 1024 ** 3;
let container: Docker.Container;

beforeAll(async () => {
  container = await docker.createContainer({
    Image: fixtureImage,
    Labels: { 'dev.berth.test': '1' },
    // A sparse 9 GiB file costs no disk; the engine still sends all its bytes in an archive.
    Cmd: ['sh', '-c', 'mkdir /k /d && ln -s "$1" /k/링크 && printf 내용 > "/k/$2" && truncate -s "$3" /d/big.bin', 'sh', target, longName, String(bigBytes)],
  });
  await container.start();
  expect(((await container.wait()) as { StatusCode: number }).StatusCode).toBe(0);
});

afterAll(async () => {
  await container?.remove({ force: true }).catch(() => undefined);
});

describe('archive API listings (stopped container)', () => {
  it('lists a long Korean symlink target and file name whole', async () => {
    const entries = await containerFiles.list(docker, container.id, '/k');
    expect(entries.find((e) => e.name === '링크')).toMatchObject({ type: 'symlink', linkTarget: target });
    expect(entries.find((e) => e.name === longName)).toMatchObject({ type: 'file', size: Buffer.byteLength('내용') });
  });

  it('reads the size of a 9 GiB file from the engine’s PAX header', async () => {
    const stream = (await container.getArchive({ path: '/d' })) as NodeJS.ReadableStream;
    const seen: TarEntry[] = [];
    await readTar(stream, (e) => {
      seen.push(e);
      return e.path === 'd/big.bin' ? 'stop' : undefined;
    });
    expect(seen.at(-1)).toMatchObject({ path: 'd/big.bin', type: 'file', size: bigBytes });
  });

  it('streams a 9 GiB download without holding it, and stops the engine when the download is closed', async () => {
    const before = process.memoryUsage().rss;
    let received = 0;
    let peak = 0;
    const sink = new Writable({
      highWaterMark: 1024 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        peak = Math.max(peak, process.memoryUsage().rss - before);
        // The person closes the download after 192 MiB.
        if (received >= 192 * 1024 ** 2) callback(new Error('closed by the person'));
        else setImmediate(callback);
      },
    });
    sink.on('error', () => undefined);
    await expect(containerFiles.download(docker, container.id, '/d/big.bin', 'file', sink)).rejects.toThrow();
    expect(received).toBeGreaterThanOrEqual(192 * 1024 ** 2);
    // Held bytes stay near the sink's and the socket's buffers, far below what went through.
    expect(peak).toBeLessThan(96 * 1024 ** 2);
  });
});
