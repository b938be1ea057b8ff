import { expect, test, type Page } from '@playwright/test';
import { ContainersPage, openBerth } from './support/app';
import { createContainer, docker, removeE2eContainers, runContainer, stateOf, uniqueName } from './support/engine';

test.afterEach(async () => {
  await removeE2eContainers();
  const leftovers = (await docker('network', 'ls', '-q', '--filter', 'name=e2e-net-')).split('\n').filter(Boolean);
  if (leftovers.length) await docker('network', 'rm', ...leftovers);
});

// Host ports are shared by every engine on this machine: each helper's run takes its own block.
const portBase = 20_000 + (Number(process.env.BERTH_E2E_PORT || 7400) % 100) * 100;

test('a published port range is one compact entry, and every mapping is in the cell’s tooltip', async ({ page }) => {
  const name = uniqueName('range');
  const last = portBase + 19;
  await runContainer(name, '-p', `127.0.0.1:${portBase}-${last}:${portBase}-${last}`);
  await openBerth(page);
  const row = new ContainersPage(page).row(name);
  const cell = row.getByRole('cell').filter({ hasText: `127.0.0.1:${portBase}-${last}→${portBase}-${last}/tcp` });
  await expect(cell).toHaveCount(1);
  // Not twenty links, one per port.
  await expect(row.getByRole('link')).toHaveCount(0);
  const title = (await cell.getAttribute('title')) ?? '';
  for (let port = portBase; port <= last; port++) expect(title).toContain(`127.0.0.1:${port}→${port}/tcp`);
});

test('actions act only on what is shown selected: a ticked container hidden by the search is left alone', async ({ page }) => {
  const prefix = uniqueName('sel');
  await createContainer(`${prefix}-a`);
  await createContainer(`${prefix}-b`);
  await openBerth(page);
  const list = new ContainersPage(page);
  await list.search(prefix);
  await list.select(`${prefix}-a`);
  await list.search(`${prefix}-b`);
  await expect(list.row(`${prefix}-a`)).toHaveCount(0);
  await list.select(`${prefix}-b`);
  await list.action('Start').click();
  await expect.poll(async () => (await stateOf(`${prefix}-b`))?.Running).toBe(true);
  await expect(page.getByRole('group', { name: 'Last action as a command' })).toContainText(`docker start ${prefix}-b`);
  await expect(page.getByRole('group', { name: 'Last action as a command' })).not.toContainText(`${prefix}-a`);
  expect((await stateOf(`${prefix}-a`))?.Status).toBe('created');
  await expect(page.getByText('1 selected (1 hidden by the filter)')).toBeVisible();

  // Clearing the search shows the hidden one again, still ticked, and the count says so.
  await list.search(prefix);
  await expect(page.getByText(/· 2 selected$/)).toBeVisible();
});

async function openNetworks(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Networks' }).click();
  await expect(page.getByRole('heading', { name: 'Networks' })).toBeVisible();
}

test('removing a network asks first and names its stopped containers; starting one later names the missing network', async ({ page }) => {
  const network = uniqueName('net').replace(/^e2e-/, 'e2e-net-');
  await docker('network', 'create', network);
  const member = uniqueName('member');
  await runContainer(member, '--network', network);
  await docker('stop', member);

  await openBerth(page);
  await openNetworks(page);
  const row = page.getByRole('row', { name: network });
  await row.getByRole('button', { name: `Remove ${network}` }).click();
  const dialog = page.getByRole('dialog', { name: `Remove network ${network}?` });
  await expect(dialog).toContainText(member);
  await expect(dialog).toContainText('stopped');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await docker('network', 'inspect', '--format', '{{.Name}}', network)).toBe(network);

  await row.getByRole('button', { name: `Remove ${network}` }).click();
  await page.getByRole('dialog', { name: `Remove network ${network}?` }).getByRole('button', { name: 'Remove network' }).click();
  await expect(page.getByRole('row', { name: network })).toHaveCount(0);

  await page.getByRole('navigation').getByRole('button', { name: 'Containers' }).click();
  const list = new ContainersPage(page);
  await list.search(member);
  await list.select(member);
  await list.action('Start').click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`network ${network} no longer exists`);
  await expect(alert).not.toContainText('removed outside Berth');
});
