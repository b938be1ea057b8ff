import { expect, test, type Page } from '@playwright/test';
import { loginAddress } from './support/app';
import { removeE2eContainers, runContainer, uniqueName } from './support/engine';
import { seriousViolations } from './support/theme-checks';

test.afterEach(removeE2eContainers);

test('the first start welcomes once: the engine Berth found and how, the concepts with their commands, in Korean too', async ({ page }) => {
  await page.goto(await loginAddress());
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected');
  const welcome = page.getByRole('region', { name: 'Welcome to Berth' });
  const socket = process.env.DOCKER_HOST!;
  // How Berth found the engine is folded away (the status bar names it); one click opens it.
  const more = welcome.getByRole('button', { name: 'How Berth found your engine' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(welcome).not.toContainText('Berth found a Docker engine at');
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(welcome).toContainText(`Berth found a Docker engine at ${socket}`);
  await expect(welcome).toContainText('The engine is a daemon, dockerd (Docker ');
  await expect(welcome.getByRole('group', { name: 'Docker command' })).toContainText(`docker -H ${socket} version`);

  await welcome.getByRole('button', { name: 'How do ports work?' }).click();
  const concept = page.getByRole('dialog', { name: 'Publishing ports: -p host:container' });
  await expect(concept).toContainText('-p 8080:80');
  await expect(concept.getByRole('group', { name: 'The command it equals' })).toContainText('docker run -d -p 8080:80 nginx');
  await concept.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  const korean = page.getByRole('region', { name: 'Berth에 오신 것을 환영합니다' });
  await expect(korean).toContainText(`${socket}에서 Docker 엔진을 찾았습니다`);
  await korean.getByRole('button', { name: '컨테이너 안에서 셸을 열려면?' }).click();
  const exec = page.getByRole('dialog', { name: '실행 중인 컨테이너 안의 셸: exec -it' });
  await expect(exec).toContainText('터미널 탭');
  await expect(exec.getByRole('group', { name: '같은 뜻의 명령' })).toContainText('docker exec -it web sh');
  await exec.getByRole('button', { name: '닫기' }).click();

  // Once: dismissed, it stays away after a reload.
  await korean.getByRole('button', { name: '알겠습니다' }).click();
  await expect(korean).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('status', { name: '엔진' })).toContainText('연결됨');
  await expect(page.getByRole('heading', { name: '컨테이너', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: /Berth/ })).toHaveCount(0);
});

/** The list's first row, or the empty list's words and their link, lies wholly inside the window, above the status bar, unscrolled. */
async function expectListInView(page: Page) {
  const firstRow = page.getByRole('table').getByRole('row').nth(1);
  const essentials = (await firstRow.count()) ? firstRow : page.locator('.view__empty');
  await expect(essentials).toBeVisible();
  const box = (await essentials.boundingBox())!;
  const statusBar = (await page.getByRole('status', { name: /^(Engine|엔진)$/ }).boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(statusBar.y);
  expect(await page.locator('main').evaluate((main) => main.scrollTop + document.scrollingElement!.scrollTop)).toBe(0);
}

// A newcomer's first screen at 1024×640 was half welcome: the containers list began at the bottom
// edge, under five paragraphs the status bar already half says.
test('at 1024×640 the first start’s welcome stays compact and leaves the containers list in view, in English and Korean', async ({ page }) => {
  await runContainer(uniqueName('welcome'));
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.goto(await loginAddress());
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected');
  for (const [language, title] of [['en', 'Welcome to Berth'], ['ko', 'Berth에 오신 것을 환영합니다']] as const) {
    if (language === 'ko') await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    const welcome = page.getByRole('region', { name: title });
    await expect(welcome).toBeVisible();
    // At most a fifth of the window: a line of greeting and the concepts, not a page.
    expect((await welcome.boundingBox())!.height).toBeLessThanOrEqual(640 / 5);
    await expectListInView(page);
  }
  // The strip's smaller, muted words still read (contrast) and its parts are named.
  expect(await seriousViolations(page)).toEqual([]);
});
