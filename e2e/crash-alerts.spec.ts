import { expect, test, type Page } from '@playwright/test';
import { ContainersPage, openBerth } from './support/app';
import { docker, removeE2eContainers, runCommand, uniqueName } from './support/engine';
import { recordNotifications, shownNotifications } from './support/notifications';

test.afterAll(removeE2eContainers);

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(['notifications']);
  await recordNotifications(page);
  await openBerth(page);
});

const titles = async (page: Page) => (await shownNotifications(page)).map((n) => n.title);

test('a crash raises one notification naming its exit code and a mark that opens it; a docker stop raises none', async ({ page }) => {
  const stopped = uniqueName('stopped');
  const crashed = uniqueName('crash');
  await runCommand(stopped, ['sleep', '60']);
  await docker('stop', '-t', '1', stopped);
  await runCommand(crashed, ['sh', '-c', 'sleep 2; exit 3']);

  await expect.poll(() => shownNotifications(page), { timeout: 15_000 }).toEqual([
    { title: `${crashed} stopped unexpectedly`, body: 'It exited with code 3 without anyone stopping it. Open it to read its last logs.' },
  ]);
  const containers = new ContainersPage(page);
  const mark = containers.row(crashed).getByRole('button', { name: `Crash alert: ${crashed} stopped unexpectedly` });
  await mark.click();
  await expect(page.getByRole('heading', { name: crashed })).toBeVisible();
  await page.getByRole('button', { name: '← Containers' }).click();
  await expect(mark).toHaveCount(0);
  await expect(containers.row(stopped).getByRole('button', { name: /Crash alert/ })).toHaveCount(0);
});

test('a restart loop raises one notification, not one per restart; a muted container raises none', async ({ page }) => {
  const looping = uniqueName('loop');
  await runCommand(looping, ['sh', '-c', 'exit 1'], '--restart', 'always');
  await expect.poll(() => titles(page), { timeout: 15_000 }).toEqual([`${looping} keeps crashing`]);
  // The engine goes on restarting it (back-off 100 ms, doubling): six restarts later, still one.
  await expect
    .poll(async () => Number(await docker('inspect', '--format', '{{.RestartCount}}', looping)), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(6);
  expect(await titles(page)).toEqual([`${looping} keeps crashing`]);

  const quiet = uniqueName('quiet');
  await runCommand(quiet, ['sh', '-c', 'sleep 3; exit 4']);
  await new ContainersPage(page).row(quiet).getByRole('button', { name: quiet }).click();
  await page.getByRole('button', { name: 'Mute crash alerts' }).click();
  await page.getByRole('button', { name: '← Containers' }).click();
  await expect(new ContainersPage(page).row(quiet).getByRole('button', { name: `Crash alert: ${quiet} stopped unexpectedly` })).toBeVisible({ timeout: 15_000 });
  expect(await titles(page)).toEqual([`${looping} keeps crashing`]);
});
