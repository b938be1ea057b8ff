import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { expect, test, type Page } from '@playwright/test';
import { extract } from 'tar-stream';
import { openBerth } from './support/app';
import { docker, e2eLabel, fixtureImage, removeE2eContainers, runCommand, uniqueName } from './support/engine';

/**
 * Images and containers as files and back, through the UI against the real engine: docker commit,
 * save, load, export and import, each checked by what the engine then holds and runs.
 */

const made: string[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'berth-moves-'));
test.afterEach(removeE2eContainers);
test.afterAll(async () => {
  for (const image of made) await docker('rmi', '-f', image).catch(() => undefined);
});

/** A fresh name for an image this journey makes, removed after all journeys. */
function imageName(base: string): string {
  const name = `e2e-moves/${base}:${uniqueName('t').slice(4)}`;
  made.push(name);
  return name;
}

/** What a one-off container of `image` prints (labelled, so a run that hangs is cleaned up). */
function runImage(image: string): Promise<string> {
  return docker('run', '--rm', '--label', e2eLabel, image);
}

async function openDetail(page: Page, name: string) {
  await openBerth(page);
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

async function openImages(page: Page) {
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  await expect(page.getByRole('heading', { name: 'Images' })).toBeVisible();
}

/** The files of a tar by name (a docker save archive is a few small files beside the layers). */
async function tarEntries(bytes: Buffer): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  const reader = extract();
  Readable.from([bytes]).pipe(reader);
  for await (const entry of reader) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    entries.set(entry.header.name, Buffer.concat(chunks));
  }
  return entries;
}

async function writtenFile(container: string, path: string): Promise<void> {
  await expect.poll(() => docker('exec', container, 'cat', path).catch(() => ''), { timeout: 10_000 }).not.toBe('');
}

