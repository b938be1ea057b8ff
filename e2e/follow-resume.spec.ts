import { expect, test, type Page } from '@playwright/test';
import { ContainersPage, openBerth } from './support/app';
import { removeE2eContainers, runCommand, testEngine, uniqueName } from './support/engine';

test.afterEach(async () => {
  await testEngine('start');
  await removeE2eContainers();
});

/** Prints "tick-<unix seconds>" every half second, and comes back after the engine restarts. */
const ticker = (name: string) => runCommand(name, ['sh', '-c', 'while true; do echo "tick-$(date +%s)"; sleep 0.5; done'], '--restart', 'always');
const ticks = (text: string) => [...text.matchAll(/tick-(\d+)/g)].map((m) => Number(m[1]));

async function restartEngine(page: Page): Promise<number> {
  await testEngine('stop');
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Disconnected', { timeout: 10_000 });
  await testEngine('start');
  const back = Math.floor(Date.now() / 1000);
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected', { timeout: 20_000 });
  return back;
}

test('a followed log, an open terminal and merged logs carry on across an engine restart, marking the gap', async ({ page }) => {
  test.setTimeout(150_000);
  await openBerth(page);
  const list = new ContainersPage(page);
  const name = uniqueName('follow');
  const other = uniqueName('follow2');
  await ticker(name);
  await ticker(other);
  await list.search('e2e-follow');

  // A shell kept open in the background (it lives outside the Terminal tab).
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const shell = page.getByLabel(`Terminal in ${name}`).locator('visible=true');
  await expect(page.getByText('Shell: /bin/sh (this image has no bash)')).toBeVisible();
  await page.getByRole('tab', { name: 'Logs' }).click();
  const log = page.getByRole('log', { name: 'Log output' }).locator('.xterm-rows');
  await expect(log).toContainText('tick-');

  const back = await restartEngine(page);
  await expect(log).toContainText(/the engine restarted — no logs for \d+ s/, { timeout: 20_000 });
  // New lines from the container the engine started again, after the mark.
  await expect.poll(async () => Math.max(...ticks(await log.innerText())), { timeout: 20_000 }).toBeGreaterThanOrEqual(back);
  // Resumed from where it stopped: after the mark, nothing older than what was shown before it.
  const [before, after] = (await log.innerText()).split('the engine restarted');
  expect(Math.min(...ticks(after!))).toBeGreaterThanOrEqual(Math.max(...ticks(before!)));

  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expect(page.getByRole('status').filter({ hasText: /The shell (ended|exited)/ })).toBeVisible();
  await expect(shell).toBeVisible();

  // Merged logs of both.
  await page.getByRole('button', { name: '← Containers' }).click();
  await list.select(name, other);
  await page.getByRole('button', { name: 'Merged logs' }).click();
  const merged = page.getByRole('log', { name: 'Merged log output' }).locator('.xterm-rows');
  await expect(merged).toContainText(other);
  const back2 = await restartEngine(page);
  await expect(merged).toContainText(/the engine restarted — no logs for \d+ s/, { timeout: 20_000 });
  await expect.poll(async () => Math.max(...ticks(await merged.innerText())), { timeout: 20_000 }).toBeGreaterThanOrEqual(back2);
});

test('stats resume after an engine restart and say there was a gap', async ({ page }) => {
  test.setTimeout(90_000);
  await openBerth(page);
  const name = uniqueName('stats');
  await ticker(name);
  await new ContainersPage(page).search(name);
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('tab', { name: 'Stats' }).click();
  await expect(page.getByRole('region', { name: 'Memory' })).toBeVisible();
  await restartEngine(page);
  await expect(page.getByRole('status').filter({ hasText: /the engine restarted — no stats for \d+ s/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('region', { name: 'Memory' })).toBeVisible();
});
