import { expect, test, type Page } from '@playwright/test';
import { loginAddress, openBerth } from './support/app';
import { removeE2eContainers, runContainer, uniqueName } from './support/engine';

test.afterEach(removeE2eContainers);

const hash = (page: Page) => new URL(page.url()).hash;

/** The container's detail with `tab` chosen, as a person sees it, and the address naming it. */
async function expectDetail(page: Page, name: string, id: string, tab: 'Logs' | 'Terminal') {
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
  expect(hash(page)).toBe(`#/containers/${id}/${tab.toLowerCase()}`);
}

test('the address follows Berth: Back, Forward, Alt+Left/Right, a reload and a copied address keep the place', async ({ page, context }) => {
  const name = uniqueName('history');
  const id = await runContainer(name);
  await openBerth(page);
  // The login token left the address; Berth's own place took its fragment.
  await expect.poll(() => hash(page)).toBe('#/containers');

  await page.getByRole('button', { name, exact: true }).click();
  await expect.poll(() => hash(page)).toBe(`#/containers/${id}/logs`);
  await expectDetail(page, name, id, 'Logs');

  await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
  await expect.poll(() => hash(page)).toBe(`#/containers/${id}/terminal`);
  await expect(page.getByLabel(`Terminal in ${name}`).locator('visible=true')).toBeVisible();

  await page.goBack();
  await expect.poll(() => hash(page)).toBe(`#/containers/${id}/logs`);
  await expectDetail(page, name, id, 'Logs');

  await page.goForward();
  await expect.poll(() => hash(page)).toBe(`#/containers/${id}/terminal`);
  await expectDetail(page, name, id, 'Terminal');

  await page.reload();
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected');
  await expectDetail(page, name, id, 'Terminal');
  await expect(page.getByLabel(`Terminal in ${name}`).locator('visible=true')).toBeVisible();

  // Keyboard: Alt+Left goes back, Alt+Right forward (from a control, not from inside the terminal).
  await page.getByRole('button', { name: 'Images', exact: true }).click();
  await expect.poll(() => hash(page)).toBe('#/images');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => hash(page)).toBe(`#/containers/${id}/terminal`);
  await expectDetail(page, name, id, 'Terminal');
  await page.getByRole('tab', { name: 'Logs', exact: true }).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => hash(page)).toBe('#/images');
  await expect(page.getByRole('heading', { name: 'Images', exact: true })).toBeVisible();

  // A copied address, opened in another tab that has logged in, opens the same place.
  const copied = `${new URL(page.url()).origin}/#/containers/${id}/terminal`;
  const other = await context.newPage();
  await openBerth(other);
  await other.goto(copied);
  await expectDetail(other, name, id, 'Terminal');
  await other.reload();
  await expectDetail(other, name, id, 'Terminal');
  // A login address still opens the door (its token is read before Berth writes its place).
  const third = await context.newPage();
  await third.goto(await loginAddress());
  await expect(third.getByRole('status', { name: 'Engine' })).toContainText('Connected');
  expect(hash(third)).toBe('#/containers');
});

test('the containers search is part of the address: changed in place, kept by a reload', async ({ page }) => {
  const name = uniqueName('searched');
  await runContainer(name);
  await openBerth(page);
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill(name);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(name);
  expect(hash(page)).toBe('#/containers');
  // In place: no entry of its own, so Back leaves the list rather than undoing the typing.
  const entries = await page.evaluate(() => history.length);
  await search.fill(`${name}-x`);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(`${name}-x`);
  expect(await page.evaluate(() => history.length)).toBe(entries);
  await search.fill(name);
  await page.reload();
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(name);
  await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect.poll(() => new URL(page.url()).search).toBe('');
});
