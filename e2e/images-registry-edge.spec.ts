import { expect, test, type Page } from '@playwright/test';
import { openBerth } from './support/app';
import { docker, e2eLabel, fixtureImage, removeE2eContainers, uniqueName } from './support/engine';

const registry = `127.0.0.1:${process.env.BERTH_REGISTRY_PORT || 5055}`;
const authRegistry = `127.0.0.1:${process.env.BERTH_REGISTRY_AUTH_PORT || 5056}`;
const password = process.env.BERTH_REGISTRY_PASSWORD || 'berth-secret';

test.afterEach(removeE2eContainers);

/** A new image of its own (one layer over the fixture) under `tag`, so removing it really deletes something. */
async function makeImage(tag: string): Promise<string> {
  const maker = uniqueName('maker');
  await docker('run', '--name', maker, '--label', e2eLabel, fixtureImage, 'sh', '-c', `echo ${maker} > /made-by`);
  const id = await docker('commit', maker, tag);
  await docker('rm', maker);
  return id;
}

async function openImages(page: Page) {
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  await expect(page.getByRole('heading', { name: 'Images' })).toBeVisible();
}

const imageExists = (reference: string) =>
  docker('image', 'inspect', reference).then(
    () => true,
    () => false,
  );

test('an image pulled by digest only is named by its digest in the list, its detail and the prune preview', async ({ page }) => {
  const repository = `${registry}/e2e/digest-${uniqueName('d').slice(6)}`;
  const id = await makeImage(`${repository}:1`);
  await docker('push', `${repository}:1`);
  const digestRef = await docker('image', 'inspect', '--format', '{{index .RepoDigests 0}}', `${repository}:1`);
  await docker('rmi', `${repository}:1`);
  await docker('pull', digestRef);
  expect(await docker('image', 'inspect', '--format', '{{json .RepoTags}}', digestRef)).toBe('[]');
  const shown = `${repository}@${digestRef.split('@')[1]!.slice(0, 19)}`;

  await openImages(page);
  const name = page.getByRole('button', { name: `${shown}…`, exact: true });
  await expect(name).toBeVisible();
  const row = page.getByRole('row').filter({ has: name });
  await expect(row).not.toContainText('<none>');

  // docker itself counts a digest-only image as dangling (`images -f dangling=true`, `image prune`): so does the preview.
  await page.getByRole('button', { name: 'Prune…' }).click();
  const prune = page.getByRole('dialog', { name: 'Prune images' });
  const list = prune.getByRole('list', { name: 'Images to delete' });
  await expect(list.getByRole('listitem').filter({ hasText: shown })).toHaveCount(1);
  await expect(list).not.toContainText(`<none> ${id.slice(7, 19)}`);
  const dangling = (await docker('images', '-q', '--no-trunc', '-f', 'dangling=true')).split('\n').filter(Boolean);
  await expect(list.getByRole('listitem')).toHaveCount(new Set(dangling).size);
  await prune.getByRole('button', { name: 'Cancel' }).click();

  await name.click();
  await expect(page.getByRole('heading', { name: shown })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: digestRef })).toBeVisible();
  await docker('rmi', digestRef);
});

