import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { containerFiles } from './archive-files.js';
import { dockerOptionsFor } from './client.js';
import { listRunningFolder } from './exec-listing.js';

const docker = new Docker(dockerOptionsFor(requireDockerHost()));
const suffix = Date.now().toString(36);
const started: string[] = [];

async function running(name: string, setup: string): Promise<string> {
  const container = await docker.createContainer({ name: `${name}-${suffix}`, Image: fixtureImage, Cmd: ['sh', '-c', `${setup} && touch /ready && sleep 3600`] });
  started.push(container.id);
  await container.start();
  for (let i = 0; i < 100; i++) {
    if (await container.infoArchive({ path: '/ready' }).then(() => true, () => false)) return container.id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the fixture container did not get ready');
}

let id: string;

beforeAll(async () => {
  id = await running(
    'int-list',
    [
      'mkdir -p "/d/sub dir/deep" /odd',
      'printf 12345 > "/d/with space.txt"',
      'head -c 70000 /dev/zero > "/d/sub dir/deep/big"',
      'ln -s "with space.txt" /d/link',
      'head -c 3000 /dev/zero > /odd/plain',
      'printf x > "/odd/two\nlines"',
    ].join(' && '),
  );
});

afterAll(async () => {
  for (const id of started) await docker.getContainer(id).remove({ force: true }).catch(() => undefined);
});

/** Runs `work` while the container is stopped, then starts it again. */
async function stopped<T>(work: () => Promise<T>): Promise<T> {
  const container = docker.getContainer(id);
  await container.stop({ t: 0 });
  try {
    return await work();
  } finally {
    await container.start();
  }
}

describe('listing a running container’s folder one level deep (real engine)', () => {
  it('gives names, types, file sizes and link targets (as the engine resolves them) through exec, folder sizes left out', async () => {
    const entries = await listRunningFolder(docker, id, '/d');
    expect(entries?.map(({ mtime: _mtime, ...rest }) => rest).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'link', type: 'symlink', size: 0, linkTarget: '/d/with space.txt' },
      { name: 'sub dir', type: 'directory' },
      { name: 'with space.txt', type: 'file', size: 5 },
    ]);
    expect(entries?.every((e) => Math.abs(e.mtime - Date.now() / 1000) < 600)).toBe(true);
  });

  it('agrees with the archive API on what is in "/"', async () => {
    const viaExec = (await containerFiles.list(docker, id, '/')).map((e) => `${e.name}:${e.type}`);
    const viaArchive = await stopped(() => containerFiles.list(docker, id, '/'));
    expect(viaExec).toEqual(viaArchive.map((e) => `${e.name}:${e.type}`));
    expect(viaExec).toContain('d:directory');
    // Stopped, the archive API lists it, with folder sizes summed.
    expect(viaArchive.find((e) => e.name === 'd')).toMatchObject({ size: 70_005 });
  });

  it('leaves a name with a line break to the archive API, which lists it whole', async () => {
    expect(await listRunningFolder(docker, id, '/odd')).toBeUndefined();
    expect((await containerFiles.list(docker, id, '/odd')).map((e) => e.name)).toEqual(['plain', 'two\nlines']);
  });

  it('leaves a missing folder to the archive API, which says so', async () => {
    expect(await listRunningFolder(docker, id, '/no/such/folder')).toBeUndefined();
    await expect(containerFiles.list(docker, id, '/no/such/folder')).rejects.toThrow('does not exist');
  });
});
