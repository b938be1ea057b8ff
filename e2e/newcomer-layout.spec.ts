import { expect, test } from '@playwright/test';
import { openBerth } from './support/app';
import { fixtureImage } from './support/engine';

/**
 * What a first look at Berth showed as broken layout (measured in the browser, not by eye): a row's
 * action buttons drawing their own line apart from the row's, a port range cut off inside its field,
 * several refused environment lines run together as one paragraph, and a door page that scrolls.
 */

test('a row’s action buttons sit in a real table cell, lined up with the row', async ({ page }) => {
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Select ${fixtureImage}`, exact: true }) });
  const actions = row.getByRole('cell').filter({ has: page.getByRole('button', { name: `Run ${fixtureImage}` }) });
  await expect(actions).toBeVisible();
  expect(await actions.evaluate((cell) => getComputedStyle(cell).display)).toBe('table-cell');
  const [cellBox, rowBox] = [await actions.boundingBox(), await row.boundingBox()];
  expect(cellBox!.y + cellBox!.height).toBeCloseTo(rowBox!.y + rowBox!.height, 0);
});

test('the run dialog shows a whole port range and puts each refused environment line on its own line', async ({ page }) => {
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  await page.getByRole('button', { name: `Run ${fixtureImage}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Run a container' });
  const hostPort = dialog.getByRole('textbox', { name: 'Host port 1' });
  await hostPort.fill('65000-65535');
  // Nothing of what was typed hides past the field's edge.
  expect(await hostPort.evaluate((input) => input.scrollWidth <= input.clientWidth)).toBe(true);
  // The docker -p field spans the Ports group, so its long example is readable (it was 190 px of 640).
  const [spec, group] = [await dialog.getByRole('textbox', { name: 'Add a port in docker -p syntax' }).boundingBox(), await dialog.getByRole('group', { name: 'Ports' }).boundingBox()];
  expect(spec!.width).toBeGreaterThan(group!.width * 0.6);

  await dialog.getByRole('textbox', { name: /^Environment/ }).fill('JUSTNAME\n=novalue');
  const problem = dialog.getByText(/^Line 1: /);
  await expect(problem).toBeVisible();
  // innerText follows the CSS: with the lines run together it has no line break between them.
  expect(await problem.innerText()).toMatch(/JUSTNAME=value, or JUSTNAME= for an empty value\.\nLine 2: /);
});

test('the door page for a tab without an address fits the window', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('press Enter in the terminal where Berth runs');
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);
});