test('commit a running container with a --change CMD line: the new image runs that command on the committed files', async ({ page }) => {
  const container = uniqueName('commit');
  await runCommand(container, ['sh', '-c', 'echo "made before the commit" > /made; sleep 600']);
  await writtenFile(container, '/made');
  const image = imageName('commit');

  await openDetail(page, container);
  await page.getByRole('button', { name: 'Commit…' }).click();
  const dialog = page.getByRole('dialog', { name: `Commit ${container} to an image` });
  await dialog.getByRole('textbox', { name: 'Image name (repository:tag, optional)' }).fill(image);
  await dialog.getByRole('textbox', { name: 'Message' }).fill('from the e2e journey');
  await dialog.getByRole('textbox', { name: 'Author' }).fill('Berth e2e');
  await expect(dialog.getByRole('checkbox', { name: 'Pause while committing' })).toBeChecked();
  const changes = dialog.getByRole('textbox', { name: 'Dockerfile instructions (--change, one per line)' });
  // RUN is a Dockerfile instruction docker commit does not take: refused as it is typed.
  await changes.fill('ENV MODE=e2e\nRUN echo no');
  await expect(dialog.getByText('Line 2: A --change line is one Dockerfile instruction docker commit accepts')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Commit', exact: true })).toBeDisabled();
  await changes.fill('ENV MODE=e2e\nCMD ["cat", "/made"]');
  await expect(dialog.getByRole('group', { name: 'Docker command' })).toContainText(
    `docker commit -m 'from the e2e journey' -a 'Berth e2e' -c 'ENV MODE=e2e' -c 'CMD ["cat", "/made"]' ${container} ${image}`,
  );
  await dialog.getByRole('button', { name: 'Commit', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(`Committed ${image} (`);

  expect(await runImage(image)).toBe('made before the commit');
  const inspected = JSON.parse(await docker('image', 'inspect', '--format', '{{json .}}', image)) as { Comment: string; Author: string; Config: { Env: string[] } };
  expect(inspected).toMatchObject({ Comment: 'from the e2e journey', Author: 'Berth e2e' });
  expect(inspected.Config.Env).toContain('MODE=e2e');
  // The container was paused for the commit, not stopped.
  expect(await docker('inspect', '--format', '{{.State.Status}}', container)).toBe('running');

  await dialog.getByRole('button', { name: 'Open image' }).click();
  await expect(page.getByRole('heading', { name: image })).toBeVisible();
});

test('save ticked images to one .tar, remove them, load the file back: same id and tags; a bad file is refused in Berth’s words', async ({ page }) => {
  const maker = uniqueName('saved');
  await docker('run', '--name', maker, '--label', e2eLabel, fixtureImage, 'sh', '-c', `echo ${maker} > /made-by`);
  const image = imageName('save');
  const id = await docker('commit', maker, image);

  await openImages(page);
  await page.getByRole('checkbox', { name: `Select ${image}` }).check();
  await page.getByRole('button', { name: 'Save…' }).click();
  const save = page.getByRole('dialog', { name: 'Save images to a .tar' });
  const archiveName = `${image.replace(/[^\w.-]/g, '_')}.tar`;
  await expect(save.getByRole('group', { name: 'Docker command' })).toContainText(`docker save -o ${archiveName} ${image}`);
  const downloading = page.waitForEvent('download');
  await save.getByRole('link', { name: 'Download .tar' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(archiveName);
  const archive = join(scratch, archiveName);
  await download.saveAs(archive);
  await expect(save.getByRole('status')).toContainText('Saved');
  const manifest = JSON.parse((await tarEntries(readFileSync(archive))).get('manifest.json')?.toString() ?? '[]') as { RepoTags: string[] }[];
  expect(manifest.map((m) => m.RepoTags)).toEqual([[image]]);
  await save.getByRole('button', { name: 'Close' }).click();

  await docker('rm', maker);
  await docker('rmi', image);
  await expect(page.getByRole('checkbox', { name: `Select ${image}` })).toHaveCount(0);

  await page.getByRole('button', { name: 'Load…' }).click();
  const load = page.getByRole('dialog', { name: 'Load images from a .tar' });
  await load.getByLabel('Archive made by docker save (.tar or .tar.gz)').setInputFiles(archive);
  await expect(load.getByRole('group', { name: 'Docker command' })).toContainText(`docker load -i ${archiveName}`);
  await load.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(load.getByRole('region', { name: 'Loaded' }).getByRole('listitem')).toHaveText([`${image}`]);
  // The progress ends at the archive's own size.
  await expect(load.getByRole('progressbar', { name: 'Load progress' })).toHaveAttribute('value', String(readFileSync(archive).length));
  expect(await docker('image', 'inspect', '--format', '{{.Id}}', image)).toBe(id);
  expect(await docker('image', 'inspect', '--format', '{{json .RepoTags}}', image)).toBe(JSON.stringify([image]));

  // Not an archive: the engine's own words, quoted under Berth's.
  await load.getByLabel('Archive made by docker save (.tar or .tar.gz)').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a tar at all\n'.repeat(64)) });
  await load.getByRole('button', { name: 'Load', exact: true }).click();
  const refusal = load.getByRole('alert');
  await expect(refusal).toContainText('The engine refused the archive.');
  await expect(refusal.locator('.error-notice__quoted')).not.toBeEmpty();
  await expect(refusal).toContainText('Load takes an archive made by docker save');
});

test('export a container’s file system, import the file as an image with a name and CMD, run it', async ({ page }) => {
  const container = uniqueName('export');
  await runCommand(container, ['sh', '-c', 'echo "exported with its files" > /marker; sleep 600']);
  await writtenFile(container, '/marker');
  const image = imageName('import');

  await openDetail(page, container);
  await page.getByRole('button', { name: 'Export…' }).click();
  const exporting = page.getByRole('dialog', { name: `Export the file system of ${container}` });
  await expect(exporting.getByRole('group', { name: 'Docker command' })).toContainText(`docker export -o ${container}.tar ${container}`);
  const downloading = page.waitForEvent('download');
  await exporting.getByRole('link', { name: 'Download .tar' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${container}.tar`);
  const archive = join(scratch, `${container}.tar`);
  await download.saveAs(archive);
  await expect(exporting.getByRole('status')).toContainText('Exported');
  expect([...(await tarEntries(readFileSync(archive))).keys()]).toContain('marker');
  await exporting.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  await page.getByRole('button', { name: 'Import…' }).click();
  const importing = page.getByRole('dialog', { name: 'Import a file system tar as an image' });
  await importing.getByLabel('File system tar (.tar or .tar.gz)').setInputFiles(archive);
  await importing.getByRole('textbox', { name: 'Image name (repository:tag, optional)' }).fill(image);
  await importing.getByRole('textbox', { name: 'Message' }).fill('imported in e2e');
  await importing.getByRole('textbox', { name: 'Dockerfile instructions (--change, one per line)' }).fill('CMD ["cat", "/marker"]');
  await expect(importing.getByRole('group', { name: 'Docker command' })).toContainText(
    `docker import -m 'imported in e2e' -c 'CMD ["cat", "/marker"]' ${container}.tar ${image}`,
  );
  await importing.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importing.getByRole('status').filter({ hasText: 'Imported as' })).toContainText(`Imported as ${image} (`);
  expect(await runImage(image)).toBe('exported with its files');
});
