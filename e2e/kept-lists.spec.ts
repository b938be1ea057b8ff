import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { ContainersPage, openBerth } from './support/app';
import { createContainer, docker, e2eLabel, fixtureImage, removeE2eContainers } from './support/engine';

/**
 * The lists the engine side keeps between asks (engine/docker/kept-list.ts), seen by two tabs: what
 * one tab does where the engine sends no event must reach the other tab too, and a storm from the CLI
 * while pages load must end with the page showing what the engine holds.
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

test('a CLI storm of containers made, started, stopped and removed while the page reloads again and again: once it ends, the page shows what docker ps -a shows', async ({ page }) => {
  test.setTimeout(120_000);
  const prefix = `e2e-storm-${randomBytes(3).toString('hex')}`;
  await openBerth(page);
  const list = new ContainersPage(page);
  let storming = true;
  const storm = (async () => {
    // Four workers, as several terminals would: each makes, starts, and stops or removes its containers.
    await Promise.all(
      [0, 1, 2, 3].map(async (worker) => {
        for (let i = 0; i < 5; i++) {
          const name = `${prefix}-${worker}-${i}`;
          await docker('run', '-d', '--name', name, '--label', e2eLabel, '--stop-timeout', '1', fixtureImage, 'sleep', '300');
          if (i % 3 === 0) await docker('rm', '-f', name);
          else if (i % 3 === 1) await docker('stop', '-t', '0', name);
          else await createContainer(`${name}-c`);
        }
      }),
    );
    storming = false;
  })();
  while (storming) {
    await page.reload();
    await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected');
  }
  await storm;

  const names = (await docker('ps', '-a', '--filter', `name=${prefix}`, '--format', '{{.Names}}')).split('\n').filter(Boolean);
  expect(names).toHaveLength(4 * (3 + 1)); // per worker: 3 kept of the 5 run, and 1 created
  await list.search(prefix);
  // The list is windowed: its count says how many rows match, each row is checked by finding it.
  await expect(page.getByRole('region', { name: 'Containers' })).toContainText(`${names.length} containers`, { timeout: 3000 });
  for (const name of names) {
    const running = !name.endsWith('-c') && Number(name.split('-').at(-1)) % 3 === 2;
    await list.search(name);
    await expect(list.row(name)).toContainText(name.endsWith('-c') ? 'Created' : running ? 'Running' : 'Exited', { timeout: 3000 });
  }
});
