import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openBerth } from './support/app';
import { docker, fixtureImage, removeE2eContainers, runCommand, uniqueName } from './support/engine';

test.afterEach(removeE2eContainers);

// What containers write is untrusted: it must show as text in Berth's views, never act on them.

const ownOrigin = `http://127.0.0.1:${process.env.BERTH_E2E_PORT ?? '7391'}`;

/** A busybox `sh -c` script printing each of `outputs` (printf escapes: \033 is ESC), then waiting. */
function printing(...outputs: string[]): string[] {
  return ['sh', '-c', `${outputs.map((o) => `printf '${o}\\n'; `).join('')}sleep 600`];
}

/** Moves the mouse onto `text` in a terminal and clicks it, as a person clicks a link there. */
async function clickText(page: Page, box: Locator, text: string): Promise<void> {
  const at = (await box.getByText(text).boundingBox())!;
  await page.mouse.move(at.x + 5, at.y + at.height / 2);
  await page.mouse.click(at.x + 5, at.y + at.height / 2);
}

test('a log cannot clear itself, recolour or retitle the page, spoof lines, or link to Berth', async ({ page, context }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await openBerth(page);
  const title = await page.title();
  const name = uniqueName('hostile-log');
  await runCommand(
    name,
    printing(
      'first-line',
      '\\033]0;PWNED-TITLE\\007titled',
      '\\033]52;c;cHduZWQ=\\007clipboard',
      `\\033]8;;${ownOrigin}/#/containers\\033\\\\OWN-LINK\\033]8;;\\033\\\\ link`,
      '\\033]11;#ff0000\\007\\033]10;#ff0000\\007recoloured',
      '\\033[?1000h\\033[?1049hmouse-and-alternate-screen',
      '\\033[2J\\033[3J\\033cafter-clear',
      'real | made up\\rfake |',
      '\\033[31mred\\033[8mhidden-by-conceal',
    ),
  );
  await page.getByRole('button', { name, exact: true }).click();
  const log = page.getByRole('log', { name: 'Log output' });
  const rows = log.locator('.xterm-rows');
  await expect(rows).toContainText('hidden-by-conceal');
  const background = await log.locator('.xterm-viewport').evaluate((e) => getComputedStyle(e).backgroundColor);

  // The history is still there, line by line; nothing was drawn over another line.
  const text = await rows.innerText();
  for (const line of ['first-line', 'titled', 'clipboard', 'OWN-LINK link', 'recoloured', 'mouse-and-alternate-screen', 'after-clear']) expect(text).toContain(line);
  expect(text).toMatch(/real \| made up\s*\n\s*fake \|/);
  expect(background).not.toBe('rgb(255, 0, 0)');
  expect(await page.title()).toBe(title);

  // A link in the log is plain text: a click opens nothing (before: xterm's English confirm, then
  // Berth's own page in a new tab, holding this tab's session). The page answers the next click.
  await clickText(page, log, 'OWN-LINK');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  expect(dialogs).toEqual([]);
  expect(context.pages()).toHaveLength(1);
  await page.screenshot({ path: test.info().outputPath('hostile-log.png') });
});

test('merged logs: a line cannot write over another service’s name', async ({ page }) => {
  await openBerth(page);
  const real = uniqueName('real');
  const other = uniqueName('other');
  await runCommand(real, printing('real-says-hello'));
  // Carriage returns and a cursor move try to draw "<real> | forged" over this container's own name.
  await runCommand(other, printing(`\\033[1G${real} | forged-by-cursor`, `x\\r${real} | forged-by-return`));
  await page.getByRole('checkbox', { name: `Select ${real}`, exact: true }).check();
  await page.getByRole('checkbox', { name: `Select ${other}`, exact: true }).check();
  await page.getByRole('button', { name: 'Merged logs' }).click();
  const rows = page.getByRole('log', { name: 'Merged log output' }).locator('.xterm-rows');
  await expect(rows).toContainText('forged-by-return');
  await expect(rows).toContainText('real-says-hello');
  const lines = (await rows.innerText()).split('\n').map((l) => l.trim());
  for (const forged of ['forged-by-cursor', 'forged-by-return']) {
    const line = lines.find((l) => l.includes(forged))!;
    expect(line.startsWith(other), line).toBe(true);
  }
});

