import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { dockerOptionsFor } from './client.js';
import { DockerVolumes } from './volumes.js';

const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const volume = `berth-int-busy-${process.pid}`;
const made: string[] = [];

afterAll(async () => {
  for (const id of made) await docker.getContainer(id).remove({ force: true }).catch(() => undefined);
  await docker.getVolume(volume).remove().catch(() => undefined);
});

describe('removing a volume something uses', () => {
  it('is refused naming the containers, and Berth’s own helper as "Berth"; the volume stays', async () => {
    await docker.createVolume({ Name: volume });
    const mount = { HostConfig: { Binds: [`${volume}:/v`] } };
    const user = await docker.createContainer({ Image: fixtureImage, name: `berth-int-user-${process.pid}`, Labels: { 'dev.berth.e2e': '1' }, ...mount });
    const helper = await docker.createContainer({ Image: fixtureImage, Labels: { 'dev.berth.helper': '1' }, ...mount });
    made.push(user.id, helper.id);
    const [outcome] = await new DockerVolumes(docker).remove({ names: [volume] });
    expect(outcome).toMatchObject({ ok: false, error: { reason: 'volumeInUse', params: { volume } } });
    expect([...(outcome!.error!.params!.containers as string[])].sort()).toEqual(['Berth', `berth-int-user-${process.pid}`]);
    await expect(docker.getVolume(volume).inspect()).resolves.toMatchObject({ Name: volume });
    const preview = await new DockerVolumes(docker).prunePreview();
    expect(preview.volumes.map((v) => v.name)).not.toContain(volume);
  });
});
