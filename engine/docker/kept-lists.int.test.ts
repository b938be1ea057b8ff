import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ContainerSummary, EngineChanges } from '../contract/types.js';
import { openEngine, type OpenEngine } from '../runtime.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { dockerOptionsFor } from './client.js';

// Issue 17: the containers, images and volumes lists are kept on the engine side, current by the
// engine's events, so a page that loads gets its rows without waiting for the engine's list call.

let engine: OpenEngine;
const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const prefix = `berth-kept-${process.pid}`;
/** Whole-list calls Berth makes of the engine (a filtered call for changed rows does not count). */
let wholeLists = 0;
let volumeLists = 0;

beforeAll(async () => {
  engine = await openEngine({ engineUrl: requireDockerHost() });
  await engine.connection.waitUntilConnected(5000);
  const listContainers = engine.connection.docker.listContainers.bind(engine.connection.docker);
  vi.spyOn(engine.connection.docker, 'listContainers').mockImplementation(((options?: Docker.ContainerListOptions) => {
    if (!options?.filters) wholeLists++;
    return listContainers(options);
  }) as typeof listContainers);
  const listVolumes = engine.connection.docker.listVolumes.bind(engine.connection.docker);
  vi.spyOn(engine.connection.docker, 'listVolumes').mockImplementation(((options?: object) => {
    volumeLists++;
    return listVolumes(options);
  }) as typeof listVolumes);
});

afterAll(async () => {
  const mine = await docker.listContainers({ all: true, filters: { name: [prefix] } });
  await Promise.all(mine.map((c) => docker.getContainer(c.Id).remove({ force: true })));
  await docker.getVolume(`${prefix}-vol`).remove().catch(() => undefined);
  await docker.getImage(`${prefix}:tagged`).remove().catch(() => undefined);
  await docker.getImage(`${prefix}:moving`).remove().catch(() => undefined);
  await engine?.close();
});

