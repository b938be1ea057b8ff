import { expect, test } from '@playwright/test';
import { openBerth } from './support/app';
import { removeE2eContainers, runCommand, uniqueName } from './support/engine';

test.afterEach(removeE2eContainers);

test('Ctrl+C copies the selected log text; with nothing selected it leaves the clipboard alone', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openBerth(page);
  const name = uniqueName('copy');
  await runCommand(name, ['sh', '-c', 'echo first-line; echo copy-me-4821; sleep 300']);
  await page.getByRole('button', { name, exact: true }).click();
  const log = page.getByRole('log', { name: 'Log output' });
  const word = log.locator('.xterm-rows').getByText('copy-me-4821');
  await expect(word).toBeVisible();

  await page.evaluate(() => navigator.clipboard.writeText('untouched'));
  await log.locator('.xterm-screen').click();
  await page.keyboard.press('Control+C');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('untouched');

  // A person double-clicks the word; xterm's layers sit above its text, so aim by position.
  const at = (await word.boundingBox())!;
  await page.mouse.dblclick(at.x + 10, at.y + at.height / 2);
  await page.keyboard.press('Control+C');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('copy-me-4821');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
