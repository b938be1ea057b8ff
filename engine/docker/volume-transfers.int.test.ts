import { PassThrough, Writable } from 'node:stream';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransferReporter } from '../contract/transfer.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { cloneVolume, exportVolume, importVolume } from './archive-files.js';
import { dockerOptionsFor } from './client.js';

const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const suffix = Date.now().toString(36);
const source = `int-progress-src-${suffix}`;
const made: string[] = [source];
// 23,893 + 10 + 100,000 bytes of files: what `docker system df` calls the volume's size.
const contentBytes = 123_903;

/** Records what a transfer reported: its total, and the bytes it added up to. */
function recorder() {
  const seen = { total: undefined as number | undefined, bytes: 0, reports: 0 };
  const reporter: TransferReporter = {
    add: (n) => {
      seen.bytes += n;
      seen.reports++;
    },
    setTotal: (n) => (seen.total = n),
  };
  return { seen, reporter };
}

async function run(volume: string, script: string): Promise<void> {
  const container = await docker.createContainer({ Image: fixtureImage, Cmd: ['sh', '-c', script], HostConfig: { Binds: [`${volume}:/v`] } });
  await container.start();
  await container.wait();
  await container.remove();
}

beforeAll(async () => {
  await run(source, 'mkdir -p /v/a/b && seq 1 5000 > /v/a/b/numbers && echo "한국어" > /v/a/ko.txt && head -c 100000 /dev/urandom > /v/random.bin');
});

afterAll(async () => {
  for (const name of made) await docker.getVolume(name).remove().catch(() => undefined);
});

describe('volume transfer progress (real engine)', () => {
  it('export reports the volume size as its total and every file byte it sent', async () => {
    const { seen, reporter } = recorder();
    let archiveBytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        archiveBytes += chunk.length;
        callback();
      },
    });
    await exportVolume(docker, source, sink, reporter);
    expect(seen.total).toBe(contentBytes);
    expect(seen.bytes).toBe(contentBytes);
    expect(archiveBytes).toBeGreaterThan(0);
  });

  it('clone reports the source size and the file bytes copied', async () => {
    const target = `int-progress-cln-${suffix}`;
    made.push(target);
    const { seen, reporter } = recorder();
    await cloneVolume(docker, source, target, reporter);
    expect(seen).toMatchObject({ total: contentBytes, bytes: contentBytes });
  });

  it('import counts the archive bytes it read', async () => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (c: Buffer) => chunks.push(c));
    await exportVolume(docker, source, sink);
    const archive = Buffer.concat(chunks);
    const target = `int-progress-imp-${suffix}`;
    made.push(target);
    const { seen, reporter } = recorder();
    const body = new PassThrough();
    body.end(archive);
    await importVolume(docker, target, body, reporter);
    expect(seen.bytes).toBe(archive.length);
  });
});
