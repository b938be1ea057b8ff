import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerEditInput, type ContainerEditForm } from '../contract/edit.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { dockerOptionsFor } from './client.js';
import { editableContainer, editContainer } from './edit.js';

const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const tag = `edit-${process.pid}`;
const folder = mkdtempSync(join(tmpdir(), 'berth-edit-'));
writeFileSync(join(folder, 'note'), 'kept');
const networks = [`${tag}-a`, `${tag}-b`];

/** A port nobody on this machine listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function served(port: number): Promise<string> {
  const answer = await fetch(`http://127.0.0.1:${port}/`);
  return answer.text();
}

/** A running container with two networks (a static IP and an alias on one, an alias on the other), a read-only bind, env, a restart policy and a healthcheck. */
let nextAddress = 50;
async function makeWeb(name: string, port: number): Promise<string> {
  const address = `10.231.7.${nextAddress++}`;
  const created = await docker.createContainer({
    name,
    Image: fixtureImage,
    Env: ['MODE=prod', 'GREETING=hello world'],
    Labels: { 'berth.test': tag },
    // busybox httpd as PID 1 ignores SIGTERM; without this every stop waits docker's 10 s.
    StopTimeout: 1,
    ExposedPorts: { '80/tcp': {} },
    Healthcheck: { Test: ['CMD-SHELL', 'wget -q -O /dev/null http://127.0.0.1/ || exit 1'], Interval: 300_000_000, Timeout: 2_000_000_000, Retries: 3 },
    HostConfig: {
      PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] },
      Mounts: [{ Type: 'bind', Source: folder, Target: '/data', ReadOnly: true }],
      RestartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 },
      NetworkMode: networks[0],
    },
    NetworkingConfig: { EndpointsConfig: { [networks[0]!]: { IPAMConfig: { IPv4Address: address }, Aliases: ['web-alias'] } } },
  });
  await docker.getNetwork(networks[1]!).connect({ Container: created.id, EndpointConfig: { Aliases: ['b-alias'] } });
  await created.start();
  return created.id;
}

async function edit(id: string, change: (form: ContainerEditForm) => ContainerEditForm, mode: 'apply' | 'duplicate' = 'apply', keepPrevious = false) {
  const { form } = await editableContainer(docker, id);
  return editContainer(docker, containerEditInput.parse({ id, form: change(form), mode, keepPrevious }));
}

beforeAll(async () => {
  await docker.createNetwork({ Name: networks[0]!, IPAM: { Config: [{ Subnet: '10.231.7.0/24' }] } });
  await docker.createNetwork({ Name: networks[1]! });
});

afterAll(async () => {
  const mine = await docker.listContainers({ all: true, filters: { label: [`berth.test=${tag}`] } });
  for (const c of mine) await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
  for (const n of networks) await docker.getNetwork(n).remove().catch(() => undefined);
  rmSync(folder, { recursive: true, force: true });
});

/** Engine-made values that a new container gets anew; everything else must be equal. */
function comparable(info: Docker.ContainerInspectInfo) {
  const shortId = info.Id.slice(0, 12);
  return {
    Config: { ...info.Config, Hostname: info.Config.Hostname === shortId ? '<short id>' : info.Config.Hostname },
    HostConfig: { ...info.HostConfig, PortBindings: undefined },
    Mounts: info.Mounts,
    Networks: Object.fromEntries(
      Object.entries(info.NetworkSettings.Networks).map(([name, n]) => [
        name,
        { IPAMConfig: n.IPAMConfig, Aliases: (n.Aliases ?? []).filter((a: string) => a !== shortId), ...(n.IPAMConfig?.IPv4Address ? { IPAddress: n.IPAddress } : {}) },
      ]),
    ),
    Name: info.Name,
    Image: info.Image,
    Running: info.State.Running,
  };
}

