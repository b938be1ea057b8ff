import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { containerRunInput } from '../contract/schemas.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { dockerOptionsFor } from './client.js';
import { runContainer } from './run.js';

const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const made: string[] = [];
const folder = mkdtempSync(join(tmpdir(), 'berth-int-a:b,c-'));
writeFileSync(join(folder, 'note'), 'hi');

afterAll(async () => {
  for (const id of made) await docker.getContainer(id).remove({ force: true }).catch(() => undefined);
  rmSync(folder, { recursive: true, force: true });
});

describe('runContainer against the engine', () => {
  it('mounts a host folder whose path holds ":" and ",", read-only, and publishes an IPv6 loopback port', async () => {
    const input = containerRunInput.parse({ image: fixtureImage, mounts: [{ source: folder, target: '/data', readOnly: true }], ports: ['[::1]::80', '80/udp'] });
    const { id } = await runContainer(docker, input);
    made.push(id);
    const info = await docker.getContainer(id).inspect();
    expect(info.Mounts).toEqual([expect.objectContaining({ Type: 'bind', Source: folder, Destination: '/data', RW: false })]);
    expect(info.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '::1', HostPort: '' }], '80/udp': [{ HostIp: '127.0.0.1', HostPort: '' }] });
  });

  it('says a missing host folder is missing, and what to do', async () => {
    const input = containerRunInput.parse({ image: fixtureImage, mounts: [{ source: `${folder}/nope`, target: '/data' }] });
    await expect(runContainer(docker, input)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/bind source path does not exist/), hint: expect.stringMatching(/Create the folder/) });
  });

  // A newcomer who clicked Run before the port check answered read only "The engine reported an
  // error." (reason engineFailed), with the engine's long "driver failed programming external
  // connectivity…" sentence beside it, and nothing to do next.
  it('says which host port is taken when the container cannot start for it, and that the container was made', async () => {
    const holder = await runContainer(docker, containerRunInput.parse({ image: fixtureImage, ports: ['127.0.0.1::80'] }));
    made.push(holder.id);
    const hostPort = (await docker.getContainer(holder.id).inspect()).NetworkSettings.Ports['80/tcp']?.[0]?.HostPort;
    expect(hostPort).toMatch(/^\d+$/);
    const name = `berth-int-port-taken-${process.pid}`;
    made.push(name);
    await expect(runContainer(docker, containerRunInput.parse({ image: fixtureImage, name, ports: [`127.0.0.1:${hostPort}:80`] }))).rejects.toMatchObject({
      code: 'CONFLICT',
      reason: 'hostPortTaken',
      params: { port: `127.0.0.1:${hostPort}`, name },
      engineText: expect.stringMatching(/port is already allocated/),
    });
    // Without a name (the dialog sends ""), the words name the one the engine made up.
    const before = new Set((await docker.listContainers({ all: true })).map((c) => c.Id));
    const unnamed = await runContainer(docker, containerRunInput.parse({ image: fixtureImage, name: '', ports: [`127.0.0.1:${hostPort}:80`] })).catch((e: unknown) => e);
    const left = (await docker.listContainers({ all: true })).find((c) => !before.has(c.Id));
    made.push(left!.Id);
    expect(unnamed).toMatchObject({ reason: 'hostPortTaken', params: { name: left!.Names[0]!.replace(/^\//, '') } });
    expect((unnamed as { params: { name: string } }).params.name).not.toBe('');
  });
});
