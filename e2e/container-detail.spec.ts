import { openSync, closeSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { openBerth } from './support/app';
import { docker, removeE2eContainers, runCommand, runContainer, uniqueName } from './support/engine';

test.afterEach(removeE2eContainers);

// stdout and stderr are separate pipes that the engine copies independently, so their order in the
// log is only certain with a pause between them (docker logs shows the same order Berth does).
const script = [
  'for i in $(seq 1 30); do echo "line $i 한국어 로그"; done',
  'sleep 0.3',
  'echo "oops on stderr" >&2',
  'sleep 0.3',
  'printf "\\033[32mgreen text\\033[0m\\n"',
  'sleep 2',
  'echo "later line"',
  'sleep 600',
].join('; ');

async function openDetail(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

test('logs: last lines in order, colours, stderr apart, follow, regex search, download', async ({ page }) => {
  await openBerth(page);
  const name = uniqueName('logs');
  await runCommand(name, ['sh', '-c', script]);
  await openDetail(page, name);

  const rows = page.locator('.xterm-rows');
  await expect(rows).toContainText('line 30 한국어 로그');
  const text = await rows.innerText();
  expect(text.indexOf('line 29 한국어 로그')).toBeLessThan(text.indexOf('line 30 한국어 로그'));
  // ANSI colours from the program, and stderr in red by Berth.
  await expect(rows.locator('span.xterm-fg-2', { hasText: 'green text' })).toBeVisible();
  await expect(rows.locator('span.xterm-fg-1', { hasText: 'oops on stderr' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Docker command' })).toContainText(`docker logs -f --tail 1000 ${name}`);

  // Follow: a line printed later arrives by itself.
  await expect(rows).toContainText('later line', { timeout: 10_000 });

  await page.getByRole('searchbox', { name: 'Search the log' }).fill('line \\d+ 한국어');
  await page.getByRole('checkbox', { name: 'Regex' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('status', { name: 'Matches' })).toContainText('of 30 matches');

  // Download: the same bytes as `docker logs NAME > file 2>&1`.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${name}.log`);
  const saved = readFileSync((await download.path())!);
  const cliFile = test.info().outputPath('cli.log');
  const fd = openSync(cliFile, 'w');
  await new Promise<void>((resolve, reject) => {
    const child = spawn('docker', ['-H', process.env.DOCKER_HOST!, 'logs', name], { stdio: ['ignore', fd, fd] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`docker logs exited ${code}`))));
  });
  closeSync(fd);
  expect(saved.equals(readFileSync(cliFile))).toBe(true);
});

test('logs: a removed container ends the stream with a message', async ({ page }) => {
  await openBerth(page);
  const name = uniqueName('gone');
  await runContainer(name);
  await openDetail(page, name);
  await docker('rm', '-f', name);
  await expect(page.locator('.xterm-rows')).toContainText('the container was removed; the log ends here', { timeout: 10_000 });
  await expect(page.getByText('Removed', { exact: true })).toBeVisible();
});

test('inspect: the engine’s document, searchable, values as text', async ({ page }) => {
  await openBerth(page);
  const name = uniqueName('inspect');
  await runContainer(name, '--label', 'note=<b>not bold</b>');
  await openDetail(page, name);
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await expect(page.getByRole('group', { name: 'Docker command' })).toContainText(`docker inspect ${name}`);
  await page.getByRole('searchbox', { name: 'Search keys and values' }).fill('note');
  const tree = page.getByRole('tree', { name: 'Inspect document' });
  await expect(tree).toContainText('"<b>not bold</b>"');
  await expect(tree.locator('b')).toHaveCount(0);
});
