import { createServer, type Server } from 'node:net';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openBerth } from './support/app';
import { createContainer, docker, e2eLabel, fixtureImage, removeE2eContainers, testEngine, uniqueName } from './support/engine';

const authRegistry = `127.0.0.1:${process.env.BERTH_REGISTRY_AUTH_PORT || 5056}`;
test.afterEach(removeE2eContainers);

/** Four or more English words in a row: a sentence of Berth's own that was not translated. */
const englishSentence = /[A-Za-z]{2,}(?:[ ,]+[A-Za-z']{2,}){3,}/;

/**
 * What Berth itself wrote in `message` (an alert, a field's problem): Hangul, and no English
 * sentence. What the engine or a registry said is shown quoted (.error-notice__quoted) and is
 * left out, as are commands shown as code.
 */
async function expectBerthKorean(message: Locator): Promise<string> {
  await expect(message).toBeVisible({ timeout: 30_000 });
  const own = await message.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const quoted of copy.querySelectorAll('.error-notice__quoted, code')) quoted.remove();
    return copy.textContent ?? '';
  });
  expect(own, own).toMatch(/[가-힣]/);
  expect(own, own).not.toMatch(englishSentence);
  // A name in a sentence takes the particle that fits it, never the hedged 을(를), 이(가), (으)로.
  expect(own, own).not.toMatch(/\((을|를|이|가|은|는|으|과|와)\)/);
  return own;
}

async function openInKorean(page: Page) {
  await openBerth(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('status', { name: '엔진' })).toContainText('연결됨');
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true }).click();

test('every refusal Berth words is Korean in the Korean UI: reference, login, port, name, image in use, volume in use', async ({ page }) => {
  test.setTimeout(120_000);
  await openInKorean(page);

  // A bad image reference, refused as it is typed.
  await nav(page, '이미지');
  await page.getByRole('button', { name: '받기…' }).click();
  const pull = page.getByRole('dialog', { name: '이미지 받기' });
  await pull.getByRole('textbox', { name: '이미지' }).fill('Nginx:Latest');
  await expectBerthKorean(pull.locator('.field__problem'));

  // A pull the registry refuses without a login.
  await pull.getByRole('textbox', { name: '이미지' }).fill(`${authRegistry}/e2e/private:1`);
  await pull.getByRole('button', { name: '받기', exact: true }).click();
  await expectBerthKorean(pull.getByRole('alert'));
  await pull.getByRole('button', { name: '닫기' }).click();

  // A host port another program holds.
  const holder: Server = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const takenPort = (holder.address() as { port: number }).port;
  try {
    await page.getByRole('button', { name: `${fixtureImage} 실행`, exact: true }).click();
    const run = page.getByRole('dialog', { name: '컨테이너 실행' });
    await run.getByRole('spinbutton', { name: '호스트 포트 1' }).or(run.getByRole('textbox', { name: '호스트 포트 1' })).fill(String(takenPort));
    const problem = run.locator('.field__problem').filter({ hasText: String(takenPort) });
    await expectBerthKorean(problem);
    await run.getByRole('button', { name: '취소' }).click();
  } finally {
    holder.close();
  }

  // A container name already taken (the engine refuses the rename).
  const first = uniqueName('ko-first');
  const second = uniqueName('ko-second');
  await createContainer(first);
  await createContainer(second);
  await nav(page, '컨테이너');
  await page.getByRole('searchbox', { name: '검색' }).fill('ko-');
  await page.getByRole('checkbox', { name: `${second} 선택`, exact: true }).check();
  await page.getByRole('toolbar', { name: '컨테이너 작업' }).getByRole('button', { name: '이름 변경' }).click();
  const rename = page.getByRole('dialog', { name: '컨테이너 이름 변경' });
  await rename.getByRole('textbox', { name: '새 이름' }).fill(first);
  await rename.getByRole('button', { name: '이름 변경' }).click();
  await expectBerthKorean(rename.getByRole('alert'));
  await rename.getByRole('button', { name: '취소' }).click();

  // An image a container uses.
  const tag = `e2e/ko-inuse:${uniqueName('t').slice(4)}`;
  await docker('tag', fixtureImage, tag);
  const maker = uniqueName('ko-maker');
  await docker('run', '--name', maker, '--label', e2eLabel, tag, 'sh', '-c', 'echo made > /made');
  // Names whose ends a Korean reader says 웹 and 일: the sentence must follow them (…-web이, …-1을).
  const own = `e2e/ko-own:${uniqueName('t').slice(4)}-1`;
  await docker('commit', maker, own);
  const user = `${uniqueName('ko-user')}-web`;
  await docker('create', '--name', user, '--label', e2eLabel, own);
  try {
    await nav(page, '이미지');
    await page.getByRole('checkbox', { name: `${own} 선택` }).check();
    await page.getByRole('toolbar', { name: '이미지 작업' }).getByRole('button', { name: '삭제' }).click();
    await page.getByRole('dialog', { name: '이미지 1개를 삭제할까요?' }).getByRole('button', { name: '삭제' }).click();
    const refusal = page.getByRole('alert').first();
    await expectBerthKorean(refusal);
    await expect(refusal).toContainText(`중지된 컨테이너 ${user}이 ${own}을 사용하고 있습니다.`);
  } finally {
    await docker('rm', '-f', user, maker).catch(() => undefined);
    await docker('rmi', '-f', own, tag).catch(() => undefined);
  }

  // A volume a container uses.
  const volume = uniqueName('ko-data');
  await docker('volume', 'create', volume);
  const mounter = uniqueName('ko-mounter');
  await createContainer(mounter, '-v', `${volume}:/data`);
  try {
    await nav(page, '볼륨');
    await page.getByRole('checkbox', { name: `${volume} 선택` }).check();
    await page.getByRole('toolbar', { name: '볼륨 작업' }).getByRole('button', { name: '삭제' }).click();
    await page.getByRole('dialog', { name: '볼륨 1개를 삭제할까요?' }).getByRole('button', { name: '삭제' }).click();
    await expectBerthKorean(page.getByRole('alert').first());
  } finally {
    await docker('rm', '-f', mounter).catch(() => undefined);
    await docker('volume', 'rm', '-f', volume).catch(() => undefined);
  }
});

