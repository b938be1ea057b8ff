import { expect, test } from '@playwright/test';
import { openBerth } from './support/app';

test('a view whose code cannot be loaded says so in its place; the window and the other sections keep working', async ({ page }) => {
  // The Images view's chunk never arrives (the host went away mid-update, a broken install).
  await page.route(/\/assets\/ImagesView-[^/]*\.js$/, (route) => route.abort());
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'This part of Berth could not be shown.' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('button', { name: 'Reload' })).toBeVisible();

  await page.getByRole('navigation').getByRole('button', { name: 'Volumes' }).click();
  await expect(page.getByRole('heading', { name: 'Volumes' })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test('a Korean catalog that cannot be loaded leaves the words English and the language picker saying so', async ({ page }) => {
  await page.route(/\/assets\/ko-[^/]*\.js$/, (route) => route.abort());
  await openBerth(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible();
});
