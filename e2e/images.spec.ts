import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openBerth, findImage } from './support/app';
import { docker, e2eLabel, fixtureImage, removeE2eContainers, uniqueName } from './support/engine';

const registry = `127.0.0.1:${process.env.BERTH_REGISTRY_PORT || 5055}`;

/** A new image of its own (one layer over the fixture) under `tag`, so removing it really deletes something. */
async function makeImage(tag: string): Promise<string> {
  const maker = uniqueName('maker');
  await docker('run', '--name', maker, '--label', e2eLabel, fixtureImage, 'sh', '-c', `echo ${maker} > /made-by`);
  const id = await docker('commit', maker, tag);
  await docker('rm', maker);
  return id;
}
test.afterEach(removeE2eContainers);

async function openImages(page: Page) {
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  await expect(page.getByRole('heading', { name: 'Images' })).toBeVisible();
}

async function imageExists(reference: string): Promise<boolean> {
  return docker('image', 'inspect', reference).then(
    () => true,
    () => false,
  );
}

test('pull from a registry with per-layer progress', async ({ page }) => {
  // An image with a layer of its own, so the pull has something to download.
  const reference = `${registry}/e2e/fixture:${uniqueName('tag').slice(4)}`;
  await makeImage(reference);
  await docker('push', reference);
  await docker('rmi', reference);

  await openImages(page);
  await page.getByRole('button', { name: 'Pull…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pull an image' });
  await dialog.getByRole('textbox', { name: 'Image' }).fill(reference);
  await expect(dialog.getByRole('group', { name: 'Docker command' })).toContainText(`docker pull ${reference}`);
  await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(`Pulled ${reference}`, { timeout: 30_000 });
  await expect(dialog.getByRole('list', { name: 'Layers' }).getByRole('listitem')).not.toHaveCount(0);
  expect(await imageExists(reference)).toBe(true);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('cell', { name: reference, exact: true })).toBeVisible();
  await docker('rmi', reference);
});

