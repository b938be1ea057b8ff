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

  it('a prune preview of unused images leaves out an image a container (even a stopped one) uses', async () => {
    const used = `${repo}:used`;
    const unused = `${repo}:unused`;
    const source = await docker.createContainer({ Image: fixtureImage, Labels: { 'dev.berth.e2e': '1' } });
    await source.commit({ repo, tag: 'used', changes: 'LABEL berth.int=used' });
    await source.commit({ repo, tag: 'unused', changes: 'LABEL berth.int=unused' });
    await source.remove();
    const user = await docker.createContainer({ Image: used, Labels: { 'dev.berth.e2e': '1' } });
    try {
      const preview = await new DockerImages(docker).prunePreview({ mode: 'unused' });
      const previewed = preview.images.flatMap((image) => image.tags);
      expect(previewed).toContain(unused);
      expect(previewed).not.toContain(used);
    } finally {
      await user.remove({ force: true });
      for (const tag of [used, unused]) await docker.getImage(tag).remove({ force: true }).catch(() => undefined);
    }
  });
});