test('merged logs: a container with a TTY (its lines end in CR LF) shows each line once, with no empty named row after it', async ({ page }) => {
  await openBerth(page);
  const plain = uniqueName('plain');
  const tty = uniqueName('tty');
  await runCommand(plain, printing('plain-line'));
  // A TTY turns every \n into \r\n (the engine keeps the log as written), as Compose's `tty: true` does.
  await runCommand(tty, printing('tty-one', 'tty-two', 'tty-three'), '-t');
  await page.getByRole('checkbox', { name: `Select ${plain}`, exact: true }).check();
  await page.getByRole('checkbox', { name: `Select ${tty}`, exact: true }).check();
  await page.getByRole('button', { name: 'Merged logs' }).click();
  const rows = page.getByRole('log', { name: 'Merged log output' }).locator('.xterm-rows');
  await expect(rows).toContainText('tty-three');
  await expect(rows).toContainText('plain-line');
  const ttyRows = (await rows.innerText())
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith(tty));
  // Before: every line was followed by a row holding only "<name> |".
  expect(ttyRows.map((l) => l.replace(/^\S+\s*\|\s*/, ''))).toEqual(['tty-one', 'tty-two', 'tty-three']);
});

test('the shell: a program asking terminal queries in a loop gets its answers in few calls, and links ask first', async ({ page, context }) => {
  let inputCalls = 0;
  page.on('websocket', (ws) => ws.on('framesent', (frame) => (inputCalls += String(frame.payload).match(/exec\.input/g)?.length ?? 0)));
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openBerth(page);
  const name = uniqueName('hostile-shell');
  await runCommand(name, ['sleep', '600']);
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const box = page.getByLabel(`Terminal in ${name}`).locator('visible=true');
  const rows = box.locator('.xterm-rows');
  await box.click();
  // 20,000 rounds of a cursor-position and a device-attributes query, which xterm answers as input.
  await page.keyboard.type(`i=0; while [ $i -lt 20000 ]; do printf '\\033[6n\\033[c'; i=$((i+1)); done; clear; echo loop-""ended`);
  await page.keyboard.press('Enter');
  await expect(rows).toContainText('loop-ended', { timeout: 30_000 });
  // Before: one call per answer, 40,000 of them (page heap 200–400 MB, a click answered after seconds).
  expect(inputCalls).toBeLessThan(2000);
  // The answers wait in the shell's line as typed text (fixed characters, nothing the program chose),
  // as in any terminal. The page answers at once: a second terminal opens.
  await page.getByRole('button', { name: '+ New terminal' }).click();
  const second = page.getByLabel(`Terminal in ${name}`).locator('visible=true');
  await expect(page.getByRole('tab', { name: 'Terminal 2' })).toHaveAttribute('aria-selected', 'true');
  await expect(second.locator('.xterm-rows')).toContainText('#');
  await second.click();

  // Title (OSC 0, 2) and clipboard (OSC 52) requests change nothing: nothing in Berth honours them.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText('untouched'));
  const title = await page.title();
  await page.keyboard.type(`printf '\\033]0;PWNED\\007\\033]2;PWNED\\007\\033]52;c;cHduZWQ=\\007%s\\n' osc-""sent`);
  await page.keyboard.press('Enter');
  await expect(second.locator('.xterm-rows')).toContainText('osc-sent');
  expect(await page.title()).toBe(title);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('untouched');

  // Links (OSC 8): Berth's own address is refused, another is asked about in Berth's words.
  await page.keyboard.type(`clear; printf '\\033]8;;${ownOrigin}/#/containers\\033\\\\OWN-LINK\\033]8;;\\033\\\\ \\033]8;;http://example.invalid/x\\033\\\\WEB-LINK\\033]8;;\\033\\\\\\n'`);
  await page.keyboard.press('Enter');
  await expect(second.locator('.xterm-rows')).toContainText('OWN-LINK WEB-LINK');
  await clickText(page, second, 'OWN-LINK');
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]).toContain('Berth does not open it');
  await clickText(page, second, 'WEB-LINK');
  await expect.poll(() => dialogs.length).toBe(2);
  expect(dialogs[1]).toContain('http://example.invalid/x');
  expect(dialogs[1]).toContain('open it only if you trust it');
  expect(context.pages()).toHaveLength(1);
});

