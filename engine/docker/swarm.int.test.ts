import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireDockerHost } from '../testing/engine-env.js';
import { startSwarmEngine, type SwarmEngine } from '../testing/swarm-engine.js';
import { dockerOptionsFor } from './client.js';
import { DockerSwarm } from './swarm.js';

let engine: SwarmEngine;
let docker: Docker;
let swarm: DockerSwarm;
const service = `berth-int-web-${process.pid}`;
const stack = `berthint${process.pid}`;

beforeAll(async () => {
  engine = await startSwarmEngine();
  docker = new Docker(dockerOptionsFor(engine.url));
  swarm = new DockerSwarm(docker, engine.url, engine.env);
}, 60_000);

afterAll(async () => {
  await docker?.getService(service).remove().catch(() => undefined);
  await swarm?.removeStack(stack).catch(() => undefined);
  await engine?.stop();
}, 60_000);

/** Tasks of a service the engine runs right now (what `docker service ps --filter desired-state=running` counts). */
async function runningTasks(name: string): Promise<number> {
  const tasks = (await docker.listTasks({ filters: { service: [name], 'desired-state': ['running'] } })) as { Status?: { State?: string } }[];
  return tasks.filter((t) => t.Status?.State === 'running').length;
}

async function specImage(name: string): Promise<string> {
  const raw = (await docker.getService(name).inspect()) as { Spec: { TaskTemplate: { ContainerSpec: { Image: string } } } };
  return raw.Spec.TaskTemplate.ContainerSpec.Image;
}

