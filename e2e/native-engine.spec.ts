import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { testDir } from '../playwright.config';
import { ContainersPage, openBerth } from './support/app';
import { fixtureImage } from './support/engine';

const run = promisify(execFile);
const nativeSocket = `${testDir}/berth-run/engine/docker.sock`;
const nativeUrl = `unix://${nativeSocket}`;
const nativeData = `${testDir}/berth-data/engine`;
const nativeDocker = (...args: string[]) => run('docker', ['-H', nativeUrl, ...args]).then((r) => r.stdout.trim());

function engineCard(page: Page) {
  return page.getByRole('region', { name: /^Berth’s own engine/ });
}

async function useEngine(page: Page, url: string) {
  await page.getByRole('navigation').getByRole('button', { name: 'Engine' }).click();
  await page.getByRole('listitem', { name: url }).getByRole('button', { name: 'Use this engine' }).click();
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText(url);
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected', { timeout: 20_000 });
}

test.afterAll(async () => {
  // Whatever happened, leave the suite on the test engine and no engine of Berth's running.
  const pidFile = `${testDir}/berth-run/engine/dockerd.pid`;
  if (existsSync(pidFile)) {
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

test("Berth's own engine: start, use, survive a crash, stop, reset", async ({ page }) => {
  test.setTimeout(180_000);
  await openBerth(page);
  const testEngineUrl = process.env.DOCKER_HOST!;

  await useEngine(page, nativeUrl);
  const card = engineCard(page);
  await expect(card).toContainText('Running');
  await expect(card).toContainText('root, on its own network bridge');

  // A container on Berth's engine shows in Berth's list.
  await run('bash', ['scripts/fixtures.sh'], { env: { ...process.env, DOCKER_HOST: nativeUrl } });
  await nativeDocker('run', '-d', '--name', 'e2e-native-web', fixtureImage);
  await page.getByRole('navigation').getByRole('button', { name: 'Containers' }).click();
  await expect(new ContainersPage(page).row('e2e-native-web')).toContainText('Running');

  // dockerd killed outright: Berth says so, restarts it, and the container is still there.
  const pid = Number(readFileSync(`${testDir}/berth-run/engine/dockerd.pid`, 'utf8'));
  process.kill(pid, 'SIGKILL');
  await expect(page.getByRole('alert').filter({ hasText: 'The container engine is not answering.' })).toBeVisible({ timeout: 5_000 });
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected', { timeout: 30_000 });
  await expect(new ContainersPage(page).row('e2e-native-web')).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'Engine' }).click();
  await expect(card.getByRole('definition').filter({ hasText: /^1$/ })).toBeVisible();
  expect(await nativeDocker('inspect', '--format', '{{.Name}}', 'e2e-native-web')).toBe('/e2e-native-web');

  // Stop leaves no dockerd behind.
  const runningPid = Number(readFileSync(`${testDir}/berth-run/engine/dockerd.pid`, 'utf8'));
  await card.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(card).toContainText('Stopped', { timeout: 30_000 });
  expect(() => process.kill(runningPid, 0)).toThrow();

  // Reset asks first, names what goes, and removes only Berth's engine folder.
  await card.getByRole('button', { name: 'Reset…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset Berth’s own engine?' });
  await expect(dialog).toContainText(`${nativeData}/data`);
  await dialog.getByRole('button', { name: 'Delete and reset' }).click();
  await expect.poll(() => existsSync(nativeData)).toBe(false);
  expect(existsSync(`${testDir}/berth-data/settings.json`)).toBe(true);

  // Back to the test engine for the rest of the suite; its images are untouched.
  await useEngine(page, testEngineUrl);
  expect((await run('docker', ['-H', testEngineUrl, 'image', 'inspect', fixtureImage])).stdout).toContain('sha256:');
});
