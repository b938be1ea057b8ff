import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { dockerOptionsFor } from './client.js';
import { DockerImages } from './images.js';

const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const repo = `berth-int-helperlike-${process.pid}`;
let containerId: string | undefined;

afterAll(async () => {
  if (containerId) await docker.getContainer(containerId).remove({ force: true }).catch(() => undefined);
  await docker.getImage(`${repo}:1`).remove({ force: true }).catch(() => undefined);
});

describe('the image list against the engine', () => {
  it('leaves out an image labelled as Berth’s helper, as the container list leaves out its containers', async () => {
    const container = await docker.createContainer({ Image: fixtureImage, Labels: { 'dev.berth.e2e': '1' } });
    containerId = container.id;
    await container.commit({ repo, tag: '1', changes: 'LABEL dev.berth.helper=1' });
    const listed = (await new DockerImages(docker).list()).flatMap((image) => image.tags);
    expect(listed).toContain(fixtureImage);
    expect(listed).not.toContain(`${repo}:1`);
  });
});
