import { createServer } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { ContainersPage, openBerth } from './support/app';
import { docker, fixtureImage, removeE2eContainers, runContainer, uniqueName } from './support/engine';

test.afterEach(async () => {
  // The edited and duplicated containers carry the e2e label: it is copied like every other field.
  await removeE2eContainers();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function served(port: number): Promise<string> {
  try {
    return await (await fetch(`http://127.0.0.1:${port}/`)).text();
  } catch {
    return '';
  }
}

async function openDetail(page: Page, name: string) {
  await openBerth(page);
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

test('edit: a port held by another container is named, the next free one is one click away, and Apply serves on it', async ({ page }) => {
  const [mine, theirs] = [await freePort(), await freePort()];
  const name = uniqueName('edit');
  const blocker = uniqueName('holder');
  await runContainer(name, '-p', `127.0.0.1:${mine}:80`, '-e', 'MODE=prod');
  await runContainer(blocker, '-p', `127.0.0.1:${theirs}:80`);
  const before = await docker('inspect', '--format', '{{.Id}}', name);

  await openDetail(page, name);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${name}` });
  await expect(dialog.getByRole('textbox', { name: 'Host port 1' })).toHaveValue(String(mine));
  await expect(dialog.getByRole('textbox', { name: 'Environment (KEY=value, one per line)' })).toHaveValue('MODE=prod');
  await expect(dialog.getByText('Nothing changed yet.')).toBeVisible();

  await dialog.getByRole('textbox', { name: 'Host port 1' }).fill(String(theirs));
  const note = dialog.getByRole('note');
  await expect(note).toContainText(`Port ${theirs} is published by container`);
  await expect(note.getByRole('button', { name: blocker })).toBeVisible();
  await note.getByRole('button', { name: /^Use \d+$/ }).click();
  const chosen = Number(await dialog.getByRole('textbox', { name: 'Host port 1' }).inputValue());
  expect(chosen).toBeGreaterThan(theirs);

  await expect(dialog.getByText(/These changes need the container recreated: ports/)).toBeVisible();
  const commands = dialog.getByRole('group', { name: 'docker commands, in order' });
  await expect(commands).toContainText(`docker stop ${name}`);
  await expect(commands).toContainText(`docker rename ${name}-berth-new ${name}`);
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();

  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect.poll(() => served(chosen), { timeout: 10_000 }).toContain('berth fixture');
  const after = await docker('inspect', '--format', '{{.Id}} {{json .Config.Env}}', name);
  expect(after).not.toContain(before);
  expect(after).toContain('MODE=prod');
});

test('edit: a restart policy change applies in place; Duplicate makes a second container', async ({ page }) => {
  const port = await freePort();
  const name = uniqueName('dup');
  const id = await runContainer(name, '-p', `127.0.0.1:${port}:80`);

  await openDetail(page, name);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: `Edit ${name}` });
  const memory = dialog.getByRole('textbox', { name: 'Memory limit (MiB, 0 = none)' });
  await memory.fill('lots');
  await expect(dialog.getByText('Memory is a number of MiB, e.g. 512, or 0 for none.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Apply', exact: true })).toBeDisabled();
  await memory.fill('0');
  await dialog.getByRole('combobox', { name: 'Restart' }).selectOption('always');
  await expect(dialog.getByText(/apply in place with docker update, without recreating: restart policy/)).toBeVisible();
  await expect(dialog.getByRole('group', { name: 'docker commands, in order' })).toContainText(`docker update --restart always ${name}`);
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(await docker('inspect', '--format', '{{.Id}} {{.HostConfig.RestartPolicy.Name}}', name)).toBe(`${id} always`);

  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  dialog = page.getByRole('dialog', { name: `Duplicate ${name}` });
  await expect(dialog.getByRole('textbox', { name: 'Name (optional)' })).toHaveValue(`${name}-copy`);
  await expect(dialog.getByText('A duplicate cannot publish the same host ports while the original runs: change or remove them.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove port 1' }).click();
  await dialog.getByRole('button', { name: 'Create duplicate', exact: true }).click();
  await expect(page.getByRole('heading', { name: `${name}-copy` })).toBeVisible({ timeout: 20_000 });
  expect(await docker('inspect', '--format', '{{.State.Running}} {{.HostConfig.RestartPolicy.Name}}', `${name}-copy`)).toBe('true always');
  expect(await docker('inspect', '--format', '{{.State.Running}}', name)).toBe('true');
});

test('update available: a newer image pushed under the same tag marks the row, and Update recreates it on that image', async ({ page }) => {
  const registry = `127.0.0.1:${process.env.BERTH_REGISTRY_PORT ?? '5055'}`;
  const reference = `${registry}/${uniqueName('update')}:latest`;
  const name = uniqueName('update');
  const pushVersion = async (version: string) => {
    const maker = uniqueName('maker');
    await docker('create', '--name', maker, '--label', 'dev.berth.e2e=1', fixtureImage);
    const id = await docker('commit', '--change', `LABEL version=${version}`, maker, reference);
    await docker('rm', maker);
    await docker('push', '--quiet', reference);
    return id;
  };
  await pushVersion('1');
  await docker('run', '-d', '--name', name, '--label', 'dev.berth.e2e=1', '--stop-timeout', '1', reference);
  const v2 = await pushVersion('2');
  // As if someone else pushed it: the newer image is only in the registry.
  await docker('rmi', reference);

  await openBerth(page);
  const containers = new ContainersPage(page);
  await expect(containers.row(name).getByText('Update available')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('button', { name: 'Update', exact: true }).click();
  await expect.poll(() => docker('inspect', '--format', '{{.Image}} {{.State.Running}}', name), { timeout: 30_000 }).toBe(`${v2} true`);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('button', { name: '← Containers' }).click();
  await expect(containers.row(name)).toBeVisible();
  await expect(containers.row(name).getByText('Update available')).toBeHidden();
  await docker('rmi', '-f', reference).catch(() => undefined);
});
