import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { dockerOptionsFor } from './client.js';
import { DockerContainers } from './containers.js';
import { DockerNetworks, explainMissingNetwork } from './networks.js';
import { fromDockerError } from './errors.js';

const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const network = `berth-int-net-${process.pid}`;
const made: string[] = [];

afterAll(async () => {
  for (const id of made) await docker.getContainer(id).remove({ force: true }).catch(() => undefined);
  await docker.getNetwork(network).remove().catch(() => undefined);
});

/** A client on the same engine that records the path of every request it makes. */
function recordingClient(): { docker: Docker; paths: string[] } {
  const recording = new Docker(dockerOptionsFor(requireDockerHost()));
  const paths: string[] = [];
  const modem = recording.modem as { dial(options: { path: string }, callback: unknown): unknown };
  const dial = modem.dial.bind(modem);
  modem.dial = (options, callback) => {
    paths.push(options.path);
    return dial(options, callback);
  };
  return { docker: recording, paths };
}

describe('networks against the engine', () => {
  it('are listed from the networks alone: which containers use each comes with the containers list', async () => {
    const { id } = await docker.createNetwork({ Name: network, Labels: { 'dev.berth.e2e': '1' } });
    const onNetwork = { Image: fixtureImage, Labels: { 'dev.berth.e2e': '1' }, HostConfig: { NetworkMode: network } };
    const started = await docker.createContainer({ ...onNetwork, name: `berth-int-started-${process.pid}` });
    const created = await docker.createContainer({ ...onNetwork, name: `berth-int-created-${process.pid}` });
    const helper = await docker.createContainer({ ...onNetwork, Labels: { 'dev.berth.helper': '1' } });
    made.push(started.id, created.id, helper.id);
    await started.start();
    await started.stop({ t: 0 });

    // Listing every container cost ~70 ms of the engine's time at 1,000 containers, against ~1 ms for GET /networks.
    const { docker: recording, paths } = recordingClient();
    const listed = (await new DockerNetworks(recording).list()).find((n) => n.id === id);
    expect(listed).toMatchObject({ name: network, builtIn: false });
    expect(paths.map((p) => p.replace(/\?.*/, ''))).toEqual(['/networks']);

    const rows = await new DockerContainers(docker).list();
    // A container that has run on the network carries the network's id (the engine starts it by that
    // id); one never started carries only the name its settings hold.
    expect(rows.find((c) => c.id === started.id)?.networks).toEqual([{ name: network, id }]);
    expect(rows.find((c) => c.id === created.id)?.networks).toEqual([{ name: network }]);
    expect(rows.map((c) => c.id)).not.toContain(helper.id);
  });

  it('a container whose network was removed and made again under its name is told to connect to the new one, not to make it again', async () => {
    const again = `berth-int-again-${process.pid}`;
    await docker.createNetwork({ Name: again });
    const container = await docker.createContainer({ Image: fixtureImage, Labels: { 'dev.berth.e2e': '1' }, HostConfig: { NetworkMode: again } });
    made.push(container.id);
    await container.start();
    await container.stop({ t: 0 });
    await docker.getNetwork(again).remove();
    await docker.createNetwork({ Name: again });
    try {
      // The engine starts it by the old network's id, which is gone (the name now names another).
      const refused = await container.start().then(() => undefined, (e: unknown) => e);
      const explained = await explainMissingNetwork(docker, container.id, fromDockerError(refused, 'Container'));
      expect(explained).toMatchObject({ reason: 'networkReplaced', params: { network: again } });
    } finally {
      await docker.getNetwork(again).remove().catch(() => undefined);
    }
  });

  it('with a running container connected, is refused by reason (the Korean UI showed the engine’s English)', async () => {
    const name = `berth-int-running-${process.pid}`;
    const container = await docker.createContainer({ name, Image: fixtureImage, Labels: { 'dev.berth.e2e': '1' }, HostConfig: { NetworkMode: network } });
    made.push(container.id);
    await container.start();
    // The refusal names the running containers (the engine's own words name only the network's id).
    await expect(new DockerNetworks(docker).remove(network)).rejects.toMatchObject({
      reason: 'networkInUseBy',
      params: { network, containers: [name] },
      message: expect.stringMatching(/active endpoints/),
    });
  });
});
