import { expect, test } from '@playwright/test';
import { openBerth } from './support/app';
import { docker } from './support/engine';

test('the Engine view shows Berth’s own log and copies a diagnostics report with it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Engine' }).click();
  const card = page.getByRole('region', { name: 'Berth’s log' });
  await card.getByRole('button', { name: 'Show the last lines' }).click();
  // The web host notes when it listens and which engine it chose; both are in the tail.
  await expect(card.getByLabel('Last lines of Berth’s log')).toContainText('web host listening');
  await expect(card.getByLabel('Last lines of Berth’s log')).toContainText('engine chosen');

  await card.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(card.getByRole('status')).toHaveText('Diagnostics copied to the clipboard.');
  const report = await page.evaluate(() => navigator.clipboard.readText());
  const version = await docker('version', '--format', '{{.Server.Version}}');
  expect(report).toContain('Berth diagnostics');
  expect(report).toContain(`Docker ${version}`);
  expect(report).toContain('web host listening');
});
