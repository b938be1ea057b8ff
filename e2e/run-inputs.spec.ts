import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openBerth, findImage } from './support/app';
import { docker, fixtureImage, removeE2eContainers, uniqueName } from './support/engine';

/** Containers Berth made carry no e2e label, so each test names its own for cleanup. */
const made: string[] = [];
test.afterEach(async () => {
  for (const name of made.splice(0)) await docker('rm', '-f', name).catch(() => undefined);
  await removeE2eContainers();
});

async function openRunDialog(page: Page) {
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  await findImage(page, fixtureImage);
  await page.getByRole('button', { name: `Run ${fixtureImage}`, exact: true }).click();
  return page.getByRole('dialog', { name: 'Run a container' });
}

/** Whether 127.0.0.1:port can be listened on right now. */
function free(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The first of `count` consecutive free ports on 127.0.0.1, from a random place in the high range. */
async function freeRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const start = 20_000 + Math.floor(Math.random() * 40_000);
    const checks = await Promise.all(Array.from({ length: count }, (_, i) => free(start + i)));
    if (checks.every(Boolean)) return start;
  }
  throw new Error('no free port range');
}

test('run dialog: a host folder whose path holds ":" is mounted', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'berth-e2e-a:b-'));
  writeFileSync(join(folder, 'note'), 'from a folder with a colon');
  try {
    const dialog = await openRunDialog(page);
    const name = uniqueName('colon');
    made.push(name);
    await dialog.getByRole('textbox', { name: 'Name (optional)' }).fill(name);
    await dialog.getByRole('button', { name: 'Remove port 1' }).click();
    await dialog.getByRole('button', { name: '+ Add volume' }).click();
    await dialog.getByRole('textbox', { name: 'Volume or host folder 1' }).fill(folder);
    await dialog.getByRole('textbox', { name: 'Path in the container 1' }).fill('/data');
    await expect(dialog.getByRole('group', { name: 'Docker command' })).toContainText(`--mount type=bind,source=${folder},target=/data ${fixtureImage}`);
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();

    await expect(page.getByRole('heading', { name })).toBeVisible();
    const mounts = JSON.parse(await docker('inspect', '--format', '{{json .Mounts}}', name)) as { Type: string; Source: string; Destination: string }[];
    expect(mounts).toEqual([expect.objectContaining({ Type: 'bind', Source: folder, Destination: '/data' })]);
    expect(await docker('exec', name, 'cat', '/data/note')).toBe('from a folder with a colon');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('run dialog: a port range in docker -p syntax, any env name, and secrets hidden in the command', async ({ page, request }) => {
  const start = await freeRange(3);
  const dialog = await openRunDialog(page);
  const name = uniqueName('range');
  made.push(name);
  await dialog.getByRole('textbox', { name: 'Name (optional)' }).fill(name);
  await dialog.getByRole('button', { name: 'Remove port 1' }).click();

  const spec = dialog.getByRole('textbox', { name: 'Add a port in docker -p syntax' });
  await spec.fill('localhost:80:80');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByText('“localhost” is not an IP address')).toBeVisible();
  await spec.fill(`${start}-${start + 2}:80-82`);
  await spec.press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Host port 1' })).toHaveValue(`${start}-${start + 2}`);
  await expect(dialog.getByRole('textbox', { name: 'Container port 1' })).toHaveValue('80-82');

  await dialog.getByRole('textbox', { name: 'Environment (KEY=value, one per line)' }).fill('# settings\nspring.profiles.active=dev\nmy-var=1\nDB_PASSWORD=hunter2');
  const command = dialog.getByRole('group', { name: 'Docker command' });
  await expect(command).toContainText(`-p 127.0.0.1:${start}-${start + 2}:80-82 -e spring.profiles.active=dev -e my-var=1 -e 'DB_PASSWORD=<hidden>'`);
  await expect(command).not.toContainText('hunter2');
  await command.getByRole('button', { name: 'Show secrets' }).click();
  await expect(command).toContainText('-e DB_PASSWORD=hunter2');
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();

  await expect(page.getByRole('heading', { name })).toBeVisible();
  const bindings = JSON.parse(await docker('inspect', '--format', '{{json .HostConfig.PortBindings}}', name)) as Record<string, { HostIp: string; HostPort: string }[]>;
  expect(bindings).toEqual({
    '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(start) }],
    '81/tcp': [{ HostIp: '127.0.0.1', HostPort: String(start + 1) }],
    '82/tcp': [{ HostIp: '127.0.0.1', HostPort: String(start + 2) }],
  });
  const env = JSON.parse(await docker('inspect', '--format', '{{json .Config.Env}}', name)) as string[];
  expect(env).toEqual(expect.arrayContaining(['spring.profiles.active=dev', 'my-var=1', 'DB_PASSWORD=hunter2']));
  expect((await request.get(`http://127.0.0.1:${start}/`)).ok()).toBe(true);
});
