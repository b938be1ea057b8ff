import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerEditInput } from '../contract/edit.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { dockerOptionsFor } from './client.js';
import { editableContainer, editContainer } from './edit.js';
import { UpdateChecker } from './update-check.js';

const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const registry = `127.0.0.1:${process.env.BERTH_REGISTRY_PORT ?? '5055'}`;
const registryLog = join(process.env.BERTH_TEST_DIR ?? '/tmp/berth-test', 'registry', 'registry.log');
const repo = `berth-update-${process.pid}`;
const reference = `${registry}/${repo}:latest`;
const label = `berth-update-${process.pid}`;
const anonymous = Buffer.from('{}').toString('base64');

async function drain(stream: NodeJS.ReadableStream): Promise<void> {
  await new Promise<void>((resolve, reject) => docker.modem.followProgress(stream, (error: Error | null, events: { error?: string }[]) => {
    const failed = events?.find((e) => e.error);
    if (error || failed) reject(error ?? new Error(failed!.error));
    else resolve();
  }));
}

/** A new image (a commit of the fixture with a label) pushed as `reference`. */
async function pushVersion(version: string): Promise<string> {
  const maker = await docker.createContainer({ Image: fixtureImage, Labels: { 'berth.test': label } });
  const { Id } = (await maker.commit({ repo: `${registry}/${repo}`, tag: 'latest', changes: [`LABEL version=${version}`] })) as { Id: string };
  await maker.remove({ force: true });
  await drain((await docker.getImage(reference).push({ 'X-Registry-Auth': anonymous } as never)) as unknown as NodeJS.ReadableStream);
  return Id;
}

/** The registry's access log lines for this repository's manifests, from a byte offset. */
function manifestRequests(from: number): string[] {
  return readFileSync(registryLog, 'utf8').slice(from).split('\n').filter((line) => line.includes(`/v2/${repo}/manifests/`)).map((line) => /"(\w+) /.exec(line)?.[1] ?? line);
}

beforeAll(async () => {
  await pushVersion('1');
});

afterAll(async () => {
  for (const c of await docker.listContainers({ all: true, filters: { label: [`berth.test=${label}`] } })) await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
  for (const image of await docker.listImages({ filters: { reference: [`${registry}/${repo}`] } })) await docker.getImage(image.Id).remove({ force: true }).catch(() => undefined);
});

describe('update checks against the local registry', () => {
  it('finds a newer image pushed under the same tag with HEAD requests only, and Update recreates on the new digest', async () => {
    const container = await docker.createContainer({ name: label, Image: reference, Labels: { 'berth.test': label }, Cmd: ['sleep', '300'], StopTimeout: 1 } as Docker.ContainerCreateOptions);
    await container.start();
    const checker = new UpdateChecker(docker);
    expect((await checker.check(true)).images.find((i) => i.reference === reference)).toMatchObject({ status: 'current', containerIds: [container.id] });

    const v2 = await pushVersion('2');
    // As if someone else pushed: the new image is only in the registry.
    await docker.getImage(v2).remove({ force: true });
    const logFrom = readFileSync(registryLog, 'utf8').length;

    // Within the interval and unforced, the registry is not asked again.
    expect((await checker.check(false)).images.find((i) => i.reference === reference)?.status).toBe('current');
    const found = (await checker.check(true)).images.find((i) => i.reference === reference);
    expect(found).toMatchObject({ status: 'available', remoteDigest: expect.stringMatching(/^sha256:/) });
    expect(manifestRequests(logFrom)).toEqual(['HEAD']);

    // Update: pull, then the safe recreate with nothing changed.
    await drain(await docker.pull(reference));
    const { form } = await editableContainer(docker, container.id);
    const outcome = await editContainer(docker, containerEditInput.parse({ id: container.id, form, mode: 'recreate' }));
    const now = await docker.getContainer(outcome.id).inspect();
    expect(now.Name).toBe(`/${label}`);
    expect(now.Image).toBe(v2);
    expect(now.State.Running).toBe(true);
    expect((await checker.check(true)).images.find((i) => i.reference === reference)?.status).toBe('current');
  });

  it('says an image built here (no registry digest) is unknown rather than asking anyone', async () => {
    const container = await docker.createContainer({ Image: fixtureImage, Labels: { 'berth.test': label } });
    const found = (await new UpdateChecker(docker).check(true)).images.find((i) => i.containerIds.includes(container.id));
    expect(found).toMatchObject({ reference: fixtureImage, status: 'unknown' });
  });
});