test('the engine away is said in Korean, and Berth comes back with it', async ({ page }) => {
  test.setTimeout(150_000);
  await openInKorean(page);
  await testEngine('stop');
  try {
    const banner = page.getByRole('alert');
    await expect(page.getByRole('status', { name: '엔진' })).toContainText('연결 끊김', { timeout: 30_000 });
    const text = await expectBerthKorean(banner.first());
    expect(text).toContain('엔진');
    await expectBerthKorean(page.getByRole('status', { name: '엔진' }));
  } finally {
    await testEngine('start');
  }
  await expect(page.getByRole('status', { name: '엔진' })).toContainText('연결됨', { timeout: 60_000 });
});

test('an upload the web host refuses is said in Korean (the host used to answer in English plain text)', async ({ page }) => {
  const name = uniqueName('ko-upload');
  const id = await createContainer(name);
  await openInKorean(page);
  await page.goto(`${new URL(page.url()).origin}/#/containers/${id}/files`);
  await expect(page.getByRole('tab', { name: '파일', exact: true })).toHaveAttribute('aria-selected', 'true');
  const input = page.getByLabel('/에 파일 올리기');
  await expect(input).toBeAttached();
  // The container goes away behind Berth's back; the upload's answer comes from the web host.
  await docker('rm', '-f', name);
  await input.setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('hello\n') });
  await expectBerthKorean(page.getByRole('alert').filter({ hasText: 'note.txt' }).or(page.locator('.error-notice')).first());
});

test('a log stream the engine cannot give says why in Korean (it showed Berth’s English message)', async ({ page }) => {
  // A container whose logging driver keeps nothing: the engine refuses to read its logs.
  const name = uniqueName('nolog');
  await createContainer(name, '--log-driver', 'none');
  const id = await docker('inspect', '--format', '{{.Id}}', name);
  await openInKorean(page);
  await page.evaluate((place) => (location.hash = place), `#/containers/${id}/logs`);
  await expectBerthKorean(page.getByRole('alert').first());
});
