import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type OpenEngine } from '../runtime.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { testEngineClient } from '../testing/test-engine.js';

const { docker, made } = testEngineClient();
const prefix = `berth-int-moves-${process.pid}`;
let engine: OpenEngine;
let dir: string;

beforeAll(async () => {
  engine = await openEngine({ engineUrl: requireDockerHost() });
  await engine.connection.waitUntilConnected(5000);
  dir = await mkdtemp(join(tmpdir(), 'berth-moves-'));
});

afterAll(async () => {
  await engine?.close();
  await rm(dir, { recursive: true, force: true });
  // The containers first: vitest runs after-hooks last-registered first, so testEngineClient's own
  // removal comes after this one, and an image a container still uses is not removed (the images
  // piled up run after run on the shared test engine, until e2e no longer saw the fixture's row).
  for (const id of made.splice(0)) await docker.getContainer(id).remove({ force: true }).catch(() => undefined);
  // By name, never by id: a saved-and-loaded name shares the fixture image's id, and removing that
  // id (forced) would take the fixture from every test after this one.
  const mine = await docker.listImages({ filters: { reference: [`${prefix}*`] } });
  const names = mine.flatMap((image) => image.RepoTags ?? []).filter((tag) => tag.startsWith(prefix));
  for (const name of names) await docker.getImage(name).remove().catch(() => undefined);
});

/** Runs `cmd` in a new container of `image` to its end; its output. */
async function output(image: string, cmd?: string[]): Promise<string> {
  // A TTY makes the log one plain stream (no multiplexing frames to take apart).
  const container = await docker.createContainer({ Image: image, ...(cmd ? { Cmd: cmd } : {}), Tty: true, Labels: { 'dev.berth.test': 'moves' } });
  made.push(container.id);
  await container.start();
  await container.wait();
  return ((await container.logs({ stdout: true, stderr: true })) as unknown as Buffer).toString();
}

async function toFile(name: string, write: (sink: NodeJS.WritableStream) => Promise<void>): Promise<string> {
  const path = join(dir, name);
  const file = createWriteStream(path);
  await write(file);
  file.end();
  await finished(file);
  return path;
}

describe('images and containers as files', () => {
  it('commits a container with a message, author and --change, and the new image runs with them', async () => {
    const source = await docker.createContainer({ Image: fixtureImage, Cmd: ['sh', '-c', 'echo made > /made.txt'], Labels: { 'dev.berth.test': 'moves' } });
    made.push(source.id);
    await source.start();
    await source.wait();
    const { id } = await engine.api.containers.commit({
      container: source.id,
      reference: `${prefix}-commit:v1`,
      message: 'a file added',
      author: 'Berth test',
      pause: true,
      changes: ['CMD ["cat", "/made.txt"]', 'ENV GREETING=hello'],
    });
    const inspect = await docker.getImage(`${prefix}-commit:v1`).inspect();
    expect(inspect.Id).toBe(id);
    expect(inspect.Comment).toBe('a file added');
    expect(inspect.Author).toBe('Berth test');
    expect(inspect.Config.Env).toContain('GREETING=hello');
    expect(await output(`${prefix}-commit:v1`)).toContain('made');
  });

  it('saves an image, removes it, loads it back: the same id and both its names', async () => {
    const a = `${prefix}-save:a`;
    const b = `${prefix}-save:b`;
    await docker.getImage(fixtureImage).tag({ repo: `${prefix}-save`, tag: 'a' });
    await docker.getImage(fixtureImage).tag({ repo: `${prefix}-save`, tag: 'b' });
    const before = await docker.getImage(a).inspect();
    const path = await toFile('saved.tar', (sink) => engine.api.images.saveTo([a, b], sink));
    expect((await stat(path)).size).toBeGreaterThan(100_000);
    await docker.getImage(a).remove();
    await docker.getImage(b).remove();
    const { loaded } = await engine.api.images.loadFrom(createReadStream(path));
    expect(loaded.sort()).toEqual([a, b]);
    const after = await docker.getImage(a).inspect();
    expect(after.Id).toBe(before.Id);
    expect(after.RepoTags.sort()).toEqual(expect.arrayContaining([a, b]));
  });

  it('exports a container and imports the tar as an image that runs', async () => {
    const source = await docker.createContainer({ Image: fixtureImage, Cmd: ['sh', '-c', 'echo exported > /exported.txt'], Labels: { 'dev.berth.test': 'moves' } });
    made.push(source.id);
    await source.start();
    await source.wait();
    const path = await toFile('exported.tar', (sink) => engine.api.containers.exportTo(source.id, sink));
    const { id } = await engine.api.images.importFrom(createReadStream(path), { reference: `${prefix}-import:v1`, message: 'from export', changes: ['CMD ["cat", "/exported.txt"]'] });
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await docker.getImage(`${prefix}-import:v1`).inspect()).Id).toBe(id);
    expect(await output(`${prefix}-import:v1`)).toContain('exported');
  });

  it('commits and imports with no message, author or --change line, as the dialogs send them by default', async () => {
    const source = await docker.createContainer({ Image: fixtureImage, Labels: { 'dev.berth.test': 'moves' } });
    made.push(source.id);
    const committed = await engine.api.containers.commit({ container: source.id, reference: `${prefix}-plain:v1`, message: '', author: '', pause: true, changes: [] });
    expect((await docker.getImage(`${prefix}-plain:v1`).inspect()).Id).toBe(committed.id);
    const path = await toFile('plain.tar', (sink) => engine.api.containers.exportTo(source.id, sink));
    const imported = await engine.api.images.importFrom(createReadStream(path), { reference: `${prefix}-plain:v2`, message: '', changes: [] });
    expect((await docker.getImage(`${prefix}-plain:v2`).inspect()).Id).toBe(imported.id);
  });

  it('ends a load whose upload stops midway (a page that went away) with an error instead of waiting for ever', async () => {
    const path = await toFile('partial.tar', (sink) => engine.api.images.saveTo([fixtureImage], sink));
    const cut = createReadStream(path, { end: 64 * 1024 });
    // The first 64 KiB arrive, then the upload breaks off.
    cut.on('end', () => cut.emit('error', new Error('aborted')));
    const partial = new PassThrough();
    cut.on('data', (chunk) => partial.write(chunk));
    cut.on('error', (e) => partial.destroy(e));
    await expect(engine.api.images.loadFrom(partial)).rejects.toBeDefined();
  });

  it('refuses what is not an archive with the engine’s words, and a missing image by name', async () => {
    const junk = await toFile('junk.tar', async (sink) => void sink.write('not a tar at all'));
    await expect(engine.api.images.loadFrom(createReadStream(junk))).rejects.toMatchObject({ code: 'ENGINE_ERROR', reason: 'archiveRefused' });
    await expect(toFile('none.tar', (sink) => engine.api.images.saveTo([`${prefix}-missing:1`], sink))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
