import { expect, test } from '@playwright/test';
import { ContainersPage, openBerth } from './support/app';
import { docker, removeE2eContainers, runCommand, uniqueName } from './support/engine';

test.afterEach(removeE2eContainers);

test('health: healthy, unhealthy and starting are told apart, filterable, and the last probe is shown', async ({ page }) => {
  test.setTimeout(90_000);
  await openBerth(page);
  const list = new ContainersPage(page);
  const sick = uniqueName('sick');
  const well = uniqueName('well');
  const slow = uniqueName('slow');
  await runCommand(sick, ['sleep', '300'], '--health-cmd', 'echo probe-said-no; exit 1', '--health-interval', '1s', '--health-retries', '1');
  await runCommand(well, ['sleep', '300'], '--health-cmd', 'true', '--health-interval', '1s');
  // A first probe an hour away: it stays "starting" for this whole test.
  await runCommand(slow, ['sleep', '300'], '--health-cmd', 'true', '--health-interval', '1h', '--health-start-period', '1h');
  await list.search('e2e-');
  const badge = (name: string) => list.row(name).getByRole('cell').nth(3);
  await expect(badge(sick)).toHaveText('Unhealthy', { timeout: 10_000 });
  await expect(badge(well)).toHaveText('Healthy', { timeout: 10_000 });
  await expect(badge(slow)).toHaveText('Health: starting');

  const show = page.getByRole('combobox', { name: 'Show' });
  await show.selectOption({ label: 'Unhealthy' });
  await expect(list.row(sick)).toBeVisible();
  await expect(list.row(well)).toBeHidden();
  await expect(list.row(slow)).toBeHidden();
  await show.selectOption({ label: 'Healthy' });
  await expect(list.row(well)).toBeVisible();
  await expect(list.row(sick)).toBeHidden();
  await show.selectOption({ label: 'All' });

  await page.getByRole('button', { name: sick, exact: true }).click();
  const note = page.getByRole('region', { name: 'Last health check' });
  await expect(note).toContainText('exit code 1');
  await expect(note).toContainText('probe-said-no');
});

test('a restart loop shows Restarting with its exit code and count, and never "Up" while the engine says restarting', async ({ page }) => {
  test.setTimeout(60_000);
  await openBerth(page);
  const list = new ContainersPage(page);
  const name = uniqueName('loop');
  await list.search(name);
  await runCommand(name, ['sh', '-c', 'exit 3'], '--restart', 'always');
  const row = list.row(name);
  await expect(row.getByRole('cell').nth(3)).toHaveText('Restarting', { timeout: 5_000 });

  // Poll both for 10 s: the row may show Running for the moment the engine runs it, but never
  // while the engine has been saying "restarting" for over a second.
  let restartingSince: number | undefined;
  const deadline = Date.now() + 10_000;
  let samples = 0;
  while (Date.now() < deadline) {
    const engine = await docker('inspect', '--format', '{{.State.Status}}', name);
    const shown = await row.getByRole('cell').nth(3).innerText();
    const status = await row.getByRole('cell').nth(4).innerText();
    if (engine === 'restarting') restartingSince ??= Date.now();
    else restartingSince = undefined;
    if (restartingSince !== undefined && Date.now() - restartingSince > 1_000) {
      expect(shown, `engine restarting for ${Date.now() - restartingSince} ms`).toBe('Restarting');
      expect(status).not.toMatch(/^Up/);
    }
    samples++;
    await page.waitForTimeout(200);
  }
  expect(samples).toBeGreaterThan(10);
  await expect(row).toContainText(/Exited with code 3 · restarted \d+ times?/);
});