test('a shell whose program leaves the alternate screen and mouse reporting on, ending while its tab is hidden, shows its history', async ({ page }) => {
  await openBerth(page);
  const name = uniqueName('hostile-exit');
  await runCommand(name, ['sleep', '600']);
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
  const box = page.getByLabel(`Terminal in ${name}`).locator('visible=true');
  await expect(box.locator('.xterm-rows')).toContainText('#');
  await box.click();
  await page.keyboard.type('echo history-""line; sleep 2; printf "\\033[?1049h\\033[?25l\\033[?1000h\\033[2J"; exit 3');
  await page.keyboard.press('Enter');
  await expect(box.locator('.xterm-rows')).toContainText('history-line');
  // Hidden (and resized) while the shell ends.
  await page.getByRole('tab', { name: 'Logs' }).click();
  await page.setViewportSize({ width: 900, height: 600 });
  await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
  await expect(page.getByText('The shell exited (code 3)')).toBeVisible();
  // Before: a blank alternate screen, the history out of reach.
  await expect(box.locator('.xterm-rows')).toContainText('history-line');
});

test('a program flooding the shell with queries while nothing reads the terminal: the page says input is not read', async ({ page }) => {
  test.setTimeout(90_000);
  await openBerth(page);
  const name = uniqueName('hostile-unread');
  await runCommand(name, ['sleep', '600']);
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
  const box = page.getByLabel(`Terminal in ${name}`).locator('visible=true');
  await expect(box.locator('.xterm-rows')).toContainText('#');
  await box.click();
  // The program's input is /dev/null and the shell waits for it: the terminal's answers pile up unread.
  await page.keyboard.type(`sh -c 'while :; do printf "\\033[6n\\033[6n\\033[6n\\033[6n\\033[6n\\033[6n\\033[6n\\033[6n"; done' </dev/null`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'The shell is not reading what is typed' })).toBeVisible({ timeout: 60_000 });
  // Closing the terminal ends the program's shell.
  await page.getByRole('button', { name: 'Close terminal 1' }).click();
  await expect(page.getByText('No terminal open.')).toBeVisible();
  await expect.poll(async () => (await docker('top', name)).split('\n').filter((l) => /sh( -c|$)/.test(l.trim())).length).toBe(0);
});

test('project logs: a service label carrying control sequences is shown as text, not obeyed on every line', async ({ page }) => {
  await openBerth(page);
  const project = uniqueName('hostile-project');
  const name = uniqueName('hostile-service');
  // Compose never makes such a service name, but any container can carry the label.
  const service = 'web\x1b[?1049h\x1b]0;PWNED\x07\x1b[2J';
  await runCommand(name, printing('service-line'), '--label', `com.docker.compose.project=${project}`, '--label', `com.docker.compose.service=${service}`);
  const title = await page.title();
  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  await page.getByRole('row', { name: `Project ${project}`, exact: true }).getByRole('button', { name: 'Logs', exact: true }).click();
  const rows = page.getByRole('log', { name: 'Merged log output' }).locator('.xterm-rows');
  // Before: the label switched every line to the alternate screen and cleared it; nothing stayed.
  await expect(rows).toContainText('web⟨U+001B⟩[?1049h⟨U+001B⟩]0;PWNED⟨U+0007⟩⟨U+001B⟩[2J | service-line');
  expect(await page.title()).toBe(title);
});

