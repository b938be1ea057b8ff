import { expect, test } from '@playwright/test';
import { ContainersPage, openBerth } from './support/app';
import { createContainer, removeE2eContainers, runContainer, testEngine, uniqueName } from './support/engine';

test.afterEach(async () => {
  await testEngine('start');
  await removeE2eContainers();
});

test('when dockerd goes away Berth says so, disables actions, and recovers by itself', async ({ page }) => {
  test.setTimeout(120_000);
  await openBerth(page);
  const list = new ContainersPage(page);
  const name = uniqueName('survivor');
  await runContainer(name);
  await list.search('e2e-');
  await expect(list.row(name)).toContainText('Running');
  await list.select(name);
  await expect(list.action('Stop')).toBeEnabled();

  await testEngine('stop');
  const stoppedAt = Date.now();
  const banner = page.getByRole('alert').filter({ hasText: 'The container engine is not answering.' });
  await expect(banner).toBeVisible({ timeout: 2_000 });
  console.log(`banner shown ${Date.now() - stoppedAt} ms after dockerd was gone`);
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Disconnected');
  await expect(list.action('Stop')).toBeDisabled();
  await expect(list.action('Remove')).toBeDisabled();

  await testEngine('start');
  await expect(banner).toBeHidden({ timeout: 15_000 });
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected');
  // dockerd stopped the container on the way down: the list shows the engine as it is now.
  await expect(list.row(name)).toContainText('Exited');

  // And events flow again on the new connection.
  const after = uniqueName('after');
  await createContainer(after);
  await expect(list.row(after)).toContainText('Created');
});
