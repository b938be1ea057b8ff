import { expect, test } from '@playwright/test';
import { loginAddress } from './support/app';

test('the first start welcomes once: the engine Berth found and how, the concepts with their commands, in Korean too', async ({ page }) => {
  await page.goto(await loginAddress());
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected');
  const welcome = page.getByRole('region', { name: 'Welcome to Berth' });
  const socket = process.env.DOCKER_HOST!;
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
