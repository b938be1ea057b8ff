import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { testDir } from '../playwright.config';
import { openBerth } from './support/app';
import { createContainer, docker, fixtureImage, removeE2eContainers, runContainer, uniqueName } from './support/engine';

test.afterEach(async () => {
  await removeE2eContainers();
  // Networks the journeys made (their names start with e2e-net-), so a subnet is free for the next run.
  const leftovers = (await docker('network', 'ls', '-q', '--filter', 'name=e2e-net-')).split('\n').filter(Boolean);
  if (leftovers.length) await docker('network', 'rm', ...leftovers);
});

async function open(page: Page, section: 'Volumes' | 'Networks') {
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: section }).click();
  await expect(page.getByRole('heading', { name: section })).toBeVisible();
}

const volumeExists = (name: string) =>
  docker('volume', 'inspect', name).then(
    () => true,
    () => false,
  );

test('volumes: create one, and a volume in use is never removed (the message names the container)', async ({ page }) => {
  await open(page, 'Volumes');
  const name = uniqueName('data');
  await page.getByRole('button', { name: 'Create…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a volume' });
  await dialog.getByRole('textbox', { name: 'Name (optional)' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Labels (key=value, one per line)' }).fill('team=berth');
  await expect(dialog.getByRole('group', { name: 'Docker command' })).toContainText(`docker volume create --label team=berth ${name}`);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  const volumeLink = page.getByRole('button', { name: `Browse the files of ${name}`, exact: true });
  await expect(volumeLink).toBeVisible();
  expect(await docker('volume', 'inspect', '--format', '{{.Labels.team}}', name)).toBe('berth');

  const user = uniqueName('user');
  await createContainer(user, '-v', `${name}:/data`);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText(user);
  await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await page.getByRole('toolbar', { name: 'Volume actions' }).getByRole('button', { name: 'Remove' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove 1 volume?' });
  await expect(confirm).toContainText(`kept: used by ${user}`);
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('alert')).toContainText(`Volume ${name} is used by ${user}, so it is kept.`);
  expect(await volumeExists(name)).toBe(true);

  await docker('rm', user);
  await page.getByRole('toolbar', { name: 'Volume actions' }).getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('dialog', { name: 'Remove 1 volume?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(volumeLink).toHaveCount(0);
  expect(await volumeExists(name)).toBe(false);
});

test('volumes: prune shows the unused ones and removes exactly those', async ({ page }) => {
  const unused = [uniqueName('unused'), uniqueName('unused')];
  const kept = uniqueName('kept');
  for (const v of [...unused, kept]) await docker('volume', 'create', v);
  await createContainer(uniqueName('keeper'), '-v', `${kept}:/data`);
  const before = new Set((await docker('volume', 'ls', '-q')).split('\n').filter(Boolean));

  await open(page, 'Volumes');
  await page.getByRole('button', { name: 'Prune…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Prune volumes' });
  const listed = (await dialog.getByRole('list', { name: 'Volumes to delete' }).getByRole('listitem').allInnerTexts()).map((t) => t.split(' ')[0]!);
  expect(listed).toEqual(expect.arrayContaining(unused));
  expect(listed).not.toContain(kept);
  await dialog.getByRole('button', { name: /^Delete \d+ volumes?$/ }).click();
  await expect(dialog.getByRole('status')).toContainText(`Deleted ${listed.length} volume`);

  const after = new Set((await docker('volume', 'ls', '-q')).split('\n').filter(Boolean));
  expect([...before].filter((v) => !after.has(v)).sort()).toEqual([...listed].sort());
  expect(after.has(kept)).toBe(true);
});

test('networks: create, connect a container, removal refused while in use, then allowed', async ({ page }) => {
  await open(page, 'Networks');
  const name = uniqueName('net');
  await page.getByRole('button', { name: 'Create…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a network' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Subnet (optional)' }).fill('10.99.0.0/33');
  await expect(dialog.getByText('A subnet is an IPv4 network with a prefix')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Subnet (optional)' }).fill('10.199.0.0/24');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  const row = page.getByRole('row', { name });
  await expect(row).toContainText('10.199.0.0/24');

  const container = uniqueName('member');
  await createContainer(container);
  await row.getByRole('button', { name: `Connect a container to ${name}` }).click();
  const connect = page.getByRole('dialog', { name: `Connect a container to ${name}` });
  await connect.getByRole('combobox', { name: 'Container' }).selectOption(container);
  await connect.getByRole('button', { name: 'Connect…' }).click();
  await expect(row).toContainText(container);
  expect(await docker('inspect', '--format', `{{if index .NetworkSettings.Networks "${name}"}}yes{{end}}`, container)).toBe('yes');

  // Made, connected, renamed, disconnected and removed with the docker CLI: the row follows the
  // engine's events, no reload. A rename or removal refreshed no network row before (only a
  // network's own events did), so the row kept a container's old name, or one that was gone.
  const made = uniqueName('cli-made');
  await createContainer(made, '--network', name);
  const chip = (container: string) => row.getByRole('button', { name: `Disconnect ${container} from ${name}` });
  await expect(chip(made)).toBeVisible();
  await docker('rm', made);
  await expect(chip(made)).toHaveCount(0);
  const other = uniqueName('cli-member');
  await runContainer(other);
  await docker('network', 'connect', name, other);
  await expect(chip(other)).toBeVisible();
  const renamed = uniqueName('cli-renamed');
  await docker('rename', other, renamed);
  await expect(chip(renamed)).toBeVisible();
  await docker('network', 'disconnect', name, renamed);
  await expect(chip(renamed)).toHaveCount(0);

  await docker('start', container);
  await row.getByRole('button', { name: `Remove ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: `Remove network ${name}?` });
  await expect(confirm).toContainText(`${container} (running)`);
  await confirm.getByRole('button', { name: 'Remove network' }).click();
  await expect(page.getByRole('alert')).toContainText(/active endpoints/);
  await expect(page.getByRole('alert')).toContainText(`Network ${name} still has running containers connected to it: ${container}.`);
  await expect(page.getByRole('alert')).toContainText('Disconnect them');

  await row.getByRole('button', { name: `Disconnect ${container} from ${name}` }).click();
  await expect(row).not.toContainText(container);
  await row.getByRole('button', { name: `Remove ${name}` }).click();
  await page.getByRole('dialog', { name: `Remove network ${name}?` }).getByRole('button', { name: 'Remove network' }).click();
  await expect(page.getByRole('row', { name })).toHaveCount(0);
  await expect(docker('network', 'inspect', name)).rejects.toThrow();
});

test('volume files: browse without starting anything, download the same bytes, upload a file a container then reads', async ({ page }) => {
  const volume = uniqueName('files');
  await docker('run', '--rm', '-v', `${volume}:/data`, fixtureImage, 'sh', '-c', 'mkdir -p /data/docs && printf "hello 한국어\\n" > /data/docs/note.txt && seq 1 1000 > /data/numbers.txt');
  try {
    await open(page, 'Volumes');
    await page.getByRole('button', { name: `Browse the files of ${volume}` }).click();
    await expect(page.getByRole('heading', { name: volume })).toBeVisible();
    const table = page.getByRole('table', { name: 'Files in /' });
    await expect(table.getByRole('button', { name: 'docs/' })).toBeVisible();
    await expect(table.getByRole('row', { name: /numbers\.txt/ })).toContainText('3.9 KB');

    await table.getByRole('button', { name: 'docs/' }).click();
    const docs = page.getByRole('table', { name: 'Files in /docs' });
    const downloading = page.waitForEvent('download');
    await docs.getByRole('link', { name: 'Download note.txt' }).click();
    const saved = readFileSync((await (await downloading).path())!);
    expect(saved.toString('utf8')).toBe(await docker('run', '--rm', '-v', `${volume}:/data`, fixtureImage, 'cat', '/data/docs/note.txt').then((s) => `${s}\n`));

    await page.getByLabel('Upload files into /docs').setInputFiles({ name: 'from-berth.txt', mimeType: 'text/plain', buffer: Buffer.from('uploaded through Berth\n') });
    await expect(docs.getByRole('row', { name: /from-berth\.txt/ })).toBeVisible();
    expect(await docker('run', '--rm', '-v', `${volume}:/data`, fixtureImage, 'cat', '/data/docs/from-berth.txt')).toBe('uploaded through Berth');

    // Delete asks first, names what goes, and takes only that file.
    await docs.getByRole('button', { name: 'Delete from-berth.txt' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete /docs/from-berth.txt?' });
    await expect(confirm.getByRole('group', { name: 'Docker command' })).toContainText('rm -rf -- /v/docs/from-berth.txt');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(docs.getByRole('row', { name: /from-berth\.txt/ })).toHaveCount(0);
    expect(await docker('run', '--rm', '-v', `${volume}:/data`, fixtureImage, 'ls', '/data/docs')).toBe('note.txt');
    // Nothing was left running or lying around: helpers are removed.
    expect(await docker('ps', '-aq', '--filter', 'label=dev.berth.helper=1')).toBe('');
  } finally {
    await docker('volume', 'rm', '-f', volume);
  }
});

test('a 150 MB file uploads streamed (spooled to disk, never held whole): the same sha256 inside the volume', async ({ page }) => {
  test.setTimeout(120_000);
  const volume = uniqueName('big-upload');
  await docker('volume', 'create', volume);
  const bytes = randomBytes(150 * 1024 * 1024);
  const file = join(testDir, 'e2e-big-upload.bin');
  writeFileSync(file, bytes);
  try {
    await open(page, 'Volumes');
    await page.getByRole('button', { name: `Browse the files of ${volume}` }).click();
    await page.getByLabel('Upload files into /').setInputFiles(file);
    const table = page.getByRole('table', { name: 'Files in /' });
    // The bytes sent show as they go (the bar), then what arrived.
    await expect(page.getByRole('status').filter({ hasText: 'Uploaded e2e-big-upload.bin' })).toContainText('(157 MB)', { timeout: 60_000 });
    await expect(table.getByRole('row', { name: /e2e-big-upload\.bin/ })).toBeVisible();
    const inside = await docker('run', '--rm', '-v', `${volume}:/data`, fixtureImage, 'sha256sum', '/data/e2e-big-upload.bin');
    expect(inside.split(' ')[0]).toBe(createHash('sha256').update(bytes).digest('hex'));
    // The spooled copy is gone once the engine has it.
    expect(readdirSync(join(testDir, 'berth-data', 'uploads'))).toEqual([]);
  } finally {
    rmSync(file, { force: true });
    await docker('volume', 'rm', volume).catch(() => undefined);
  }
});

test('volume export → import into a new volume, and clone: progress ends at the bytes moved, and every file’s sha256 is equal', async ({ page }) => {
  const source = uniqueName('src');
  const imported = uniqueName('imp');
  const cloned = uniqueName('cln');
  const checksums = (volume: string) =>
    docker('run', '--rm', '-v', `${volume}:/v`, fixtureImage, 'sh', '-c', 'cd /v && find . -type f | sort | xargs sha256sum');
  await docker('run', '--rm', '-v', `${source}:/v`, fixtureImage, 'sh', '-c', 'mkdir -p /v/a/b && seq 1 5000 > /v/a/b/numbers && echo "한국어" > /v/a/ko.txt && head -c 100000 /dev/urandom > /v/random.bin');
  try {
    const expected = await checksums(source);
    // seq 1 5000 (23,893 bytes) + "한국어\n" (10) + 100,000 random bytes.
    const contentBytes = 123_903;
    const contentSize = '124 KB';
    expect(await docker('run', '--rm', '-v', `${source}:/v`, fixtureImage, 'sh', '-c', 'cat /v/a/b/numbers /v/a/ko.txt /v/random.bin | wc -c')).toBe(String(contentBytes));
    expect(expected.split('\n')).toHaveLength(3);
    await open(page, 'Volumes');
    await page.getByRole('button', { name: `Browse the files of ${source}` }).click();
    await expect(page.getByRole('group', { name: 'Export with the CLI' })).toContainText(`tar czf /backup/${source}.tar.gz`);
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export .tar.gz' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${source}.tar.gz`);
    const archive = test.info().outputPath(`${source}.tar.gz`);
    await download.saveAs(archive);
    // Progress counts the files' bytes as the engine sends them; it ends at the volume's whole size.
    const exported = page.getByRole('progressbar', { name: 'Export progress' });
    await expect(exported).toHaveAttribute('value', String(contentBytes));
    await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(`Exported ${contentSize} of files.`);

    await page.getByRole('button', { name: 'Clone…' }).click();
    const clone = page.getByRole('dialog', { name: `Clone ${source}` });
    await clone.getByRole('textbox', { name: 'New volume name' }).fill(cloned);
    await clone.getByRole('button', { name: 'Clone', exact: true }).click();
    await expect(clone.getByRole('status')).toHaveText(`Cloned ${contentSize} into ${cloned}.`);
    await expect(clone.getByRole('progressbar', { name: 'Clone progress' })).toHaveAttribute('value', String(contentBytes));
    expect(await checksums(cloned)).toBe(expected);
    await clone.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: '← Volumes' }).click();
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a volume from an archive' });
    await dialog.getByRole('textbox', { name: 'New volume name' }).fill(imported);
    await dialog.getByLabel('Archive (.tar or .tar.gz)').setInputFiles(archive);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    // An import counts the archive's own bytes: all of the file, not a byte more.
    const archiveBytes = statSync(archive).size;
    await expect(dialog.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('value', String(archiveBytes));
    await expect(dialog.getByRole('status')).toHaveText(new RegExp(`^Imported [\\d.]+ KB into ${imported}\\.$`));
    expect(await checksums(imported)).toBe(expected);

    // Importing again into the now-full volume is refused: nothing is overwritten.
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('only into a new or empty volume');
  } finally {
    await docker('volume', 'rm', '-f', source, imported, cloned).catch(() => undefined);
  }
});

test('volumes: the search text and the ticked rows are still there after a visit to another section', async ({ page }) => {
  const names = [uniqueName('kept'), uniqueName('kept')];
  for (const name of names) await docker('volume', 'create', '--label', 'dev.berth.e2e=1', name);
  try {
    await open(page, 'Volumes');
    const search = page.getByRole('searchbox', { name: 'Search volumes' });
    await search.fill(names[0]!);
    await expect(page.getByRole('button', { name: `Browse the files of ${names[1]}`, exact: true })).toHaveCount(0);
    await page.getByRole('checkbox', { name: `Select ${names[0]}` }).check();

    await page.getByRole('navigation').getByRole('button', { name: 'Containers' }).click();
    await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible();
    // The hidden list is out of the page's accessibility tree: its rows are not found.
    await expect(page.getByRole('checkbox', { name: `Select ${names[0]}` })).toHaveCount(0);
    await page.getByRole('navigation').getByRole('button', { name: 'Volumes' }).click();

    await expect(search).toHaveValue(names[0]!);
    await expect(page.getByRole('checkbox', { name: `Select ${names[0]}` })).toBeChecked();
    await expect(page.getByRole('button', { name: `Browse the files of ${names[1]}`, exact: true })).toHaveCount(0);
  } finally {
    await docker('volume', 'rm', ...names);
  }
});

test('a dialog left open when Back hides its list is not shown again when Forward brings the list back', async ({ page }) => {
  await open(page, 'Volumes');
  await page.getByRole('button', { name: 'Create…' }).click();
  await expect(page.getByRole('dialog', { name: 'Create a volume' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Volumes' })).toBeVisible();
  // Its stream (a pull, a push) was stopped when the list was hidden: nothing it showed would be true now.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create…' })).toBeEnabled();
});
