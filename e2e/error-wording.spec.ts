import { expect, test } from '@playwright/test';
import { openBerth } from './support/app';
import { docker, uniqueName } from './support/engine';

// A refusal the engine names by reason is worded from the catalog, in the person's language, with
// the names it is about filled in (engine/contract/errors.ts errorReasons, renderer/src/i18n).
test('a volume driver the engine lacks is refused at once, worded in Korean', async ({ page }) => {
  await openBerth(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await page.getByRole('navigation').getByRole('button', { name: '볼륨' }).click();
  await page.getByRole('button', { name: '만들기…' }).click();
  const dialog = page.getByRole('dialog', { name: '볼륨 만들기' });
  const name = uniqueName('driverless');
  await dialog.getByRole('textbox', { name: '이름 (선택)' }).fill(name);
  await dialog.getByRole('textbox', { name: '드라이버', exact: true }).fill('berth-no-such-driver');
  await dialog.getByRole('button', { name: '만들기', exact: true }).click();
  // dockerd itself would look for the plugin for about 15 s; Berth answers well before.
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('이 엔진에는 “berth-no-such-driver”라는 볼륨 드라이버가 없습니다.', { timeout: 5_000 });
  await expect(alert).toContainText('여기에 설치된 드라이버: local.');
  await expect(docker('volume', 'inspect', name)).rejects.toThrow();
  await page.getByRole('combobox', { name: '언어' }).selectOption('en');
});

// The Korean pull dialog used to pair its Korean title with Berth's English hint for a missing tag.
test('a tag the registry does not have is explained in Korean, with the registry’s own words quoted', async ({ page }) => {
  const registry = `127.0.0.1:${process.env.BERTH_REGISTRY_PORT || 5055}`;
  await openBerth(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await page.getByRole('navigation').getByRole('button', { name: '이미지' }).click();
  await page.getByRole('button', { name: '받기…' }).click();
  const dialog = page.getByRole('dialog', { name: '이미지 받기' });
  await dialog.getByRole('textbox', { name: '이미지' }).fill(`${registry}/e2e/fixture:no-such-tag`);
  await dialog.getByRole('button', { name: '받기', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText(`${registry}에 ${registry}/e2e/fixture:no-such-tag 이미지가 없습니다.`, { timeout: 30_000 });
  await expect(alert).toContainText('이름과 태그를 확인하세요.');
  await expect(alert).toContainText('manifest unknown');
  await expect(alert).not.toContainText('Check the name');
  await page.getByRole('combobox', { name: '언어' }).selectOption('en');
});
