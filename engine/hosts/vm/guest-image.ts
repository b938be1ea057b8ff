import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BerthError } from '../../contract/errors.js';
import { logFor } from '../../shared/log.js';

const log = logFor('vm');

const run = promisify(execFile);

/** A guest image folder, as engine/hosts/vm/guest/build-image.sh writes it. */
export interface GuestImage {
  dir: string;
  kernel: string;
  initrd: string;
  disk: string;
  /** The base disk's sha256 from the manifest: what an overlay was made on. */
  diskSha256: string;
}

interface Manifest {
  format: number;
  sha256: Record<'vmlinuz' | 'initrd.img' | 'disk.raw', string>;
}

export function imageMissing(dir: string): BerthError {
  return new BerthError(
    'ENGINE_UNAVAILABLE',
    `Berth's virtual machine has no guest image in ${dir}.`,
    'Build one with `sudo npm run vm:image` (Linux, about two minutes), or set BERTH_VM_IMAGE to a folder holding vmlinuz, initrd.img, disk.raw and manifest.json.',
    { reason: 'guestImageMissing', params: { dir } },
  );
}

export async function readGuestImage(dir: string): Promise<GuestImage> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    throw imageMissing(dir);
  }
  if (manifest.format !== 1 || !manifest.sha256?.['disk.raw']) {
    throw new BerthError('ENGINE_UNAVAILABLE', `The guest image in ${dir} has a manifest Berth does not understand.`, 'Build it again with `sudo npm run vm:image`.', {
      reason: 'guestImageManifest',
      params: { dir },
    });
  }
  return {
    dir,
    kernel: join(dir, 'vmlinuz'),
    initrd: join(dir, 'initrd.img'),
    disk: join(dir, 'disk.raw'),
    diskSha256: manifest.sha256['disk.raw'],
  };
}

/**
 * Checks every file of the image against its manifest, so a damaged or swapped base never boots.
 * Hashing 2 GiB takes seconds, so a file's result is remembered by size and modification time in
 * `stampFile` and the hash is taken again only when those change.
 */
export async function verifyGuestImage(image: GuestImage, stampFile: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(image.dir, 'manifest.json'), 'utf8')) as Manifest;
  const stamps = await readStamps(stampFile);
  let changed = false;
  for (const [name, expected] of Object.entries(manifest.sha256)) {
    const path = join(image.dir, name);
    let info;
    try {
      info = await stat(path);
    } catch {
      throw imageMissing(image.dir);
    }
    const key = `${path}:${info.size}:${info.mtimeMs}:${expected}`;
    if (stamps[key]) continue;
    const actual = await sha256File(path);
    if (actual !== expected) {
      throw new BerthError(
        'ENGINE_UNAVAILABLE',
        `The guest image's ${name} does not match its checksum (expected ${expected.slice(0, 12)}…, found ${actual.slice(0, 12)}…).`,
        'The image is damaged or was changed. Build it again with `sudo npm run vm:image`.',
        { reason: 'guestImageChecksum', params: { file: name, expected: expected.slice(0, 12), actual: actual.slice(0, 12) } },
      );
    }
    stamps[key] = true;
    changed = true;
  }
  if (changed) await writeFile(stampFile, JSON.stringify(stamps));
}

async function readStamps(file: string): Promise<Record<string, boolean>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, boolean>;
  } catch (error) {
    log.caught('reading the guest image’s checked-file stamps', error);
    return {};
  }
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** The VM's own disk: a copy-on-write qcow2 overlay on the read-only base, of the size the person set. */
export async function createOverlay(qemuImg: string, base: string, overlay: string, sizeGiB: number): Promise<void> {
  await run(qemuImg, ['create', '-q', '-f', 'qcow2', '-F', 'raw', '-b', base, overlay, `${sizeGiB}G`]);
}

/** The overlay's virtual size in GiB. */
export async function overlaySizeGiB(qemuImg: string, overlay: string): Promise<number> {
  const { stdout } = await run(qemuImg, ['info', '--output=json', '-U', overlay]);
  return (JSON.parse(stdout) as { 'virtual-size': number })['virtual-size'] / 2 ** 30;
}

/** Grows the overlay; the guest fills the new space with resize2fs at its next boot. */
export async function growOverlay(qemuImg: string, overlay: string, sizeGiB: number): Promise<void> {
  await run(qemuImg, ['resize', '-q', overlay, `${sizeGiB}G`]);
}