test('pull: a bad reference is refused before any request; an unknown tag shows the registry’s answer', async ({ page }) => {
  await openImages(page);
  await page.getByRole('button', { name: 'Pull…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pull an image' });
  const field = dialog.getByRole('textbox', { name: 'Image' });
  await field.fill('Nginx:latest');
  await expect(dialog.getByText('repository names are lowercase, e.g. nginx')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Pull', exact: true })).toBeDisabled();

  await field.fill(`${registry}/e2e/fixture:no-such-tag`);
  await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('manifest unknown', { timeout: 30_000 });
  await expect(dialog.getByRole('alert')).toContainText('Check the name and the tag');
});

test('run dialog: checks as you type, shows docker run, and runs with a port and a volume', async ({ page, request }) => {
  const volume = uniqueName('vol');
  await docker('run', '--rm', '-v', `${volume}:/data`, fixtureImage, 'sh', '-c', 'echo hello from the volume > /data/note');
  // A port something else already holds on this machine.
  const holder: Server = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const takenPort = (holder.address() as { port: number }).port;

  try {
    await openImages(page);
    await findImage(page, fixtureImage);
    await page.getByRole('button', { name: `Run ${fixtureImage}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Run a container' });
    // EXPOSE 80 is offered.
    await expect(dialog.getByRole('textbox', { name: 'Container port 1' })).toHaveValue('80');

    await dialog.getByRole('textbox', { name: 'Host port 1' }).fill(String(takenPort));
    await expect(dialog.getByText(`Port ${takenPort} is already taken on this machine`)).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Environment (KEY=value, one per line)' }).fill('GOOD=1\nnot an env line');
    await expect(dialog.getByText('Line 2: The name “not an env line” has spaces')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();

    const name = uniqueName('run');
    await dialog.getByRole('textbox', { name: 'Name (optional)' }).fill(name);
    await dialog.getByRole('textbox', { name: 'Host port 1' }).fill('');
    await dialog.getByRole('textbox', { name: 'Environment (KEY=value, one per line)' }).fill('GREETING=hi');
    await dialog.getByRole('button', { name: '+ Add volume' }).click();
    await dialog.getByRole('textbox', { name: 'Volume or host folder 1' }).fill('relative/path');
    await expect(dialog.getByText('is a relative path; host folders are absolute')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Volume or host folder 1' }).fill(volume);
    await dialog.getByRole('textbox', { name: 'Path in the container 1' }).fill('/data');
    await expect(dialog.getByRole('group', { name: 'Docker command' })).toContainText(
      `docker run -d --name ${name} -p 127.0.0.1::80 --mount type=volume,source=${volume},target=/data -e GREETING=hi ${fixtureImage}`,
    );
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();

    // Berth opens the new container.
    await expect(page.getByRole('heading', { name })).toBeVisible();
    const labelled = await docker('inspect', '--format', '{{index .Config.Env 0}}', name);
    expect(labelled).toBe('GREETING=hi');
    const hostPort = (await docker('port', name, '80/tcp')).split('\n')[0]!.split(':').at(-1);
    expect((await request.get(`http://127.0.0.1:${hostPort}/`)).ok()).toBe(true);
    expect(await docker('exec', name, 'cat', '/data/note')).toBe('hello from the volume');
    await docker('rm', '-f', name);
  } finally {
    holder.close();
    await docker('volume', 'rm', '-f', volume).catch(() => undefined);
  }
});

test('an image in use is not removed: the engine’s reason is shown, force is offered', async ({ page }) => {
  const tag = `e2e/inuse:${uniqueName('t').slice(4)}`;
  await makeImage(tag);
  const name = uniqueName('user');
  await docker('create', '--name', name, '--label', e2eLabel, tag);
  await openImages(page);
  // Untag only this tag by id would remove the fixture too: select by its own name.
  await page.getByRole('checkbox', { name: `Select ${tag}` }).check();
  await page.getByRole('toolbar', { name: 'Image actions' }).getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove 1 image?' });
  await expect(dialog).toContainText(`used by ${name}`);
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('alert')).toContainText(/conflict|being used|must force/i);
  await expect(page.getByRole('button', { name: 'Remove anyway (force)' })).toBeVisible();
  expect(await imageExists(tag)).toBe(true);
  await docker('rm', '-f', name);
  await docker('rmi', tag).catch(() => undefined);
});

test('prune shows what it will delete, then deletes exactly that', async ({ page }) => {
  // Building the same tag twice leaves the first image dangling.
  const tag = `e2e/dangling:${uniqueName('t').slice(4)}`;
  const first = await makeImage(tag);
  await makeImage(tag);
  const dangling = (await docker('images', '-q', '--no-trunc', '-f', 'dangling=true')).split('\n').filter(Boolean);
  const before = new Set((await docker('images', '-q', '--no-trunc', '-a')).split('\n').filter(Boolean));

  await openImages(page);
  await page.getByRole('button', { name: 'Prune…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Prune images' });
  const list = dialog.getByRole('list', { name: 'Images to delete' });
  await expect(list.getByRole('listitem')).toHaveCount(dangling.length);
  await dialog.getByRole('button', { name: /^Delete \d+ images?$/ }).click();
  await expect(dialog.getByRole('status')).toContainText(`Deleted ${dangling.length} image`);

  const after = new Set((await docker('images', '-q', '--no-trunc', '-a')).split('\n').filter(Boolean));
  const deleted = [...before].filter((id) => !after.has(id));
  expect(deleted.sort()).toEqual(dangling.sort());
  expect(deleted).toContain(first);
  await docker('rmi', tag).catch(() => undefined);
});

test('image detail: layers with what made them, layers shared with other images and the disk it saves, config', async ({ page }) => {
  const tag = `e2e/detail:${uniqueName('t').slice(4)}`;
  await makeImage(tag);
  const name = uniqueName('holder');
  await docker('create', '--name', name, '--label', e2eLabel, tag);
  await openImages(page);
  await page.getByRole('button', { name: tag, exact: true }).click();
  await expect(page.getByRole('heading', { name: tag })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Docker command' })).toContainText(`docker image history ${tag}`);
  const layers = page.getByRole('table', { name: 'Layers, newest first' });
  // The new step's layer is this image's own; the base layer came from the fixture's import and is shared.
  await expect(layers.getByRole('row').filter({ hasText: 'echo e2e-maker' })).toContainText('—');
  await expect(layers.getByRole('row').filter({ hasText: 'imported' })).not.toContainText('—');
  await expect(page.getByText(/Sharing layers with other local images saves [\d.]+ [KM]?B of disk\./)).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: name })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '80/tcp' })).toBeVisible();
  await docker('rm', name);
  await docker('rmi', tag);
});

