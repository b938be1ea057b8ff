import { expect, test, type Locator } from '@playwright/test';
import { openBerth, findImage } from './support/app';
import { fixtureImage, removeE2eContainers, runContainer, uniqueName } from './support/engine';

test.afterEach(removeE2eContainers);

/**
 * What a first look at Berth showed as broken layout (measured in the browser, not by eye): a row's
 * action buttons drawing their own line apart from the row's, a port range cut off inside its field,
 * several refused environment lines run together as one paragraph, and a door page that scrolls.
 */

test('a row’s action buttons sit in a real table cell, lined up with the row', async ({ page }) => {
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  await findImage(page, fixtureImage);
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
  await findImage(page, fixtureImage);
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

/** How many lines an element's text takes: its height over its line height. */
function lineCount(cell: Locator): Promise<number> {
  return cell.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
}

// A Korean reader at a small window saw "4개가 사 / 용 중" and "2 / MB" in the images list: words
// broken in the middle, a count with no noun, a size torn from its unit.
test('in Korean at 1024×640, the images list names what uses an image, breaks no word and keeps a size on one line', async ({ page }) => {
  const user = uniqueName('ko-user');
  await runContainer(user);
  await page.setViewportSize({ width: 1024, height: 640 });
  await openBerth(page);
  // In English too, the last action of an image's row stays inside the window (it was cut off).
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  await findImage(page, fixtureImage);
  const push = page.getByRole('button', { name: `Push ${fixtureImage}`, exact: true });
  expect((await push.boundingBox())!.x + (await push.boundingBox())!.width).toBeLessThanOrEqual(1024);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await page.getByRole('navigation').getByRole('button', { name: '이미지' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('checkbox', { name: `${fixtureImage} 선택`, exact: true }) });
  const users = row.getByRole('cell').filter({ hasText: /^컨테이너 \d+개$/ });
  await expect(users).toBeVisible();
  expect(await lineCount(row.getByRole('cell').filter({ hasText: /^\d+(\.\d+)? (B|kB|MB|GB)$/ }))).toBe(1);
  // Every action of the row stays in view: the whole table fits the window.
  const lastAction = row.getByRole('button', { name: `${fixtureImage} 올리기`, exact: true });
  expect((await lastAction.boundingBox())!.x + (await lastAction.boundingBox())!.width).toBeLessThanOrEqual(1024);
  // Korean breaks between words, as Korean is written, not inside one (CSS word-break: keep-all).
  expect(await page.locator('main').evaluate((el) => getComputedStyle(el).wordBreak)).toBe('keep-all');
});

test('at 1024×640 the containers list shows a container’s ports without scrolling sideways, in English and Korean', async ({ page }) => {
  const name = uniqueName('narrow');
  await runContainer(name, '-p', '127.0.0.1::80');
  await page.setViewportSize({ width: 1024, height: 640 });
  await openBerth(page);
  const table = page.getByRole('table', { name: 'Containers' });
  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  const port = page.getByRole('row').filter({ hasText: name }).getByRole('link', { name: /^127\.0\.0\.1:\d+/ });
  await expect(port).toBeVisible();
  // The whole port link lies inside the table's box (a column past its edge is drawn but cut off).
  const [link, box] = [await port.boundingBox(), await table.boundingBox()];
  expect(link!.x + link!.width).toBeLessThanOrEqual(box!.x + box!.width);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  const [linkKo, boxKo] = [await port.boundingBox(), await page.getByRole('table', { name: '컨테이너' }).boundingBox()];
  expect(linkKo!.x + linkKo!.width).toBeLessThanOrEqual(boxKo!.x + boxKo!.width);
});
