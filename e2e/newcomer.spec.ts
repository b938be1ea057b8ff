import { expect, test, type Page } from '@playwright/test';
import { openBerth } from './support/app';
import { docker, runCommand, runContainer, uniqueName } from './support/engine';

/** What got in a first-time person's way (helper 4's newcomer walk), as journeys. */

async function openLogs(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('tab', { name: 'Logs' }).click();
}

test('a container that has printed nothing says so in its logs; one with lines shows no such note', async ({ page }) => {
  // busybox httpd, the fixture's command, writes no log at all, as many servers at rest do.
  const quiet = uniqueName('quiet');
  const talker = uniqueName('talker');
  await runContainer(quiet);
  await runCommand(talker, ['sh', '-c', 'echo hello from the container; exec sleep 3600']);
  await openBerth(page);

  await openLogs(page, quiet);
  const note = page.getByRole('status').filter({ hasText: 'No lines yet: this container has written nothing' });
  await expect(note).toBeVisible();
  // Once the container is gone, "nothing written yet" is no longer true: the note leaves with it.
  await docker('rm', '-f', quiet);
  await expect(page.getByText('Removed', { exact: true })).toBeVisible();
  await expect(note).toHaveCount(0);

  await page.getByRole('button', { name: 'Containers', exact: true }).first().click();
  await openLogs(page, talker);
  await expect(page.getByRole('log', { name: 'Log output' })).toContainText('hello from the container');
  await expect(page.getByText('No lines yet')).toHaveCount(0);
});

test('showing Berth’s log brings its lines into view, far down the Engine view', async ({ page }) => {
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Engine' }).click();
  const card = page.getByRole('region', { name: 'Berth’s log' });
  await card.getByRole('button', { name: 'Show the last lines' }).click();
  // They opened below the window's edge: the button seemed to do nothing.
  await expect(card.getByLabel('Last lines of Berth’s log')).toBeInViewport({ ratio: 0.5 });
});
