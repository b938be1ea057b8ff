import { expect, test } from '@playwright/test';
import { openBerth } from './support/app';
import { docker, removeE2eContainers, runContainer, uniqueName } from './support/engine';

test.afterEach(removeE2eContainers);

test('the container detail header shows its published ports as links to their addresses', async ({ page }) => {
  const name = uniqueName('ports');
  await runContainer(name, '-p', '127.0.0.1::80');
  const hostPort = (await docker('port', name, '80/tcp')).split('\n')[0]!.split(':').at(-1)!;
  await openBerth(page);
  await page.getByRole('button', { name, exact: true }).click();
  const header = page.locator('header', { has: page.getByRole('heading', { name, exact: true }) });
  const link = header.getByRole('link', { name: `127.0.0.1:${hostPort}→80/tcp` });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', `http://127.0.0.1:${hostPort}/`);
  // The address answers: it is the container's own web server (busybox httpd in the fixture).
  const answer = await fetch(`http://127.0.0.1:${hostPort}/`).catch((e: Error) => e);
  expect(answer).not.toBeInstanceOf(Error);
});
