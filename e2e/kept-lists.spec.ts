import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { openBerth } from './support/app';
import { createContainer, docker, removeE2eContainers } from './support/engine';

/**
 * The lists the engine side keeps between asks (engine/docker/kept-list.ts), seen by two tabs: what
 * one tab does where the engine sends no event must reach the other tab too.
 */

const madeNetworks: string[] = [];
test.afterEach(async () => {
  await removeE2eContainers();
  for (const network of madeNetworks.splice(0)) await docker('network', 'rm', network).catch(() => undefined);
});

async function openNetworks(page: Page) {
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Networks' }).click();
  await expect(page.getByRole('heading', { name: 'Networks' })).toBeVisible();
}

test('two tabs: a never-started container one tab connects to a network shows as attached in the other (the engine sends no event for it)', async ({ page, context }) => {
  const network = `e2e-kept-${randomBytes(3).toString('hex')}`;
  madeNetworks.push(network);
  await docker('network', 'create', network);
  const container = `e2e-kept-${randomBytes(3).toString('hex')}`;
  await createContainer(container);
  const other = await context.newPage();
  await openNetworks(other);
  await openNetworks(page);

  const row = page.getByRole('row', { name: network, exact: true });
  await row.getByRole('button', { name: `Connect a container to ${network}` }).click();
  const connect = page.getByRole('dialog', { name: `Connect a container to ${network}` });
  await connect.getByRole('combobox', { name: 'Container' }).selectOption({ label: container });
  await connect.getByRole('button', { name: 'Connect…' }).click();
  await expect(connect).toHaveCount(0);
  await expect(row.getByRole('button', { name: `Disconnect ${container} from ${network}` })).toBeVisible();

  const otherRow = other.getByRole('row', { name: network, exact: true });
  await expect(otherRow.getByRole('button', { name: `Disconnect ${container} from ${network}` })).toBeVisible();
});