describe('Swarm against a real single-node swarm', () => {
  it('lists a 2-replica service with its tasks and a stack made by docker stack deploy', async () => {
    await docker.createService({
      Name: service,
      TaskTemplate: { ContainerSpec: { Image: engine.images.v1, Command: ['sh', '-c', 'echo hello from task $$; exec sleep 3600'] } },
      Mode: { Replicated: { Replicas: 2 } },
    });
    const folder = mkdtempSync(join(tmpdir(), 'berth-stack-'));
    const file = join(folder, 'stack.yml');
    const port = 20_000 + (process.pid % 10_000);
    writeFileSync(
      file,
      `version: "3.8"\nservices:\n  app:\n    image: ${engine.images.v1}\n    ports:\n      - target: 80\n        published: ${port}\n        mode: host\n  worker:\n    image: ${engine.images.v1}\n    command: ["sleep", "3600"]\n`,
    );
    const events = [];
    for await (const event of swarm.deploy(file, stack, undefined)) events.push(event);
    expect(events[0]).toEqual({ kind: 'command', argv: ['docker', 'stack', 'deploy', '-c', file, stack] });
    expect(events.at(-1)).toEqual({ kind: 'done', project: stack });

    await expect.poll(async () => (await swarm.overview()).services.find((s) => s.name === service)?.running, { timeout: 30_000 }).toBe(2);
    const overview = await swarm.overview();
    expect(overview.status).toMatchObject({ localNodeState: 'active', manager: true });
    expect(overview.nodes).toEqual([expect.objectContaining({ role: 'manager', managerStatus: 'leader', self: true, status: 'ready' })]);
    const web = overview.services.find((s) => s.name === service)!;
    expect(web).toMatchObject({ mode: 'replicated', desired: 2, image: engine.images.v1, canRollback: false });
    expect(web.stack).toBeUndefined();
    const app = overview.services.find((s) => s.name === `${stack}_app`)!;
    expect(app).toMatchObject({ stack, image: engine.images.v1, ports: [{ target: 80, published: port, protocol: 'tcp', publishMode: 'host' }] });
    expect(overview.services.find((s) => s.name === `${stack}_worker`)?.stack).toBe(stack);

    // An engine spoken to in API 1.40 sends no ServiceStatus: the counts come from the tasks instead.
    const older = new DockerSwarm(new Docker({ ...dockerOptionsFor(engine.url), version: 'v1.40' }), engine.url, engine.env);
    expect((await older.overview()).services.find((s) => s.name === service)).toMatchObject({ running: 2, desired: 2 });

    const tasks = await swarm.tasks(service);
    expect(tasks.map((t) => t.slot).sort()).toEqual([1, 2]);
    expect(tasks[0]).toMatchObject({ desiredState: 'running', node: overview.nodes[0]!.hostname, image: engine.images.v1 });
  });

  it('service logs give every task’s lines (docker service logs)', async () => {
    const read = async () => {
      let text = '';
      for await (const event of swarm.logs({ service, tail: 100, follow: false, timestamps: false }, undefined)) {
        if (event.kind === 'output') text += event.segments.map((s) => s.text).join('');
      }
      return text.split('\n').filter((line) => line.includes('hello from task')).length;
    };
    await expect.poll(read, { timeout: 15_000 }).toBe(2);
  });

  it('service logs resumed from a time give only what came after it (as after an engine restart)', async () => {
    const lines = async (sinceTime: string) => {
      let text = '';
      for await (const event of swarm.logs({ service, tail: 100, follow: false, timestamps: false, sinceTime }, undefined)) {
        if (event.kind === 'output') text += event.segments.map((s) => s.text).join('');
      }
      return text.split('\n').filter((line) => line.includes('hello from task')).length;
    };
    expect(await lines('1.000000000')).toBe(2);
    // The tasks said hello before now; a stream resumed from now has nothing of them to repeat.
    expect(await lines(`${Math.floor(Date.now() / 1000) + 1}.000000000`)).toBe(0);
  });

  it('a task that failed keeps the engine’s error text', async () => {
    const failing = `${service}-fails`;
    await docker.createService({
      Name: failing,
      TaskTemplate: { ContainerSpec: { Image: engine.images.v1, Command: ['sh', '-c', 'exit 3'] }, RestartPolicy: { Condition: 'none' } },
      Mode: { Replicated: { Replicas: 1 } },
    });
    try {
      await expect.poll(async () => (await swarm.tasks(failing))[0]?.state, { timeout: 20_000 }).toBe('failed');
      expect((await swarm.tasks(failing))[0]).toMatchObject({ slot: 1, error: 'task: non-zero exit (3)' });
    } finally {
      await docker.getService(failing).remove();
    }
  });

  it('a stack file the CLI cannot read fails with the CLI’s own words quoted', async () => {
    const events = swarm.deploy('/nonexistent/stack.yml', 'broken', undefined);
    expect(await events.next()).toMatchObject({ value: { kind: 'command' } });
    await expect((async () => {
      for await (const _ of events) void _;
    })()).rejects.toMatchObject({ reason: 'stackDeployFailed', engineText: expect.stringMatching(/no such file/i) });
  });

  it('scale changes the task count in the engine', async () => {
    await swarm.scale(service, 3);
    await expect.poll(() => runningTasks(service), { timeout: 30_000 }).toBe(3);
    await swarm.scale(service, 1);
    await expect.poll(() => runningTasks(service), { timeout: 30_000 }).toBe(1);
  });

  it('update image then roll back restores the previous image in the spec', async () => {
    await swarm.updateImage(service, engine.images.v2);
    expect(await specImage(service)).toBe(engine.images.v2);
    // The scale above kept the count: an image update changes only the image.
    expect(((await docker.getService(service).inspect()) as { Spec: { Mode: { Replicated: { Replicas: number } } } }).Spec.Mode.Replicated.Replicas).toBe(1);
    await swarm.rollback(service);
    expect(await specImage(service)).toBe(engine.images.v1);
    expect((await swarm.overview()).services.find((s) => s.name === service)?.updateState).toMatch(/^rollback_/);
  });

  it('remove stack removes its services and network; removing it again says there is none', async () => {
    const found = await swarm.stackResources(stack);
    expect(found).toEqual({ services: [`${stack}_app`, `${stack}_worker`], networks: [`${stack}_default`], configs: [], secrets: [] });
    const outcomes = await swarm.removeStack(stack);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const left = (await docker.listServices({ filters: { label: [`com.docker.stack.namespace=${stack}`] } })) as unknown[];
    expect(left).toEqual([]);
    await expect.poll(async () => (await swarm.stackResources(stack)).networks, { timeout: 15_000 }).toEqual([]);
    await expect(swarm.removeStack(stack)).rejects.toMatchObject({ reason: 'stackMissing', params: { stack } });
  });
});

describe('Swarm on an engine that is not in swarm mode (the shared test engine)', () => {
  it('says what it needs instead of failing the read, and refuses actions by reason', async () => {
    const url = requireDockerHost();
    const plain = new DockerSwarm(new Docker(dockerOptionsFor(url)), url);
    expect(await plain.overview()).toEqual({ status: { localNodeState: 'inactive', manager: false, nodeId: '' }, services: [], nodes: [] });
    await expect(plain.scale('web', 2)).rejects.toMatchObject({ reason: 'swarmNotManager' });
    const events = plain.deploy('/tmp/none.yml', 'shop', undefined);
    await expect(events.next()).rejects.toMatchObject({ reason: 'swarmNotManager' });
  });
});