test('build: a folder with a .dockerignore becomes an image that runs; a failing step is named', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'berth-build-'));
  writeFileSync(join(folder, 'Dockerfile'), `FROM ${fixtureImage}\nCOPY . /ctx/\nCMD ["cat", "/ctx/hello.txt"]\n`);
  writeFileSync(join(folder, 'hello.txt'), 'built by Berth\n');
  writeFileSync(join(folder, 'secret.txt'), 'never in the context\n');
  writeFileSync(join(folder, '.dockerignore'), 'secret.txt\n');
  const tag = `e2e/built:${uniqueName('t').slice(4)}`;

  await openImages(page);
  await page.getByRole('button', { name: 'Build…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Build an image' });
  await dialog.getByRole('textbox', { name: 'Folder (build context)' }).fill(folder);
  await dialog.getByRole('textbox', { name: 'Name for the image (optional)' }).fill(tag);
  await expect(dialog.getByRole('group', { name: 'Docker command' })).toContainText(`docker build --force-rm -t ${tag} ${folder}`);
  await dialog.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(`Built ${tag}`, { timeout: 60_000 });
  await expect(dialog.getByLabel('Build output')).toContainText('Step 2/3 : COPY . /ctx/');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: tag, exact: true })).toBeVisible();
  expect(await docker('run', '--rm', tag)).toBe('built by Berth');
  expect(await docker('run', '--rm', tag, 'ls', '/ctx')).not.toContain('secret.txt');
  await docker('rmi', tag);

  // Without a name: the engine sends no image event for it, and the list still shows it.
  writeFileSync(join(folder, 'Dockerfile'), `FROM ${fixtureImage}\nLABEL e2e.unnamed=${uniqueName('u')}\n`);
  await page.getByRole('button', { name: 'Build…' }).click();
  await dialog.getByRole('textbox', { name: 'Folder (build context)' }).fill(folder);
  await dialog.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(/Built [0-9a-f]{12}/, { timeout: 60_000 });
  const unnamed = /Built ([0-9a-f]{12})/.exec((await dialog.getByRole('status').innerText()) ?? '')![1]!;
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('row', { name: new RegExp(unnamed) })).toBeVisible();
  await docker('rmi', unnamed);

  writeFileSync(join(folder, 'Dockerfile'), `FROM ${fixtureImage}\nRUN echo about to fail && false\n`);
  await page.getByRole('button', { name: 'Build…' }).click();
  await dialog.getByRole('textbox', { name: 'Folder (build context)' }).fill(folder);
  await dialog.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Step 2/2 : RUN echo about to fail && false', { timeout: 60_000 });
  await expect(dialog.getByRole('alert')).toContainText('returned a non-zero code');
});

test('pull: cancel stops it, and the image does not arrive', async ({ page }) => {
  test.setTimeout(120_000);
  // Big enough (120 MB of random bytes) that the pull is still running when Cancel is pressed.
  const reference = `${registry}/e2e/big:${uniqueName('t').slice(4)}`;
  const maker = uniqueName('maker');
  await docker('run', '--name', maker, '--label', e2eLabel, fixtureImage, 'sh', '-c', 'head -c 120000000 /dev/urandom > /big');
  await docker('commit', maker, reference);
  await docker('rm', maker);
  await docker('push', reference);
  await docker('rmi', reference);

  await openImages(page);
  await page.getByRole('button', { name: 'Pull…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pull an image' });
  await dialog.getByRole('textbox', { name: 'Image' }).fill(reference);
  await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
  await dialog.getByRole('button', { name: 'Cancel pull' }).click();
  await expect(dialog.getByRole('status')).toHaveText('The pull was cancelled.');
  // The engine stops too: the image never shows up.
  await new Promise((r) => setTimeout(r, 3000));
  expect(await imageExists(reference)).toBe(false);
});