/** The first change notice that `pick` finds something in, within `ms`. */
async function notice<T>(pick: (change: EngineChanges) => T | undefined, act: () => Promise<unknown>, ms = 5000): Promise<T> {
  const abort = new AbortController();
  const found = (async () => {
    for await (const change of engine.api.connection.watchChanges(abort.signal)) {
      const hit = pick(change);
      if (hit !== undefined) return hit;
    }
    throw new Error('the changes stream ended');
  })();
  const timer = setTimeout(() => abort.abort(), ms);
  try {
    await act();
    return await found;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

const rowOf = (rows: ContainerSummary[], id: string) => rows.find((r) => r.id === id);

describe('the containers list kept on the engine side', () => {
  it('answers from what it keeps, with containers made and started from the CLI since', async () => {
    const before = await engine.api.containers.list();
    const calls = wholeLists;
    expect(await engine.api.containers.list()).toHaveLength(before.length);

    let id = '';
    const upserted = await notice(
      (c) => c.containers?.upserted.find((r) => r.id === id && r.state === 'running'),
      async () => {
        const made = await docker.createContainer({ name: `${prefix}-up`, Image: fixtureImage, Cmd: ['sleep', '60'], StopTimeout: 1 });
        id = made.id;
        await made.start();
      },
    );
    expect(upserted.name).toBe(`${prefix}-up`);
    const kept = await engine.api.containers.list();
    expect(rowOf(kept, id)).toMatchObject({ name: `${prefix}-up`, state: 'running' });
    // Both asks after the first were answered from the kept rows (any call made was behind them).
    expect(kept).toHaveLength(before.length + 1);

    await notice(
      (c) => (c.containers?.removed.includes(id) ? true : undefined),
      () => docker.getContainer(id).remove({ force: true }),
    );
    expect(rowOf(await engine.api.containers.list(), id)).toBeUndefined();
    expect(wholeLists - calls).toBeLessThanOrEqual(2); // at most one a second behind the kept rows, never one per ask
  });

  it('tells pages the status texts the engine words anew ("Up 2 seconds") once its rows are a second old', async () => {
    let id = '';
    const started = await notice(
      (c) => c.containers?.upserted.find((r) => r.id === id && r.state === 'running'),
      async () => {
        const made = await docker.createContainer({ name: `${prefix}-ages`, Image: fixtureImage, Cmd: ['sleep', '60'], StopTimeout: 1 });
        id = made.id;
        await made.start();
      },
    );
    expect(rowOf(await engine.api.containers.list(), id)?.status).toBe(started.status);
    // Ask as pages loading would, until a second has passed and the rows asked for behind differ.
    let aged: ContainerSummary | undefined;
    await notice(
      (c) => (aged = c.containers?.upserted.find((r) => r.id === id && r.status !== started.status)),
      async () => {
        for (let i = 0; i < 30 && !aged; i++) {
          await engine.api.containers.list();
          await new Promise((r) => setTimeout(r, 200));
        }
      },
    );
    expect(aged?.status).toMatch(/^Up \d+ seconds?$/);
    expect(rowOf(await engine.api.containers.list(), id)?.status).toBe(aged?.status);
  });
});

describe('the images and volumes lists kept on the engine side', () => {
  it('answers from what it keeps, and asks the engine again once an event changed the list', async () => {
    await engine.api.volumes.list();
    const calls = volumeLists;
    await engine.api.volumes.list();
    expect(volumeLists).toBe(calls); // kept

    const name = `${prefix}-vol`;
    await notice((c) => (c.resources.includes('volumes') ? true : undefined), () => docker.createVolume({ Name: name }));
    expect((await engine.api.volumes.list()).map((v) => v.name)).toContain(name);
    expect(volumeLists).toBe(calls + 1); // forgotten at the event, asked once, kept again
    await engine.api.volumes.list();
    expect(volumeLists).toBe(calls + 1);
  });

  it('lists an image tagged from the CLI once the engine told of it', async () => {
    await engine.api.images.list();
    const reference = `${prefix}:tagged`;
    await notice((c) => (c.resources.includes('images') ? true : undefined), () => docker.getImage(fixtureImage).tag({ repo: prefix, tag: 'tagged' }));
    expect((await engine.api.images.list()).some((i) => i.tags.includes(reference))).toBe(true);
  });
});

describe('the kept containers list when an image tag moves', () => {
  it("tells pages a container's image once its tag moved to another image, as docker ps shows it (the engine sends only image events)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'berth-kept-moving-'));
    try {
      await docker.getImage(fixtureImage).tag({ repo: prefix, tag: 'moving' });
      const made = await docker.createContainer({ name: `${prefix}-moving`, Image: `${prefix}:moving` });
      await expect.poll(async () => rowOf(await engine.api.containers.list(), made.id)?.image).toBe(`${prefix}:moving`);
      // Another image, made without an event (a build without a name), then given the tag.
      await writeFile(join(dir, 'Dockerfile'), `FROM ${fixtureImage}\nLABEL berth.kept.moving="${process.pid}-${Date.now()}"\n`);
      const built = (await promisify(execFile)('docker', ['build', '-q', dir], { env: { ...process.env, DOCKER_BUILDKIT: '0' } })).stdout.trim();
      const moved = await notice(
        (c) => c.containers?.upserted.find((r) => r.id === made.id && r.image !== `${prefix}:moving`),
        () => docker.getImage(built).tag({ repo: prefix, tag: 'moving' }),
      );
      const shown = (await docker.listContainers({ all: true, filters: { id: [made.id] } }))[0]?.Image;
      expect(moved.image).toBe(shown);
      expect(rowOf(await engine.api.containers.list(), made.id)?.image).toBe(shown);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the kept lists after a storm of changes made while pages ask', () => {
  it('agree with the engine within two seconds of the storm ending (containers with their states, image tags, volumes)', async () => {
    const storm = `${prefix}-storm`;
    let asking = true;
    const asks = (async () => {
      while (asking) {
        await Promise.all([engine.api.containers.list(), engine.api.images.list(), engine.api.volumes.list()]);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    try {
      await Promise.all(
        Array.from({ length: 6 }, async (_, worker) => {
          for (let i = 0; i < 8; i++) {
            const name = `${storm}-${worker}-${i}`;
            const made = await docker.createContainer({ name, Image: fixtureImage, Cmd: ['sleep', '60'], StopTimeout: 1 });
            if (i % 2) await made.start();
            if (i % 4 === 3) await made.kill();
            if (i % 3 === 0) await made.remove({ force: true });
            await docker.getImage(fixtureImage).tag({ repo: storm, tag: `${worker}-${i}` });
            if (i % 2) await docker.getImage(`${storm}:${worker}-${i}`).remove();
            await docker.createVolume({ Name: `${name}-vol` });
            if (i % 2) await docker.getVolume(`${name}-vol`).remove();
          }
        }),
      );
    } finally {
      asking = false;
      await asks;
    }
    const agrees = async () => {
      const [rows, images, volumes] = await Promise.all([engine.api.containers.list(), engine.api.images.list(), engine.api.volumes.list()]);
      const real = await docker.listContainers({ all: true });
      const realTags = (await docker.listImages()).flatMap((i) => i.RepoTags ?? []).filter((t) => t.startsWith(storm));
      const realVolumes = ((await docker.listVolumes()).Volumes ?? []).map((v) => v.Name);
      return (
        JSON.stringify(rows.map((r) => `${r.id} ${r.state}`).sort()) === JSON.stringify(real.map((r) => `${r.Id} ${r.State}`).sort()) &&
        JSON.stringify(images.flatMap((i) => i.tags).filter((t) => t.startsWith(storm)).sort()) === JSON.stringify(realTags.sort()) &&
        JSON.stringify(volumes.map((v) => v.name).sort()) === JSON.stringify(realVolumes.sort())
      );
    };
    await expect.poll(agrees, { timeout: 2000, interval: 100 }).toBe(true);
    // Asked again by pages later on, they still agree (nothing left to correct behind them).
    expect(await agrees()).toBe(true);
    const tags = (await docker.listImages()).flatMap((i) => i.RepoTags ?? []).filter((t) => t.startsWith(storm));
    for (const tag of tags) await docker.getImage(tag).remove();
    const volumes = ((await docker.listVolumes()).Volumes ?? []).filter((v) => v.Name.startsWith(storm));
    for (const volume of volumes) await docker.getVolume(volume.Name).remove();
  }, 60_000);
});
