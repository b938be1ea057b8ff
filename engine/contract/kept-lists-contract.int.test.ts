import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type OpenEngine } from '../runtime.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { dockerOptionsFor } from '../docker/client.js';
import { contractRouter } from './router.js';
import type { BuildEvent } from './types.js';
import type { ContractContext } from './trpc.js';

// The lists kept on the engine side (engine/docker/kept-list.ts) seen through the contract, as a
// page sees them: what Berth itself did must be in the list the page asks for next, event or not.

let engine: OpenEngine;
let caller: ReturnType<typeof contractRouter.createCaller>;
let context: string;
const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const made: string[] = [];

beforeAll(async () => {
  engine = await openEngine({ engineUrl: requireDockerHost() });
  await engine.connection.waitUntilConnected(5000);
  caller = contractRouter.createCaller({ engine: engine.api } as ContractContext);
  context = await mkdtemp(join(tmpdir(), 'berth-kept-build-'));
});

afterAll(async () => {
  for (const id of made) await docker.getImage(id).remove({ force: true }).catch(() => undefined);
  await engine?.close();
  if (context) await rm(context, { recursive: true, force: true });
});

describe('the kept images list after a stream that changes the engine', () => {
  it('lists an image built without a name as soon as the build says it is done (the engine sends no event for it)', async () => {
    // A label no other build has, so the engine makes a new image rather than finding one cached.
    await writeFile(join(context, 'Dockerfile'), `FROM ${fixtureImage}\nLABEL berth.kept.test="${process.pid}-${Date.now()}"\n`);
    await caller.images.list(); // kept from here, as a page that shows Images holds it
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
  });
});
