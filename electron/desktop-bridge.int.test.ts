import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { desktopChannels, type DesktopResult } from '../engine/contract/desktop.js';
import type { TransferProgress } from '../engine/contract/transfer.js';
import { dockerOptionsFor } from '../engine/docker/client.js';
import { EngineManager } from '../engine/engine-manager.js';
import { fixtureImage, requireDockerHost } from '../engine/testing/engine-env.js';

/**
 * The desktop bridge's handlers against the real engine. Electron's binary cannot be installed here,
 * so only Electron itself is stood in for: ipcMain records the handlers, and the dialogs answer
 * with paths in a scratch folder, as a person choosing files would.
 */
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
  nextSave: undefined as string | undefined,
  nextOpen: [] as string[],
}));
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => electron.handlers.set(channel, handler) },
  dialog: {
    showSaveDialog: async () => ({ canceled: electron.nextSave === undefined, filePath: electron.nextSave }),
    showOpenDialog: async () => ({ canceled: electron.nextOpen.length === 0, filePaths: electron.nextOpen }),
  },
}));

const { handleDesktopCalls } = await import('./desktop-bridge.js');

const ownPage = 'file:///app/dist/renderer/index.html';
const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const suffix = Date.now().toString(36);
const volume = `int-bridge-${suffix}`;
const imported = `int-bridge-imp-${suffix}`;
const savedImage = `int-bridge/saved:${suffix}`;
const importedImage = `int-bridge/imported:${suffix}`;
let engine: EngineManager;
let scratch: string;

function call<T>(channel: string, input: unknown, from = ownPage): Promise<DesktopResult<T>> {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ senderFrame: { url: from } }, input) as Promise<DesktopResult<T>>;
}

async function inVolume(name: string, script: string): Promise<string> {
  const container = await docker.createContainer({ Image: fixtureImage, Cmd: ['sh', '-c', script], HostConfig: { Binds: [`${name}:/v`] } });
  const chunks: Buffer[] = [];
  const stream = await container.attach({ stream: true, stdout: true, stderr: true });
  stream.on('data', (c: Buffer) => chunks.push(c));
  await container.start();
  await container.wait();
  await container.remove();
  // Multiplexed frames: 8-byte headers before each payload.
  const raw = Buffer.concat(chunks);
  const parts: Buffer[] = [];
  for (let at = 0; at + 8 <= raw.length; at += 8 + raw.readUInt32BE(at + 4)) parts.push(raw.subarray(at + 8, at + 8 + raw.readUInt32BE(at + 4)));
  return Buffer.concat(parts).toString('utf8');
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'berth-bridge-'));
  engine = await EngineManager.start({ engineUrl: requireDockerHost(), dataDir: scratch, runtimeDir: join(scratch, 'run') });
  handleDesktopCalls({} as never, engine.api, (url) => url === ownPage);
  await inVolume(volume, 'mkdir -p /v/docs && printf "hello 한국어\\n" > /v/docs/note.txt && head -c 50000 /dev/urandom > /v/random.bin');
});

afterAll(async () => {
  await engine?.close();
  await docker.getImage(savedImage).remove({ force: true }).catch(() => undefined);
  await docker.getImage(importedImage).remove({ force: true }).catch(() => undefined);
  for (const name of [volume, imported]) await docker.getVolume(name).remove().catch(() => undefined);
});