test('removing an image a running container uses offers no force (it cannot work); a stopped one gets force, named', async ({ page }) => {
  const tag = `e2e/busy:${uniqueName('t').slice(4)}`;
  await makeImage(tag);
  const user = uniqueName('user');
  // The committed image's command is the maker's `echo`: run the fixture's httpd so it keeps running.
  await docker('run', '-d', '--name', user, '--label', e2eLabel, '--stop-timeout', '1', tag, '/bin/httpd', '-f', '-p', '80', '-h', '/www');
  await openImages(page);

  const removeTag = async (said: string) => {
    await page.getByRole('checkbox', { name: `Select ${tag}` }).check();
    await page.getByRole('toolbar', { name: 'Image actions' }).getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove 1 image?' });
    // The dialog says beforehand what the engine will do with it.
    await expect(dialog.getByRole('listitem')).toContainText(said);
    await dialog.getByRole('button', { name: 'Remove' }).click();
  };
  await removeTag(`the engine will refuse: running container ${user} uses it`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`${tag} is used by running container ${user}`);
  await expect(page.getByRole('button', { name: 'Remove anyway (force)' })).toHaveCount(0);
  expect(await imageExists(tag)).toBe(true);

  await docker('stop', user);
  await page.getByRole('checkbox', { name: `Select ${tag}` }).uncheck();
  await removeTag(`the image is deleted; used by ${user}`);
  await expect(alert).toContainText(`${tag} is used by stopped container ${user}`);
  await page.getByRole('button', { name: 'Remove anyway (force)' }).click();
  await expect(alert).toHaveCount(0);
  await expect.poll(() => imageExists(tag)).toBe(false);
});

test('a pull the registry refuses without a login offers “Log in…” with the registry filled in, then pulls', async ({ page }) => {
  const reference = `${authRegistry}/e2e/private:${uniqueName('t').slice(4)}`;
  await makeImage(reference);
  await docker('login', '-u', 'berth', '-p', password, authRegistry);
  await docker('push', reference);
  await docker('logout', authRegistry);
  await docker('rmi', reference);

  await openImages(page);
  await page.getByRole('button', { name: 'Pull…' }).click();
  const pull = page.getByRole('dialog', { name: 'Pull an image' });
  await pull.getByRole('textbox', { name: 'Image' }).fill(reference);
  await pull.getByRole('button', { name: 'Pull', exact: true }).click();
  await expect(pull.getByRole('alert')).toContainText(`${authRegistry} needs a login`);
  await pull.getByRole('button', { name: `Log in to ${authRegistry}…` }).click();

  const login = page.getByRole('dialog', { name: 'Log in to a registry' });
  await expect(login.getByRole('textbox', { name: 'Registry' })).toHaveValue(authRegistry);
  await login.getByRole('textbox', { name: 'User name' }).fill('berth');
  await login.getByLabel('Password or access token').fill(password);
  await login.getByRole('button', { name: 'Log in', exact: true }).click();

  // After the login the pull runs again by itself.
  const again = page.getByRole('dialog', { name: 'Pull an image' });
  await expect(again.getByRole('status')).toContainText(`Pulled ${reference}`, { timeout: 30_000 });
  expect(await imageExists(reference)).toBe(true);
  await docker('rmi', reference);
  await docker('logout', authRegistry);
});

test('images: Remove takes only the ticked names the search shows; a hidden tick is counted, not removed', async ({ page }) => {
  const prefix = `e2e/sel-${uniqueName('s').slice(6)}`;
  // Extra names for the fixture: removing one only untags it.
  await docker('tag', fixtureImage, `${prefix}-a:1`);
  await docker('tag', fixtureImage, `${prefix}-b:1`);
  await openImages(page);
  const search = page.getByRole('searchbox', { name: 'Search images' });
  await search.fill(prefix);
  await page.getByRole('checkbox', { name: `Select ${prefix}-a:1` }).check();
  await search.fill(`${prefix}-b`);
  await page.getByRole('checkbox', { name: `Select ${prefix}-b:1` }).check();
  const removeButton = page.getByRole('toolbar', { name: 'Image actions' }).getByRole('button', { name: 'Remove' });
  await removeButton.click();
  const dialog = page.getByRole('dialog', { name: 'Remove 1 image?' });
  // Only the shown tick is removed, and the dialog says it only untags (the image keeps its other names).
  const items = dialog.getByRole('listitem');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(`${prefix}-b:1 — only this name goes: the image stays as`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('1 selected (1 hidden by the filter)')).toBeVisible();
  await removeButton.click();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect.poll(() => imageExists(`${prefix}-b:1`)).toBe(false);
  expect(await imageExists(`${prefix}-a:1`)).toBe(true);
  await docker('rmi', `${prefix}-a:1`);
});
