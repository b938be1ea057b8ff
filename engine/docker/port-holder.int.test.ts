import { createServer, type Server } from 'node:net';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { portHolderInput } from '../contract/edit.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { dockerOptionsFor } from './client.js';
import { DockerContainers } from './containers.js';

const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const containers = new DockerContainers(docker);
const made: string[] = [];
const servers: Server[] = [];

afterAll(async () => {
  for (const id of made) await docker.getContainer(id).remove({ force: true }).catch(() => undefined);
  for (const server of servers) server.close();
});

function listen(port = 0): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    servers.push(server);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

/** A port nobody listens on now: listened on, then closed (awaited). */
async function freePort(): Promise<number> {
  const port = await listen();
  const server = servers.pop()!;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const holder = (hostPort: number, except?: string) => containers.hostPortHolder(portHolderInput.parse({ hostIp: '127.0.0.1', hostPort, ...(except ? { except } : {}) }));

describe('what holds a host port', () => {
  it('names the container publishing it (not while editing that container), and the next free port', async () => {
    const port = await freePort();
    const container = await docker.createContainer({ Image: fixtureImage, StopTimeout: 1, HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] } } });
    made.push(container.id);
    await container.start();
    const name = (await container.inspect()).Name.replace(/^\//, '');
    const found = await holder(port);
    expect(found).toMatchObject({ kind: 'container', id: container.id, name });
    expect((found as { nextFree: number }).nextFree).toBeGreaterThan(port);
    expect(await holder(port, container.id)).toEqual({ kind: 'free' });
  });

  it('names a program on this machine by its process, and says free when nobody has it', async () => {
    const port = await listen();
    expect(await holder(port)).toMatchObject({ kind: 'process', pid: process.pid, program: expect.any(String) });
    expect(await holder(await freePort())).toEqual({ kind: 'free' });
  });
});
