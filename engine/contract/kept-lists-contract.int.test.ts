import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type OpenEngine } from '../runtime.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { dockerOptionsFor } from '../docker/client.js';
import { contractRouter } from './router.js';
import type { BuildEvent, EngineChanges } from './types.js';
import type { ContractContext } from './trpc.js';

// The lists kept on the engine side (engine/docker/kept-list.ts) seen through the contract, as a
// page sees them: what Berth itself did must be in the list the page asks for next, event or not.

let engine: OpenEngine;
let caller: ReturnType<typeof contractRouter.createCaller>;
let context: string;
const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const made: string[] = [];
const prefix = `berth-kept-tabs-${process.pid}`;

beforeAll(async () => {
  engine = await openEngine({ engineUrl: requireDockerHost() });
  await engine.connection.waitUntilConnected(5000);
  caller = contractRouter.createCaller({ engine: engine.api } as ContractContext);
  context = await mkdtemp(join(tmpdir(), 'berth-kept-build-'));
});

afterAll(async () => {
  for (const id of made) await docker.getImage(id).remove({ force: true }).catch(() => undefined);
  await docker.getContainer(`${prefix}-c`).remove({ force: true }).catch(() => undefined);
  await docker.getContainer(`${prefix}-commit`).remove({ force: true }).catch(() => undefined);
  await docker.getNetwork(`${prefix}-net`).remove().catch(() => undefined);
  await engine?.close();
  if (context) await rm(context, { recursive: true, force: true });
});

describe('the kept images list after a stream that changes the engine', () => {
  it('lists an image built without a name as soon as the build says it is done, and tells the other pages (the engine sends no event for it)', async () => {
    // A label no other build has, so the engine makes a new image rather than finding one cached.
    await writeFile(join(context, 'Dockerfile'), `FROM ${fixtureImage}\nLABEL berth.kept.test="${process.pid}-${Date.now()}"\n`);
    await caller.images.list(); // kept from here, as a page that shows Images holds it
    const other = anotherPage(); // a second tab, which hears of it only from Berth
    let done: Extract<BuildEvent, { kind: 'done' }> | undefined;
    let listed: string[] = [];
    for await (const event of await caller.images.build({ context, dockerfile: 'Dockerfile', tag: '', buildArgs: {} })) {
      if (event.kind !== 'done') continue;
      done = event;
      made.push(event.imageId);
      // What the Build dialog does on this event: ask for the images list again.
      listed = (await caller.images.list()).map((image) => image.id);
    }
    expect(done?.imageId).toMatch(/^sha256:/);
    expect(listed).toContain(done?.imageId);
    try {
      await expect.poll(() => other.heard.some((c) => c.resources.includes('images')), { timeout: 3000 }).toBe(true);
    } finally {
      other.stop();
    }
  });
});

describe('the kept images list after a mutation', () => {
  it('lists an image committed without a name as soon as the commit answers (the engine sends only a container event for it)', async () => {
    const container = await docker.createContainer({ name: `${prefix}-commit`, Image: fixtureImage });
    await caller.images.list(); // kept from here
    const { id } = await caller.containers.commit({ container: container.id, reference: '', message: '', author: '', pause: true, changes: [] });
    made.push(id);
    expect((await caller.images.list()).map((image) => image.id)).toContain(id);
  });
});

/** What another page hears from now on: every change notice, until the returned stop. */
function anotherPage(): { heard: EngineChanges[]; stop: () => void } {
  const abort = new AbortController();
  const heard: EngineChanges[] = [];
  void (async () => {
    for await (const change of engine.api.connection.watchChanges(abort.signal)) heard.push(change);
  })().catch(() => undefined);
  return { heard, stop: () => abort.abort() };
}

describe('two pages, one acting on a change the engine sends no event for', () => {
  it('tells the other page of a never-started container connected to a network, once the acting page asks again', async () => {
    const other = anotherPage();
    const rowHeard = (id: string) => other.heard.flatMap((c) => c.containers?.upserted ?? []).filter((r) => r.id === id).at(-1);
    try {
      const network = await docker.createNetwork({ Name: `${prefix}-net` });
      const container = await docker.createContainer({ name: `${prefix}-c`, Image: fixtureImage });
      // Both pages hold the container's row, from its create event.
      await expect.poll(() => rowHeard(container.id)?.state).toBe('created');
      expect((await caller.containers.list()).find((r) => r.id === container.id)).toBeDefined();
      await caller.networks.connect({ network: network.id, container: container.id });
      // What the Networks view does after connecting: ask for the containers list again.
      const row = (await caller.containers.list()).find((r) => r.id === container.id);
      expect(row?.networks.map((n) => n.name)).toContain(`${prefix}-net`);
      await expect.poll(() => rowHeard(container.id)?.networks.map((n) => n.name), { timeout: 3000 }).toContain(`${prefix}-net`);
    } finally {
      other.stop();
    }
  });
});
