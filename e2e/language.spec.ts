import { expect, test } from '@playwright/test';
import { openBerth } from './support/app';
import { createContainer, docker, runContainer, uniqueName } from './support/engine';

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

// A list opened before stays in the page, hidden (app/KeptView.tsx): switched meanwhile, the language
// must reach it when it is shown again, as it reached a view drawn anew.
test('a list opened before the language was switched shows the new language when opened again', async ({ page }) => {
  await openBerth(page);
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: 'Volumes' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search volumes' })).toBeVisible();
  await nav.getByRole('button', { name: 'Containers' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await nav.getByRole('button', { name: '볼륨' }).click();
  await expect(page.getByRole('heading', { name: '볼륨', exact: true })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: '볼륨 검색' })).toBeVisible();
  await page.getByRole('combobox', { name: '언어' }).selectOption('en');
  await expect(page.getByRole('searchbox', { name: 'Search volumes' })).toBeVisible();
});

// Berth's own input rules are worded from the catalogs (engine/contract/input-problems.ts), so a
// Korean reader never meets an English sentence for a bad name.
test('a bad container name is explained in Korean, with no English sentence', async ({ page }) => {
  const name = uniqueName('worded');
  await createContainer(name);
  try {
    await openBerth(page);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await page.getByRole('checkbox', { name: `${name} 선택`, exact: true }).check();
    await page.getByRole('toolbar', { name: '컨테이너 작업' }).getByRole('button', { name: '이름 변경', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '컨테이너 이름 변경' });
    const field = dialog.getByRole('textbox', { name: '새 이름' });
    for (const bad of ['bad name!', 'a']) {
      await field.fill(bad);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      // The problem is the field's description, as a screen reader announces it.
      await expect(field).toHaveAccessibleDescription(/[가-힣]/);
      await expect(field).not.toHaveAccessibleDescription(/\b(?:name|letters?|digits?|characters?|starts?|uses?|only|least|most)\b/i);
      await expect(dialog.getByRole('button', { name: '이름 변경', exact: true })).toBeDisabled();
    }
  } finally {
    await page.getByRole('combobox', { name: '언어' }).selectOption('en');
    await docker('rm', '-f', name);
  }
});

// xterm names the text field a terminal types through "Terminal input" in English; a Korean
// screen-reader user heard that, even for a shell kept open across a language switch.
test('a terminal’s input is named in the person’s language, also after switching', async ({ page }) => {
  const name = uniqueName('term-ko');
  await runContainer(name);
  try {
    await openBerth(page);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await page.getByRole('button', { name, exact: true }).click();
    await page.getByRole('tab', { name: '터미널', exact: true }).click();
    await expect(page.getByText('셸: /bin/sh')).toBeVisible();
    await expect(page.getByRole('textbox', { name: '터미널 입력' })).toHaveCount(1);
    await expect(page.getByRole('textbox', { name: 'Terminal input' })).toHaveCount(0);
    await page.getByRole('combobox', { name: '언어' }).selectOption('en');
    await expect(page.getByRole('textbox', { name: 'Terminal input' })).toHaveCount(1);
  } finally {
    await docker('rm', '-f', name);
  }
});