describe('desktop bridge (real engine)', () => {
  it('refuses a page that is not Berth’s own, and input its schema rejects', async () => {
    await expect(call(desktopChannels.saveFile, { kind: 'volume', target: volume, path: '/docs/note.txt', as: 'file' }, 'https://evil.example/')).rejects.toThrow('Refused');
    expect(await call(desktopChannels.saveFile, { kind: 'volume', target: '../containers/json', path: '/x', as: 'file' })).toMatchObject({
      ok: false,
      // English for logs; the code and field the renderer words (engine/contract/input-problems.ts).
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('uses letters, digits'), reason: 'inputProblem', params: { problem: 'input.volumeRefPattern', field: 'target' } },
    });
    expect(await call(desktopChannels.exportVolume, { volume, transfer: 'not an id' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', params: { problem: 'input.transferId' } } });
  });

  it('saves a volume file into the chosen file, byte for byte; a closed dialog saves nothing', async () => {
    electron.nextSave = join(scratch, 'note.txt');
    expect(await call(desktopChannels.saveFile, { kind: 'volume', target: volume, path: '/docs/note.txt', as: 'file' })).toEqual({
      ok: true,
      value: { chosen: true, path: electron.nextSave },
    });
    expect(await readFile(electron.nextSave, 'utf8')).toBe('hello 한국어\n');
    electron.nextSave = undefined;
    expect(await call(desktopChannels.saveFile, { kind: 'volume', target: volume, path: '/docs/note.txt', as: 'file' })).toEqual({ ok: true, value: { chosen: false } });
  });

  it('uploads the chosen files into a volume folder', async () => {
    const local = join(scratch, 'from-desktop.txt');
    await writeFile(local, 'picked in the open dialog\n');
    electron.nextOpen = [local];
    expect(await call(desktopChannels.uploadFiles, { kind: 'volume', target: volume, folder: '/docs' })).toEqual({ ok: true, value: { chosen: true, names: ['from-desktop.txt'] } });
    expect(await inVolume(volume, 'cat /v/docs/from-desktop.txt')).toBe('picked in the open dialog\n');
  });

  it('exports to the chosen file and imports it back, with progress watched by id', async () => {
    const archive = join(scratch, `${volume}.tar.gz`);
    electron.nextSave = archive;
    const exportId = `export-${suffix}`;
    const watched = (async () => {
      const seen: TransferProgress[] = [];
      for await (const p of engine.api.transfers.watch(exportId, undefined)) seen.push(p);
      return seen;
    })();
    expect(await call(desktopChannels.exportVolume, { volume, transfer: exportId })).toMatchObject({ ok: true, value: { chosen: true } });
    const contentBytes = Buffer.byteLength('hello 한국어\n') + 50_000 + 'picked in the open dialog\n'.length;
    expect((await watched).at(-1)).toEqual({ id: exportId, state: 'done', bytes: contentBytes, total: contentBytes });

    electron.nextOpen = [archive];
    const importId = `import-${suffix}`;
    expect(await call(desktopChannels.importVolume, { volume: imported, transfer: importId })).toMatchObject({ ok: true, value: { chosen: true, path: archive } });
    const [last] = await (async () => {
      const seen: TransferProgress[] = [];
      for await (const p of engine.api.transfers.watch(importId, undefined)) seen.push(p);
      return seen;
    })();
    const size = (await readFile(archive)).length;
    expect(last).toEqual({ id: importId, state: 'done', bytes: size, total: size });
    expect(await inVolume(imported, 'cat /v/docs/note.txt')).toBe('hello 한국어\n');

    // A second import into the now-full volume is refused with the engine side's own words.
    expect(await call(desktopChannels.importVolume, { volume: imported, transfer: `again-${suffix}` })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('only into a new or empty volume') },
    });
  });

  it('saves an image to the chosen .tar and loads it back with its id and tag; exports a container and imports it with a CMD', async () => {
    expect(await call(desktopChannels.saveImages, { names: [], transfer: `none-${suffix}` })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', params: { problem: 'input.imagesToSaveNone' } },
    });
    const maker = await docker.createContainer({ Image: fixtureImage, Cmd: ['sh', '-c', 'echo "from the bridge" > /marker'] });
    await maker.start();
    await maker.wait();
    const [repo, tag] = savedImage.split(':');
    const { Id: id } = (await maker.commit({ repo, tag })) as { Id: string };

    const archive = join(scratch, 'saved.tar');
    electron.nextSave = archive;
    expect(await call(desktopChannels.saveImages, { names: [savedImage], transfer: `save-${suffix}` })).toEqual({ ok: true, value: { chosen: true, path: archive } });
    await docker.getImage(savedImage).remove();
    // Loaded from the gzipped archive (docker save | gzip), which the engine unpacks itself.
    const gzipped = join(scratch, 'saved.tar.gz');
    await writeFile(gzipped, gzipSync(await readFile(archive)));
    electron.nextOpen = [gzipped];
    expect(await call(desktopChannels.loadImages, { transfer: `load-${suffix}` })).toEqual({ ok: true, value: { chosen: true, loaded: [savedImage] } });
    expect((await docker.getImage(savedImage).inspect()).Id).toBe(id);

    const fsArchive = join(scratch, 'exported.tar');
    electron.nextSave = fsArchive;
    expect(await call(desktopChannels.exportContainer, { container: maker.id, transfer: `export-c-${suffix}` })).toMatchObject({ ok: true, value: { chosen: true } });
    await maker.remove();
    electron.nextOpen = [fsArchive];
    const imported = await call<{ chosen: true; id: string }>(desktopChannels.importImage, { reference: importedImage, message: 'bridge', changes: ['CMD ["cat", "/marker"]'], transfer: `import-i-${suffix}` });
    expect(imported).toMatchObject({ ok: true, value: { chosen: true, id: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) } });
    expect((await docker.getImage(importedImage).inspect()).Config.Cmd).toEqual(['cat', '/marker']);

    // A file that is no docker save archive: the engine's refusal, worded by its reason.
    const notes = join(scratch, 'notes.txt');
    await writeFile(notes, 'not a tar\n'.repeat(100));
    electron.nextOpen = [notes];
    expect(await call(desktopChannels.loadImages, { transfer: `bad-${suffix}` })).toMatchObject({ ok: false, error: { reason: 'archiveRefused' } });
  });
});
