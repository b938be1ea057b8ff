import { expect, test } from '@playwright/test';
import { openBerth } from './support/app';
import { docker } from './support/engine';

test('the Engine view shows the engine’s facts and its disk usage as docker system df counts it', async ({ page }) => {
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Engine' }).click();
  const version = await docker('version', '--format', '{{.Server.Version}}');
  await expect(page.getByRole('definition').filter({ hasText: version }).first()).toBeVisible();

  const rows = (await docker('system', 'df', '--format', '{{.Type}}\t{{.TotalCount}}')).split('\n').map((l) => l.split('\t'));
  const expected = new Map(rows.map(([type, count]) => [type, count]));
  const table = page.getByRole('table', { name: 'Disk usage' });
  await expect(table.getByRole('row', { name: /^Images/ }).getByRole('cell').nth(1)).toHaveText(expected.get('Images')!);
  await expect(table.getByRole('row', { name: /^Volumes/ }).getByRole('cell').nth(1)).toHaveText(expected.get('Local Volumes')!);
  await expect(page.getByRole('group', { name: 'Docker command' }).filter({ hasText: 'docker system df' })).toBeVisible();
});
