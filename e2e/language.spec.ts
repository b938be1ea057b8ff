import { expect, test } from '@playwright/test';
import { openBerth } from './support/app';

test('switching to Korean changes the visible labels, and back', async ({ page }) => {
  await openBerth(page);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('button', { name: 'Containers' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(nav.getByRole('button', { name: '컨테이너' })).toBeVisible();
  await expect(nav.getByRole('button', { name: '이미지' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '컨테이너' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: '컨테이너 작업' }).getByRole('button', { name: '시작', exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('연결됨');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');

  // The choice is remembered across a reload.
  await page.reload();
  await expect(nav.getByRole('button', { name: '컨테이너' })).toBeVisible();

  await page.getByRole('combobox', { name: '언어' }).selectOption('en');
  await expect(nav.getByRole('button', { name: 'Containers' })).toBeVisible();
});
