import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openBerth } from './support/app';
import { createContainer, docker, e2eLabel, removeE2eContainers, runContainer, uniqueName } from './support/engine';

const run = promisify(execFile);
test.afterEach(removeE2eContainers);

async function openTerminal(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('tab', { name: 'Terminal' }).click();
  return page.getByLabel(`Terminal in ${name}`).locator('visible=true');
}

async function typeLine(page: Page, box: Locator, line: string) {
  await box.click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** The terminal's screen as lines of text, as a person reads them. */
async function screenLines(box: Locator): Promise<string[]> {
  return (await box.locator('.xterm-rows').innerText()).split('\n').map((l) => l.trim());
}

/** Lines of the visible terminal that are just "rows cols", as `stty size` prints them. */
async function sttySizes(box: Locator): Promise<string[]> {
  return (await screenLines(box)).filter((l) => /^\d+ \d+$/.test(l));
}

test('a shell in a running container: arithmetic, resize, several tabs, exit', async ({ page }) => {
  await openBerth(page);
  const name = uniqueName('shell');
  await runContainer(name);
  const box = await openTerminal(page, name);
  await expect(page.getByText('Shell: /bin/sh (this image has no bash)')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Docker command' })).toContainText(`docker exec -it ${name} /bin/sh`);

  await typeLine(page, box, 'echo $((6*7))');
  await expect.poll(() => screenLines(box)).toContain('42');

  await typeLine(page, box, 'stty size');
  await expect.poll(() => sttySizes(box)).toHaveLength(1);
  const [before] = await sttySizes(box);
  await page.setViewportSize({ width: 900, height: 600 });
  await typeLine(page, box, 'clear; stty size');
  await expect.poll(async () => (await sttySizes(box)).at(-1)).not.toBe(before);
  const [rows, cols] = (await sttySizes(box)).at(-1)!.split(' ').map(Number);
  expect(cols).toBeLessThan(Number(before!.split(' ')[1]));
  expect(rows).toBeGreaterThan(5);

  await page.getByRole('button', { name: '+ New terminal' }).click();
  await expect(page.getByRole('tab', { name: 'Terminal 2' })).toHaveAttribute('aria-selected', 'true');
  const second = page.getByLabel(`Terminal in ${name}`).locator('visible=true');
  await typeLine(page, second, 'echo second-$((1+1))');
  await expect(second.locator('.xterm-rows')).toContainText('second-2');
  // Two shells are running in the container now.
  await expect.poll(async () => (await docker('top', name)).split('\n').filter((l) => /\/bin\/sh$/.test(l.trim())).length).toBe(2);

  await typeLine(page, second, 'exit');
  await expect(page.getByText('The shell exited (code 0).')).toBeVisible();
  await expect.poll(async () => (await docker('top', name)).split('\n').filter((l) => /\/bin\/sh$/.test(l.trim())).length).toBe(1);
});

test('a stopped container says it must be started first', async ({ page }) => {
  await openBerth(page);
  const name = uniqueName('stopped');
  await createContainer(name);
  await openTerminal(page, name);
  await expect(page.getByRole('alert')).toContainText('is not running');
  await expect(page.getByRole('alert')).toContainText('Start it first');
});

test('an image without a shell gets a clear message', async ({ page }) => {
  const root = mkdtempSync(join(tmpdir(), 'noshell-'));
  mkdirSync(join(root, 'bin'));
  copyFileSync('/bin/busybox', join(root, 'bin', 'busybox'));
  const tarball = join(root, '..', `${root.split('/').at(-1)}.tar`);
  await run('tar', ['-C', root, '-cf', tarball, '.']);
  await docker('import', '-c', 'CMD ["/bin/busybox","sleep","600"]', tarball, 'berth-fixture/noshell:latest');

  await openBerth(page);
  const name = uniqueName('noshell');
  await docker('run', '-d', '--name', name, '--label', e2eLabel, 'berth-fixture/noshell:latest');
  await openTerminal(page, name);
  await expect(page.getByRole('alert')).toContainText('has no shell');
});
