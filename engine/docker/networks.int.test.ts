import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { dockerOptionsFor } from './client.js';
import { DockerNetworks } from './networks.js';

const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const network = `berth-int-net-${process.pid}`;
let containerId: string | undefined;

afterAll(async () => {
  if (containerId) await docker.getContainer(containerId).remove({ force: true }).catch(() => undefined);
  await docker.getNetwork(network).remove().catch(() => undefined);
});

describe('removing a network against the engine', () => {
  it('with a running container connected, is refused by reason (the Korean UI showed the engine’s English)', async () => {
    await docker.createNetwork({ Name: network, Labels: { 'dev.berth.e2e': '1' } });
    const container = await docker.createContainer({ Image: fixtureImage, Labels: { 'dev.berth.e2e': '1' }, HostConfig: { NetworkMode: network } });
    containerId = container.id;
    await container.start();
    await expect(new DockerNetworks(docker).remove(network)).rejects.toMatchObject({
      reason: 'networkInUse',
      params: { network },
      message: expect.stringMatching(/active endpoints/),
    });
  });
});
