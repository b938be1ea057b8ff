import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openBerth, findImage } from './support/app';
import { docker, fixtureImage, uniqueName } from './support/engine';

const registry = `127.0.0.1:${process.env.BERTH_REGISTRY_AUTH_PORT || 5056}`;
const password = process.env.BERTH_REGISTRY_PASSWORD || 'berth-secret';

async function openImages(page: Page) {
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
}

function savedAuths(): Record<string, unknown> {
  const dir = process.env.DOCKER_CONFIG;
  if (!dir) throw new Error('DOCKER_CONFIG is not set: run through "npm test", which gives tests their own docker config.');
  try {
    return (JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { auths?: Record<string, unknown> }).auths ?? {};
  } catch {
    return {};
  }
}

test('log in (wrong, then right), tag, push with progress, remove, pull back with the saved login', async ({ page }) => {
  // A run that failed half-way left its login saved in the test engine's docker config; start without it.
  await docker('logout', registry).catch(() => undefined);
  await openImages(page);
  await page.getByRole('button', { name: 'Log in…' }).click();
  const login = page.getByRole('dialog', { name: 'Log in to a registry' });
  await login.getByRole('textbox', { name: 'Registry' }).fill(registry);
  await login.getByRole('textbox', { name: 'User name' }).fill('berth');
  await login.getByLabel('Password or access token').fill('not-the-password');
  await expect(login.getByRole('group', { name: 'Docker command' })).toContainText(`docker login -u berth ${registry}`);
  await login.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(login.getByRole('alert')).toContainText(`${registry} refused the login`);
  expect(savedAuths()[registry]).toBeUndefined();

  await login.getByLabel('Password or access token').fill(password);
  await login.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(login.getByRole('status')).toContainText(`Logged in to ${registry}`);
  expect(savedAuths()[registry]).toBeDefined();
  await login.getByRole('button', { name: 'Close' }).click();

  const target = `${registry}/e2e/pushed:${uniqueName('t').slice(4)}`;
  await findImage(page, fixtureImage);
  await page.getByRole('button', { name: `Tag ${fixtureImage}`, exact: true }).click();
  const tag = page.getByRole('dialog', { name: `Tag ${fixtureImage}` });
  await tag.getByRole('textbox', { name: 'New name' }).fill(target);
  await expect(tag.getByRole('group', { name: 'Docker command' })).toContainText(`docker tag ${fixtureImage} ${target}`);
  await tag.getByRole('button', { name: 'Tag', exact: true }).click();
  // The dialog closes once the engine has tagged (while it is open the page behind it takes no typing).
  await expect(tag).toHaveCount(0);
  // The new name is one more name of the fixture image: as old as it, so found by name too.
  await findImage(page, target);
  await expect(page.getByRole('cell', { name: target, exact: true })).toBeVisible();

  await page.getByRole('button', { name: `Push ${target}`, exact: true }).click();
  const push = page.getByRole('dialog', { name: `Push ${target}` });
  await expect(push.getByRole('status')).toContainText(`Pushed ${target}`, { timeout: 30_000 });
  await expect(push.getByRole('list', { name: 'Layers' }).getByRole('listitem')).not.toHaveCount(0);
  await push.getByRole('button', { name: 'Close' }).click();

  await docker('rmi', target);
  await page.getByRole('button', { name: 'Pull…' }).click();
  const pull = page.getByRole('dialog', { name: 'Pull an image' });
  await pull.getByRole('textbox', { name: 'Image' }).fill(target);
  await pull.getByRole('button', { name: 'Pull', exact: true }).click();
  await expect(pull.getByRole('status')).toContainText(`Pulled ${target}`, { timeout: 30_000 });
  expect(await docker('image', 'inspect', '--format', '{{.Id}}', target)).toMatch(/^sha256:/);
  await pull.getByRole('button', { name: 'Close' }).click();
  await docker('rmi', target);

  await page.getByRole('button', { name: 'Log in…' }).click();
  await page.getByRole('button', { name: `Log out of ${registry}` }).click();
  await expect.poll(() => savedAuths()[registry]).toBeUndefined();
});