test('build output shows a RUN step’s text without its control sequences, and a right-to-left override written out', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'berth-hostile-build-'));
  const tag = `e2e/hostile-build:${uniqueName('t').slice(4)}`;
  // printf's octal escapes: ESC (033), BEL (007), and U+202E as UTF-8 (342 200 256). The comment
  // makes the step this run's own: a cached step prints nothing (an earlier run on the same engine).
  writeFileSync(
    join(folder, 'Dockerfile'),
    `FROM ${fixtureImage}\nRUN printf 'plain\\033]0;PWNED\\007 \\033[31mred\\033[0m \\033[2Kevil\\342\\200\\256txt.exe\\n' # ${tag}\n`,
  );
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  await page.getByRole('button', { name: 'Build…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Build an image' });
  await dialog.getByRole('textbox', { name: 'Folder (build context)' }).fill(folder);
  await dialog.getByRole('textbox', { name: 'Name for the image (optional)' }).fill(tag);
  await dialog.getByRole('button', { name: 'Build', exact: true }).click();
  const output = dialog.getByLabel('Build output');
  try {
    // Before: "plain]0;PWNED [31mred[0m [2Kevil" and the rest of the line laid out backwards.
    await expect(output).toContainText('plain red evil⟨U+202E⟩txt.exe');
    // Ended before the image is removed: a removal while the build still ran left the image behind.
    await expect(dialog.getByRole('status')).toContainText(`Built ${tag}`, { timeout: 60_000 });
  } finally {
    await docker('rmi', '-f', tag).catch(() => undefined);
  }
});

/**
 * Opens a shell in a new container named from `prefix`, starts `command` (which writes what it reads
 * to /tmp/pasted), pastes `lines` lines of 100 characters as a person's paste would, and waits for
 * them all to land; answers the container's name.
 */
async function pasteIntoShell(page: Page, prefix: string, command: string, lines: number): Promise<string> {
  await openBerth(page);
  const name = uniqueName(prefix);
  await runCommand(name, ['sleep', '600']);
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
  const box = page.getByLabel(`Terminal in ${name}`).locator('visible=true');
  await expect(box.locator('.xterm-rows')).toContainText('#');
  await box.click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  const text = Array.from({ length: lines }, (_, i) => `${String(i).padStart(5, '0')} ${'p'.repeat(94)}\n`).join('');
  await box.locator('textarea').evaluate((area, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect.poll(() => docker('exec', name, 'wc', '-l', '/tmp/pasted'), { timeout: 30_000 }).toBe(`${lines} /tmp/pasted`);
  return name;
}

test('the shell: a paste of more than 64 KiB arrives whole (it was dropped without a word)', async ({ page }) => {
  // 1,000 lines of 100 characters: 100,000 characters, over the 65,536 one call may carry.
  const name = await pasteIntoShell(page, 'hostile-paste', 'cat > /tmp/pasted', 1000);
  await page.keyboard.press('Control+D');
  expect(await docker('exec', name, 'tail', '-n', '1', '/tmp/pasted')).toBe(`00999 ${'p'.repeat(94)}`);
});

test('the shell: a paste of more than 1 MiB into a shell that reads arrives whole (it was refused as input the shell does not read)', async ({ page }) => {
  // 11,000 lines of 100 characters: 1,100,000 characters, over the 1 MiB the page lets wait at once.
  // stty -echo: the shell's echo of 1.1 MB would only slow the test down.
  const name = await pasteIntoShell(page, 'big-paste', 'stty -echo; cat > /tmp/pasted', 11_000);
  await expect(page.getByText('The shell is not reading what is typed')).toHaveCount(0);
  await page.keyboard.press('Control+D');
  expect(await docker('exec', name, 'tail', '-n', '1', '/tmp/pasted')).toBe(`10999 ${'p'.repeat(94)}`);
});
