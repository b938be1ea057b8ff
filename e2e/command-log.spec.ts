import { expect, test } from '@playwright/test';
import { ContainersPage, openBerth, findImage } from './support/app';
import { docker, fixtureImage, removeE2eContainers, stateOf, uniqueName } from './support/engine';

const registry = `127.0.0.1:${process.env.BERTH_REGISTRY_PORT || 5055}`;
const made: string[] = [];
test.afterEach(async () => {
  for (const name of made.splice(0)) await docker('rm', '-f', name).catch(() => undefined);
  await removeE2eContainers();
});

test('the command log lists what Berth did, newest first, secrets hidden, and copies it as a script', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openBerth(page);
  const name = uniqueName('logged');
  made.push(name);

  // Run a container from the UI, with a secret in its environment.
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  await findImage(page, fixtureImage);
  await page.getByRole('button', { name: `Run ${fixtureImage}`, exact: true }).click();
  const run = page.getByRole('dialog', { name: 'Run a container' });
  await run.getByRole('textbox', { name: 'Name (optional)' }).fill(name);
  await run.getByRole('button', { name: 'Remove port 1' }).click();
  await run.getByRole('textbox', { name: 'Environment (KEY=value, one per line)' }).fill('DB_PASSWORD=s3cret-value');
  await run.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();

  // Stop it from the list.
  await page.getByRole('navigation').getByRole('button', { name: 'Containers' }).click();
  const list = new ContainersPage(page);
  await list.search(name);
  await list.select(name);
  await list.action('Stop').click();
  await expect.poll(async () => (await stateOf(name))?.Running, { timeout: 20_000 }).toBe(false);

  // A pull that fails: no such repository on the local registry.
  const missing = `${registry}/e2e/${uniqueName('missing')}:1`;
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  await page.getByRole('button', { name: 'Pull…' }).click();
  const pull = page.getByRole('dialog', { name: 'Pull an image' });
  await pull.getByRole('textbox', { name: 'Image' }).fill(missing);
  await pull.getByRole('button', { name: 'Pull', exact: true }).click();
  await expect(pull.getByRole('alert')).toBeVisible({ timeout: 30_000 });
  await pull.getByRole('button', { name: 'Close' }).click();

  // The log, from the status bar: newest first, each command with how it ended.
  await page.getByRole('status', { name: 'Engine' }).getByRole('button', { name: 'Command log' }).click();
  const panel = page.getByRole('dialog', { name: 'Command log' });
  // Other journeys on the same web host log too: look at this journey's own rows.
  const mine = new RegExp(`${name}|${missing}`.replaceAll('.', '\\.'));
  const rows = panel.getByRole('table', { name: 'Command log' }).getByRole('row').filter({ hasText: mine });
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(`docker pull ${missing}`);
  await expect(rows.nth(0)).toContainText('Failed:');
  await expect(rows.nth(1)).toContainText(`docker stop ${name}`);
  await expect(rows.nth(1)).toContainText('Done');
  await expect(rows.nth(2)).toContainText(`docker run -d --name ${name} -e 'DB_PASSWORD=<hidden>' ${fixtureImage}`);
  await expect(rows.nth(2)).toContainText('Done');
  await expect(panel).not.toContainText('s3cret-value');

  await panel.getByRole('button', { name: 'Copy as script' }).click();
  const script = await page.evaluate(() => navigator.clipboard.readText());
  const lines = script.trimEnd().split('\n');
  expect(lines[0]).toBe('#!/bin/sh');
  const at = lines.findIndex((line) => line.includes(name));
  expect(lines.slice(at, at + 4)).toEqual([
    `docker run -d --name ${name} -e 'DB_PASSWORD=<hidden>' ${fixtureImage}`,
    `docker stop ${name}`,
    expect.stringMatching(/^# Failed: /),
    `# docker pull ${missing}`,
  ]);
  expect(script).not.toContain('s3cret-value');

  // The same log from the sidebar, in another tab of the same session's host: the engine side keeps it.
  await panel.getByRole('button', { name: 'Close' }).click();
  const other = await context.newPage();
  await openBerth(other);
  await other.getByRole('navigation').getByRole('button', { name: 'Command log' }).click();
  await expect(other.getByRole('dialog', { name: 'Command log' }).getByRole('row').filter({ hasText: mine })).toHaveCount(3);
});
