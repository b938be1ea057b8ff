import { expect, test, type Page } from '@playwright/test';
import { findImage, openBerth } from './support/app';
import { docker, fixtureImage, uniqueName } from './support/engine';

/**
 * Issue 17: the images and volumes lists are kept warm (fetched once the first screen is idle, kept
 * current by the engine's events while their views are closed), so opening either draws its rows at
 * once. The page's User Timing marks (renderer/src/rpc/queries.ts) tell whether a list was asked for.
 */

const marked = (page: Page, name: string) => page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name);
const hasMark = (page: Page, name: string) => page.evaluate((mark) => performance.getEntriesByName(mark).length > 0, name);

test('a volume and an image made from the CLI while their views are closed are listed the moment the view opens', async ({ page }) => {
  const volume = uniqueName('warm');
  const reference = `berth-e2e/${uniqueName('warm')}:1`;
  try {
    await openBerth(page);
    await marked(page, 'berth:lists:warm');
    await page.evaluate(() => performance.clearMarks());

    // Made while the containers view is shown: the engine's events refresh both closed lists.
    await docker('volume', 'create', volume);
    await docker('tag', fixtureImage, reference);
    await marked(page, 'berth:volumes:answer');
    await marked(page, 'berth:images:answer');

    await page.evaluate(() => performance.clearMarks());
    await page.getByRole('navigation').getByRole('button', { name: 'Volumes' }).click();
    await expect(page.getByRole('button', { name: `Browse the files of ${volume}`, exact: true })).toBeVisible();
    // Drawn from the warm list: opening the view asked the engine nothing.
    expect(await hasMark(page, 'berth:volumes:request')).toBe(false);

    // Files written into a volume make no event: opening the view asks for the sizes again (behind the rows).
    await expect(page.getByRole('row', { name: new RegExp(volume) })).toContainText('0 B');
    await docker('run', '--rm', '-v', `${volume}:/data`, fixtureImage, 'sh', '-c', 'head -c 100000 /dev/zero > /data/zeros');
    await page.getByRole('navigation').getByRole('button', { name: 'Containers' }).click();
    await page.evaluate(() => performance.clearMarks());
    await page.getByRole('navigation').getByRole('button', { name: 'Volumes' }).click();
    await expect(page.getByRole('row', { name: new RegExp(volume) })).toContainText('100 KB');
    // Kept drawn while hidden, the list still marks its rows on each showing (bench/ reads the mark).
    expect(await hasMark(page, 'berth:volumes:rows')).toBe(true);

    await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
    await findImage(page, reference);
    await expect(page.getByRole('row', { name: new RegExp(reference) })).toBeVisible();
  } finally {
    await docker('volume', 'rm', volume).catch(() => undefined);
    await docker('rmi', reference).catch(() => undefined);
  }
});
