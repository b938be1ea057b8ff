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

test('merged logs: two containers in one view, in time order, each line named', async ({ page }) => {
  await openBerth(page);
  const a = uniqueName('alpha');
  const b = uniqueName('beta');
  // Each container says its next line only when told (a file appears), and is told only once the
  // line before is in the engine's log: the lines' times are in this order however late a container
  // starts on a busy machine (fixed sleeps were not: `docker run` can take over a second under load).
  const sayWhenTold = (...lines: string[]) => ['sh', '-c', `${lines.map((l) => `until [ -e /tmp/${l} ]; do sleep 0.1; done; echo ${l}; `).join('')}sleep 600`];
  const say = async (name: string, line: string) => {
    await docker('exec', name, 'touch', `/tmp/${line}`);
    await expect.poll(() => docker('logs', name), { timeout: 10_000 }).toContain(line);
  };
  await runCommand(a, sayWhenTold('a-first', 'a-third', 'a-later'));
  await runCommand(b, sayWhenTold('b-second', 'b-fourth'));
  for (const [name, line] of [[a, 'a-first'], [b, 'b-second'], [a, 'a-third'], [b, 'b-fourth']] as const) await say(name, line);
  await page.getByRole('checkbox', { name: `Select ${a}`, exact: true }).check();
  await page.getByRole('checkbox', { name: `Select ${b}`, exact: true }).check();
  await page.getByRole('button', { name: 'Merged logs' }).click();
  await expect(page.getByRole('heading', { name: 'Logs of 2 containers' })).toBeVisible();
  const rows = page.locator('.xterm-rows');
  await expect(rows).toContainText('b-fourth');
  const text = await rows.innerText();
  const order = ['a-first', 'b-second', 'a-third', 'b-fourth'].map((s) => text.indexOf(s));
  expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  expect(text).toMatch(new RegExp(`${a}\\s*\\| a-first`));
  expect(text).toMatch(new RegExp(`${b}\\s*\\| b-second`));
  // New lines keep arriving.
  await docker('exec', a, 'touch', '/tmp/a-later');
  await expect(rows).toContainText('a-later', { timeout: 10_000 });
});

test('container files: the file system of a container, mounts marked, /etc browsed and a file downloaded', async ({ page }) => {
  await openBerth(page);
  const name = uniqueName('files');
  const volume = uniqueName('mounted');
  await runContainer(name, '-v', `${volume}:/data`);
  try {
    await page.getByRole('button', { name, exact: true }).click();
    await page.getByRole('tab', { name: 'Files' }).click();
    const root = page.getByRole('table', { name: 'Files in /' });
    await expect(root.getByRole('row', { name: /data\// })).toContainText('mount');
    await root.getByRole('button', { name: 'etc/' }).click();
    const etc = page.getByRole('table', { name: 'Files in /etc' });
    const downloading = page.waitForEvent('download');
    await etc.getByRole('link', { name: 'Download passwd' }).click();
    const saved = readFileSync((await (await downloading).path())!, 'utf8');
    expect(saved).toBe(`${await docker('exec', name, 'cat', '/etc/passwd')}\n`);
  } finally {
    await docker('rm', '-f', name);
    await docker('volume', 'rm', '-f', volume);
  }
});

test('logs: a container that restarts keeps streaming', async ({ page }) => {
  await openBerth(page);
  const name = uniqueName('restarts');
  await runCommand(name, ['sh', '-c', 'echo booted; sleep 600']);
  await page.getByRole('button', { name, exact: true }).click();
  const rows = page.locator('.xterm-rows');
  await expect(rows).toContainText('booted');
  await page.getByRole('combobox', { name: 'Keep' }).selectOption('10000');
  await docker('restart', '-t', '1', name);
  await expect(rows).toContainText('the container started again', { timeout: 20_000 });
  await expect.poll(async () => (await rows.innerText()).split('\n').filter((l) => l.trim() === 'booted').length, { timeout: 10_000 }).toBe(2);
});

test('a container that is gone: its stats and merged logs say the engine cannot find it (they waited forever)', async ({ page }) => {
  await openBerth(page);
  const gone = 'f'.repeat(64);
  await page.evaluate((place) => (location.hash = place), `#/containers/${gone}/stats`);
  await expect(page.getByRole('alert')).toContainText('The engine cannot find it.');
  await page.evaluate((place) => (location.hash = place), `#/logs/${gone},${'e'.repeat(64)}`);
  await expect(page.getByRole('alert')).toContainText('The engine cannot find it.');
});
