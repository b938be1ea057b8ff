import { chmodSync, linkSync, mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openBerth } from './support/app';
import { docker, fixtureImage, uniqueName } from './support/engine';

/** Every entry under /ctx in an image: name, type and mode; a file's size, mtime and link count; a symbolic link's target. */
const listing = [
  'find /ctx | sort | while read -r f; do',
  '  if [ -L "$f" ]; then echo "$f -> $(readlink "$f")";',
  '  elif [ -f "$f" ]; then stat -c "%n %F %a %s %Y links:%h" "$f";',
  '  else stat -c "%n %F %a" "$f"; fi',
  'done',
].join('\n');

async function buildThroughBerth(page: Page, folder: string, tag: string) {
  await page.getByRole('button', { name: 'Build…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Build an image' });
  await dialog.getByRole('textbox', { name: 'Folder (build context)' }).fill(folder);
  await dialog.getByRole('textbox', { name: 'Name for the image (optional)' }).fill(tag);
  await dialog.getByRole('button', { name: 'Build', exact: true }).click();
  return dialog;
}

test('build: the image holds exactly what docker build puts in (.dockerignore exceptions, [...] classes, symbolic links, modes, times)', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'berth-context-'));
  const files: Record<string, string> = {
    Dockerfile: `FROM ${fixtureImage}\nCOPY . /ctx/\n`,
    '.dockerignore': 'node_modules\n!node_modules/keep.js\n*.py[cod]\nlog[0-9].txt\n',
    'node_modules/keep.js': 'kept\n',
    'node_modules/drop.js': 'dropped\n',
    'node_modules/deep/x.js': 'dropped\n',
    'app.py': 'print(1)\n',
    'app.pyc': 'compiled\n',
    'cache.pyo': 'compiled\n',
    'log1.txt': 'left out\n',
    'logx.txt': 'kept\n',
    'src/main.py': 'print(2)\n',
    'run.sh': '#!/bin/sh\n',
    // Contents no earlier run had: the builder's cache (which leaves times out of its key) cannot
    // hand back an older build's files.
    'stamp.txt': `${folder}\n`,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  chmodSync(join(folder, 'run.sh'), 0o750);
  // A time in the second half of a second: docker build cuts the fraction off (it does not round).
  const late = new Date('2024-05-06T07:08:09.700Z');
  utimesSync(join(folder, 'logx.txt'), late, late);
  symlinkSync('src/main.py', join(folder, 'main-link'));
  linkSync(join(folder, 'run.sh'), join(folder, 'run-again.sh'));
  symlinkSync('../nowhere/그림.png', join(folder, 'dangling-link'));
  const berthTag = `e2e/context-berth:${uniqueName('t').slice(4)}`;
  const cliTag = `e2e/context-cli:${uniqueName('t').slice(4)}`;

  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  const dialog = await buildThroughBerth(page, folder, berthTag);
  await expect(dialog.getByRole('status')).toContainText(`Built ${berthTag}`, { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  // Not from the cache of Berth's build just made: each puts the files in itself.
  await docker('build', '-q', '--no-cache', '-t', cliTag, folder);

  try {
    const fromBerth = await docker('run', '--rm', berthTag, 'sh', '-c', listing);
    const fromCli = await docker('run', '--rm', cliTag, 'sh', '-c', listing);
    expect(fromBerth).toBe(fromCli);
    // And what that is, so the comparison cannot pass on two empty lists.
    expect(fromBerth).toContain('/ctx/node_modules/keep.js regular file');
    expect(fromBerth).not.toContain('drop.js');
    expect(fromBerth).not.toContain('/ctx/node_modules/deep');
    expect(fromBerth).not.toMatch(/app\.pyc|cache\.pyo|log1\.txt/);
    expect(fromBerth).toContain('/ctx/logx.txt regular file 644 5 1714979289 links:1'); // …09.7 s, cut to 09 as docker build does
    expect(fromBerth).toContain('/ctx/main-link -> src/main.py');
    expect(fromBerth).toContain('/ctx/dangling-link -> ../nowhere/그림.png');
    expect(fromBerth).toContain('/ctx/run.sh regular file 750');
    expect(fromBerth).toMatch(/\/ctx\/run-again\.sh regular file 750 10 \d+ links:2/);
  } finally {
    await docker('rmi', berthTag, cliTag).catch(() => undefined);
  }
});

test('build: a .dockerignore pattern docker refuses is named with its line, and nothing is built', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'berth-context-'));
  writeFileSync(join(folder, 'Dockerfile'), `FROM ${fixtureImage}\nCOPY . /ctx/\n`);
  writeFileSync(join(folder, '.dockerignore'), '# caches\n*.pyc\nlog[0-9.txt\n');
  const tag = `e2e/context-bad:${uniqueName('t').slice(4)}`;
  // docker build refuses it too.
  await expect(docker('build', '-q', '-t', tag, folder)).rejects.toThrow(/syntax error in pattern/);

  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  const dialog = await buildThroughBerth(page, folder, tag);
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('.dockerignore line 3: “log[0-9.txt” is not a pattern docker accepts.');
  await expect(alert).toContainText('Fix or remove that line');
  await expect(docker('image', 'inspect', tag)).rejects.toThrow();

  // The same failure in Korean: the words come from the catalog, the pattern as written.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await page.getByRole('button', { name: '빌드…' }).click();
  const korean = page.getByRole('dialog', { name: '이미지 빌드' });
  await korean.getByRole('textbox', { name: '폴더 (빌드 컨텍스트)' }).fill(folder);
  await korean.getByRole('button', { name: '빌드', exact: true }).click();
  await expect(korean.getByRole('alert')).toContainText('.dockerignore 3번째 줄의 “log[0-9.txt”는 docker가 받아들이지 않는 패턴입니다.');
  await korean.getByRole('button', { name: '닫기' }).click();
  await page.getByRole('combobox', { name: '언어' }).selectOption('en');
});
