import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineChanges, EngineStatus } from '../contract/types.js';
import { openEngine, type OpenEngine } from '../runtime.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { dockerOptionsFor } from './client.js';

let engine: OpenEngine;
const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const prefix = `berth-int-${process.pid}`;

beforeAll(async () => {
  engine = await openEngine({ engineUrl: requireDockerHost() });
  await engine.connection.waitUntilConnected(5000);
});

afterAll(async () => {
  const mine = await docker.listContainers({ all: true, filters: { name: [prefix] } });
  await Promise.all(mine.map((c) => docker.getContainer(c.Id).remove({ force: true })));
  await docker.getNetwork(`${prefix}-net`).remove().catch(() => undefined);
  await engine?.close();
});

describe('engine connection', () => {
  it('reports connected with the engine version', () => {
    expect(engine.connection.status).toMatchObject({ state: 'connected', generation: 1 });
    expect(engine.connection.status.version).toMatch(/\d+\.\d+/);
  });

  it('sends a container created, then removed, outside Berth as rows to patch', async () => {
    const abort = new AbortController();
    const seen: EngineChanges[] = [];
    const name = `${prefix}-events`;
    let id = '';
    const watching = (async () => {
      for await (const change of engine.api.connection.watchChanges(abort.signal)) {
        seen.push(change);
        if (change.containers?.removed.includes(id)) abort.abort();
      }
    })();
    const created = await docker.createContainer({ name, Image: fixtureImage });
    id = created.id;
    await new Promise((r) => setTimeout(r, 300));
    await created.remove();
    await Promise.race([watching, new Promise((_, reject) => setTimeout(() => reject(new Error('no removal notice within 2 s')), 2000))]);
    const upsert = seen.find((c) => c.containers?.upserted.some((u) => u.id === id));
    expect(upsert?.containers?.upserted.find((u) => u.id === id)).toMatchObject({ name, state: 'created' });
    // Which images and volumes are in use the page joins from these rows: no other list is refetched.
    expect(upsert?.resources ?? []).not.toContain('images');
    expect(upsert?.resources ?? []).not.toContain('volumes');
  });
});

describe('a running container connected to a network outside Berth', () => {
  it('comes as its own row to patch, naming the network, rather than a refetch of every container', async () => {
    const network = await docker.createNetwork({ Name: `${prefix}-net` });
    const container = await docker.createContainer({ name: `${prefix}-joiner`, Image: fixtureImage, StopTimeout: 1 });
    const abort = new AbortController();
    const seen: EngineChanges[] = [];
    const rowOf = (change: EngineChanges) => change.containers?.upserted.find((u) => u.id === container.id);
    let started = () => {};
    const startSeen = new Promise<void>((resolve) => (started = resolve));
    const watching = (async () => {
      for await (const change of engine.api.connection.watchChanges(abort.signal)) {
        seen.push(change);
        if (rowOf(change)?.state === 'running') started();
        if (rowOf(change)?.networks.some((n) => n.id === network.id)) abort.abort();
      }
    })();
    const within = (what: string) => new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} within 3 s: ${JSON.stringify(seen)}`)), 3000));
    // Its start comes through first: the stream is listening before the connect.
    await container.start();
    await Promise.race([startSeen, within('no start notice')]);
    await network.connect({ Container: container.id });
    await Promise.race([watching, within('no row naming the network')]);
    const change = seen.find((c) => rowOf(c)?.networks.some((n) => n.id === network.id))!;
    expect(rowOf(change)?.networks).toEqual(expect.arrayContaining([{ name: `${prefix}-net`, id: network.id }]));
    expect(change.resources).not.toContain('containers');
    await container.remove({ force: true });
  });
});

describe('stopping while connecting', () => {
  it('ends at once when stopped before the engine first answered (Ctrl-C just after npm run web hung)', async () => {
    const early = await openEngine({ engineUrl: requireDockerHost() });
    expect(early.connection.status.state).toBe('connecting');
    const stopped = await Promise.race([early.close().then(() => 'stopped'), new Promise((r) => setTimeout(() => r('still waiting after 3 s'), 3000))]);
    expect(stopped).toBe('stopped');
  });
});

describe('an engine socket nothing listens at', () => {
  it('says which kind of failure it was, for the renderer to word (the banner showed Berth’s English)', async () => {
    const silent = await openEngine({ engineUrl: `unix:///tmp/berth-no-engine-${process.pid}.sock` });
    try {
      const status = await new Promise<EngineStatus>((resolve) => {
        if (silent.connection.status.state === 'disconnected') resolve(silent.connection.status);
        silent.connection.statusChanges.add((next) => next.state === 'disconnected' && resolve(next));
      });
      expect(status.lastErrorKind).toEqual({ kind: 'noAnswer', code: 'ENOENT' });
    } finally {
      await silent.close();
    }
  });
});

describe('container actions', () => {
  it('starts, pauses, stops and reports each outcome', async () => {
    const created = await docker.createContainer({ name: `${prefix}-life`, Image: fixtureImage, StopTimeout: 1 });
    const id = created.id;
    const state = async () => (await docker.getContainer(id).inspect()).State;
    expect(await engine.api.containers.act({ ids: [id], action: 'start' })).toEqual([{ id, ok: true }]);
    expect((await state()).Running).toBe(true);
    await engine.api.containers.act({ ids: [id], action: 'pause' });
    expect((await state()).Paused).toBe(true);
    await engine.api.containers.act({ ids: [id], action: 'unpause' });
    await engine.api.containers.act({ ids: [id], action: 'stop' });
    expect((await state()).Running).toBe(false);
    // Starting twice is what the person wanted, not an error (the engine answers 304).
    await engine.api.containers.act({ ids: [id], action: 'start' });
    expect(await engine.api.containers.act({ ids: [id], action: 'start' })).toEqual([{ id, ok: true }]);
  });

  it('gives a name conflict as CONFLICT with the engine message and a hint', async () => {
    await docker.createContainer({ name: `${prefix}-taken`, Image: fixtureImage });
    const other = await docker.createContainer({ name: `${prefix}-other`, Image: fixtureImage });
    const failure = await engine.api.containers.rename({ id: other.id, name: `${prefix}-taken` }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already in use') });
    expect((failure as { hint?: string }).hint).toMatch(/another name/);
  });

  it('reports per container in a bulk action, without stopping at the first failure', async () => {
    const real = await docker.createContainer({ name: `${prefix}-bulk`, Image: fixtureImage });
    const outcomes = await engine.api.containers.remove({ ids: ['berth-no-such-container', real.id], removeVolumes: true, force: true });
    expect(outcomes[0]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(outcomes[1]).toEqual({ id: real.id, ok: true });
  });
});
