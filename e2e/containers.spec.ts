import { expect, test } from '@playwright/test';
import { ContainersPage, openBerth } from './support/app';
import { createContainer, docker, removeE2eContainers, runContainer, stateOf, uniqueName } from './support/engine';

test.describe('containers', () => {
  test.afterEach(removeE2eContainers);

  test('a container made with the docker CLI appears, changes and goes without a reload', async ({ page }) => {
    await openBerth(page);
    const list = new ContainersPage(page);
    const name = uniqueName('cli');

    await createContainer(name);
    await expect(list.row(name)).toContainText('Created');

    await docker('start', name);
    await expect(list.row(name)).toContainText('Running');

    await docker('rm', '-f', name);
    await expect(list.row(name)).toHaveCount(0);
  });

  test('start, pause, resume, restart, stop and kill from the toolbar change the engine', async ({ page }) => {
    await openBerth(page);
    const list = new ContainersPage(page);
    const name = uniqueName('life');
    await createContainer(name);
    await list.search(name);
    await list.select(name);

    await list.action('Start').click();
    await expect.poll(async () => (await stateOf(name))?.Status).toBe('running');
    await expect(list.row(name)).toContainText('Running');
    await expect(page.getByRole('group', { name: 'Last action as a command' })).toContainText(`docker start ${name}`);

    await list.action('Pause').click();
    await expect.poll(async () => (await stateOf(name))?.Status).toBe('paused');
    await expect(list.row(name)).toContainText('Paused');

    await list.action('Resume').click();
    await expect.poll(async () => (await stateOf(name))?.Status).toBe('running');

    const startedBefore = await docker('inspect', '--format', '{{.State.StartedAt}}', name);
    await list.action('Restart').click();
    await expect.poll(() => docker('inspect', '--format', '{{.State.StartedAt}}', name), { timeout: 20_000 }).not.toBe(startedBefore);

    await list.action('Stop').click();
    await expect.poll(async () => (await stateOf(name))?.Status, { timeout: 20_000 }).toBe('exited');
    await expect(list.row(name)).toContainText('Exited');

    await list.action('Start').click();
    await expect.poll(async () => (await stateOf(name))?.Status).toBe('running');
    await list.action('Kill').click();
    await expect.poll(async () => (await stateOf(name))?.Status).toBe('exited');
  });

  test('stops three selected containers at once', async ({ page }) => {
    await openBerth(page);
    const list = new ContainersPage(page);
    const prefix = uniqueName('bulk');
    const names = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`];
    await Promise.all(names.map((n) => runContainer(n)));
    await list.search(prefix);
    for (const name of names) await expect(list.row(name)).toContainText('Running');

    await page.getByRole('checkbox', { name: 'Select all shown' }).check();
    await expect(page.getByText('3 selected')).toBeVisible();
    await list.action('Stop').click();

    for (const name of names) {
      await expect.poll(async () => (await stateOf(name))?.Running, { timeout: 20_000 }).toBe(false);
      await expect(list.row(name)).toContainText('Exited');
    }
  });

  test('rename: a taken name shows the engine’s refusal, a free one renames', async ({ page }) => {
    await openBerth(page);
    const list = new ContainersPage(page);
    const first = uniqueName('first');
    const second = uniqueName('second');
    await createContainer(first);
    await createContainer(second);

    await list.select(second);
    await list.action('Rename').click();
    const dialog = page.getByRole('dialog', { name: 'Rename container' });
    const field = dialog.getByRole('textbox', { name: 'New name' });

    await field.fill('bad name!');
    await expect(dialog.getByText(/starts with a letter or digit/)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Rename' })).toBeDisabled();

    await field.fill(first);
    await expect(dialog.getByRole('group', { name: 'Docker command' })).toContainText(`docker rename ${second} ${first}`);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog.getByRole('alert')).toContainText('already in use');
    await expect(dialog.getByRole('alert')).toContainText('Choose another name');

    const renamed = uniqueName('renamed');
    await field.fill(renamed);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toBeHidden();
    await expect(list.row(renamed)).toBeVisible();
    expect(await stateOf(renamed)).toBeDefined();
    expect(await stateOf(second)).toBeUndefined();
  });

  test('remove asks first, names what goes, and can take anonymous volumes along', async ({ page }) => {
    await openBerth(page);
    const list = new ContainersPage(page);
    const name = uniqueName('rm');
    await runContainer(name, '-v', '/data');
    const volume = await docker('inspect', '--format', '{{range .Mounts}}{{.Name}}{{end}}', name);
    expect(volume).toMatch(/^[0-9a-f]{64}$/);

    await list.select(name);
    await list.action('Remove').click();
    const dialog = page.getByRole('dialog', { name: 'Remove 1 container?' });
    await expect(dialog).toContainText(name);
    await expect(dialog).toContainText('it will be stopped and removed');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await stateOf(name)).toBeDefined();

    await list.action('Remove').click();
    await dialog.getByRole('checkbox', { name: /Also remove 1 anonymous volume/ }).check();
    await expect(dialog.getByRole('group', { name: 'Docker command' })).toContainText(`docker rm -f -v ${name}`);
    await dialog.getByRole('button', { name: 'Remove' }).click();

    await expect(list.row(name)).toHaveCount(0);
    expect(await stateOf(name)).toBeUndefined();
    expect(await docker('volume', 'ls', '-q')).not.toContain(volume);
  });

  test('a published port is a link to the mapped address', async ({ page, request }) => {
    await openBerth(page);
    const list = new ContainersPage(page);
    const name = uniqueName('web');
    await runContainer(name, '-p', '127.0.0.1::80');
    const published = await docker('port', name, '80/tcp');
    const hostPort = published.split('\n')[0]!.split(':').at(-1)!;

    const link = list.row(name).getByRole('link', { name: `127.0.0.1:${hostPort}→80/tcp` });
    await expect(link).toHaveAttribute('href', `http://127.0.0.1:${hostPort}/`);
    await expect(link).toHaveAttribute('target', '_blank');
    const response = await request.get((await link.getAttribute('href'))!);
    expect(await response.text()).toContain('berth fixture');
  });

  test('search and the running filter narrow the list', async ({ page }) => {
    await openBerth(page);
    const list = new ContainersPage(page);
    const prefix = uniqueName('find');
    await runContainer(`${prefix}-up`);
    await createContainer(`${prefix}-down`);

    await list.search(prefix);
    await expect(list.row(`${prefix}-up`)).toBeVisible();
    await expect(list.row(`${prefix}-down`)).toBeVisible();

    await page.getByRole('combobox', { name: 'Show' }).selectOption('running');
    await expect(list.row(`${prefix}-down`)).toHaveCount(0);
    await expect(list.row(`${prefix}-up`)).toBeVisible();
    await expect(page.getByRole('group', { name: 'This list as a command' })).toContainText('docker ps');

    await list.search(`${prefix}-nothing`);
    await expect(page.getByText(`No container matches “${prefix}-nothing”.`)).toBeVisible();
  });
});