describe('editing a container against the engine', () => {
  it('a changed port recreates it keeping every other field, and it serves on the new port', async () => {
    const [before, after] = [await freePort(), await freePort()];
    const id = await makeWeb(`${tag}-web`, before);
    const old = await docker.getContainer(id).inspect();
    expect(await served(before)).toContain('berth fixture');

    const outcome = await edit(id, (form) => ({ ...form, ports: [`127.0.0.1:${after}:80`] }));
    expect(outcome).toMatchObject({ path: 'recreate', name: `${tag}-web` });
    const now = await docker.getContainer(outcome.id).inspect();
    expect(now.Id).not.toBe(id);
    // Expected to differ: Id, Created, State times, the port, and what the engine makes per container
    // (hostname = short ID, the short-ID alias, resolv/hosts paths, endpoint IDs, dynamic addresses).
    expect(comparable(now)).toEqual(comparable(old));
    expect(now.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(after) }] });
    expect(now.State.Health?.Status).toBe('healthy');
    expect(await served(after)).toContain('berth fixture');
    // The previous one is gone, and so is every temporary name.
    const names = (await docker.listContainers({ all: true, filters: { label: [`berth.test=${tag}`] } })).flatMap((c) => c.Names);
    expect(names).toEqual([`/${tag}-web`]);
  });

  it('when the new one cannot start (its port taken meanwhile), the old one is back, running, with its name, and the error says so', async () => {
    const [mine, theirs] = [await freePort(), await freePort()];
    const id = await makeWeb(`${tag}-rollback`, mine);
    const blocker = await docker.createContainer({ name: `${tag}-blocker`, Image: fixtureImage, Labels: { 'berth.test': tag }, HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(theirs) }] } } });
    await blocker.start();

    const failed = await edit(id, (form) => ({ ...form, ports: [`127.0.0.1:${theirs}:80`] })).catch((e: unknown) => e);
    expect(failed).toMatchObject({ reason: 'recreateRestored', params: { step: 'start', name: `${tag}-rollback` }, engineText: expect.stringMatching(/already allocated|address already in use/i) });
    const back = await docker.getContainer(id).inspect();
    expect(back.Name).toBe(`/${tag}-rollback`);
    expect(back.State.Running).toBe(true);
    expect(await served(mine)).toContain('berth fixture');
    const leftovers = (await docker.listContainers({ all: true })).flatMap((c) => c.Names).filter((n) => n.includes('-berth-'));
    expect(leftovers).toEqual([]);
  });

  it('when the new one dies at once, the old one is back; "keep previous" leaves the old one renamed', async () => {
    const port = await freePort();
    const id = await makeWeb(`${tag}-dies`, port);
    const failed = await edit(id, (form) => ({ ...form, command: ['sh', '-c', 'exit 3'] })).catch((e: unknown) => e);
    expect(failed).toMatchObject({ reason: 'recreateExited', params: { code: 3 } });
    // Berth's own finding is worded by the catalogs, not quoted as if the engine had said it.
    expect((failed as { engineText?: string }).engineText).toBeFalsy();
    expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);

    const kept = await edit(id, (form) => ({ ...form, env: [...form.env, 'MODE2=x'] }), 'apply', true);
    expect(kept.previous).toBe(`${tag}-dies-berth-old-${id.slice(0, 8)}`);
    const previous = await docker.getContainer(id).inspect();
    expect(previous.Name).toBe(`/${kept.previous}`);
    expect(previous.State.Running).toBe(false);
    expect((await docker.getContainer(kept.id).inspect()).Config.Env).toContain('MODE2=x');
  });

  it('restart policy and limits change in place (same container), a duplicate is made beside it', async () => {
    const port = await freePort();
    const id = await makeWeb(`${tag}-inplace`, port);
    const outcome = await edit(id, (form) => ({ ...form, restart: 'always', memoryBytes: 96 * 1024 * 1024, nanoCpus: 500_000_000 }));
    expect(outcome).toMatchObject({ id, path: 'update' });
    const info = await docker.getContainer(id).inspect();
    expect(info.HostConfig).toMatchObject({ RestartPolicy: { Name: 'always' }, Memory: 96 * 1024 * 1024, NanoCpus: 500_000_000 });
    expect(info.State.StartedAt).toBeTruthy();

    const copy = await edit(id, (form) => ({ ...form, name: `${tag}-copy`, ports: [] }), 'duplicate');
    expect(copy.path).toBe('duplicate');
    const dup = await docker.getContainer(copy.id).inspect();
    expect(dup.State.Running).toBe(true);
    expect(Object.keys(dup.NetworkSettings.Networks).sort()).toEqual([...networks].sort());
    expect(dup.NetworkSettings.Networks[networks[0]!]!.IPAddress).not.toBe(info.NetworkSettings.Networks[networks[0]!]!.IPAddress);
    expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
  });

  it('refuses to recreate a --rm container (stopping it would delete it) and leaves it running; a duplicate that cannot start leaves nothing behind', async () => {
    const port = await freePort();
    const created = await docker.createContainer({
      name: `${tag}-rm`,
      Image: fixtureImage,
      Cmd: ['sleep', '600'],
      Labels: { 'berth.test': tag },
      HostConfig: { AutoRemove: true, PortBindings: { '80/tcp': [{ HostPort: String(port) }] } },
      ExposedPorts: { '80/tcp': {} },
    });
    await created.start();
    await expect(edit(created.id, (form) => ({ ...form, env: [...form.env, 'CHANGED=1'] }))).rejects.toMatchObject({ reason: 'recreateAutoRemove' });
    expect((await created.inspect()).State.Running).toBe(true);

    // The copy keeps the same host port, which the original holds: its start fails, and it is removed.
    await expect(edit(created.id, (form) => ({ ...form, name: `${tag}-rm-copy` }), 'duplicate')).rejects.toBeDefined();
    expect(await docker.listContainers({ all: true, filters: { name: [`${tag}-rm-copy`] } })).toEqual([]);
  });
});
