import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerEditInput } from '../contract/edit.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { dockerOptionsFor } from './client.js';
import { editableContainer, editContainer } from './edit.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { headManifest, registryBase } from './registry-head.js';
import { registryAuthFor, saveRegistryLogin } from './registry-auth.js';
import { UpdateChecker } from './update-check.js';

const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const registry = `127.0.0.1:${process.env.BERTH_REGISTRY_PORT ?? '5055'}`;
const registryLog = join(process.env.BERTH_TEST_DIR ?? '/tmp/berth-test', 'registry', 'registry.log');
const repo = `berth-update-${process.pid}`;
const reference = `${registry}/${repo}:latest`;
const label = `berth-update-${process.pid}`;
const anonymous = Buffer.from('{}').toString('base64');
const made: string[] = [];

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
  for (const id of made) await docker.getContainer(id).remove({ force: true }).catch(() => undefined);
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

  it('asks a registry that wants a login with the saved login (Basic), and says it failed without one', async () => {
    const authRegistry = `127.0.0.1:${process.env.BERTH_REGISTRY_AUTH_PORT ?? '5056'}`;
    const password = process.env.BERTH_REGISTRY_PASSWORD ?? 'berth-secret';
    const privateRef = `${authRegistry}/${repo}:latest`;
    const authconfig = { username: 'berth', password, serveraddress: authRegistry };
    await docker.getImage(fixtureImage).tag({ repo: `${authRegistry}/${repo}`, tag: 'latest' });
    await drain((await docker.getImage(privateRef).push({ authconfig })) as unknown as NodeJS.ReadableStream);
    const container = await docker.createContainer({ Image: privateRef, Labels: { 'berth.test': label } });
    made.push(container.id);
    const config = mkdtempSync(join(tmpdir(), 'berth-update-config-'));
    try {
      const env = { DOCKER_CONFIG: config };
      // The checker's own asker, reading logins from this test's docker config instead of the person's.
      const checker = new UpdateChecker(docker, async (reference, insecure) => headManifest(reference, registryBase(reference.domain, insecure), await registryAuthFor(reference.domain, env)));
      const anonymousAnswer = (await checker.check(true)).images.find((i) => i.containerIds.includes(container.id));
      expect(anonymousAnswer).toMatchObject({ status: 'failed', error: { reason: 'updateCheckFailed', params: { image: privateRef }, engineText: expect.stringMatching(/401/) } });
      await saveRegistryLogin(authRegistry, 'berth', password, env);
      expect((await checker.check(true)).images.find((i) => i.containerIds.includes(container.id))?.status).toBe('current');
    } finally {
      rmSync(config, { recursive: true, force: true });
      await docker.getImage(privateRef).remove().catch(() => undefined);
      // The fixture image keeps a repo@digest name from the push: take that off too.
      for (const name of (await docker.getImage(fixtureImage).inspect()).RepoDigests ?? []) {
        if (name.startsWith(`${authRegistry}/`)) await docker.getImage(name).remove().catch(() => undefined);
      }
    }
  });

  // The contract fuzz saw images.checkUpdates take 4.5 s of its 10 s: each registry request had 15 s
  // of its own and the answer waited for every row. A registry that takes the connection and never
  // answers now fails its row when the check's time is up, and the check answers.
  it('answers within its deadline when a registry never answers, that row failed with no answer', { timeout: 10_000 }, async () => {
    const held: Socket[] = [];
    const silent = createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    const container = await docker.createContainer({ Image: reference, Labels: { 'berth.test': label } });
    made.push(container.id);
    try {
      const checker = new UpdateChecker(docker, (ref, _insecure, signal) => headManifest(ref, base, undefined, fetch, signal), Date.now, 1_000);
      const found = (await checker.check(true)).images.find((i) => i.containerIds.includes(container.id));
      expect(found).toMatchObject({ status: 'failed', error: { reason: 'updateCheckFailed', params: { image: reference }, engineText: 'no answer within 1 s' } });
    } finally {
      held.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

