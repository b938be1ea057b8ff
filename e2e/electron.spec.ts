import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';
import { createContainer, removeE2eContainers, uniqueName } from './support/engine';

/**
 * The Electron binary, when this machine has one. Read from electron's path.txt rather than by
 * requiring 'electron', which would try to download the binary (it cannot be downloaded here).
 */
function electronBinary(): string | undefined {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const path = join(dir, 'dist', relative);
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const skipReason = 'Electron binary not installed here (no download); the same journeys run through the web host';
if (!binary) console.log(`[electron] skipped: ${skipReason}`);

test.describe('the desktop app', () => {
  test.skip(!binary, skipReason);
  test.afterAll(removeE2eContainers);

  test('opens sandboxed on the same renderer and lists containers live', async () => {
    const app = await electron.launch({
      executablePath: binary,
      args: ['.'],
      env: { ...process.env, BERTH_ENGINE: process.env.DOCKER_HOST ?? '' },
    });
    try {
      const window = await app.firstWindow();
      await expect(window).toHaveTitle('Berth');
      const nav = window.getByRole('navigation');
      for (const name of ['Containers', 'Images', 'Volumes', 'Engine']) {
        await expect(nav.getByRole('button', { name })).toBeVisible();
      }
      await expect(window.getByRole('status', { name: 'Engine' })).toContainText('Connected');

      const name = uniqueName('desktop');
      await createContainer(name);
      await expect(window.getByRole('checkbox', { name: `Select ${name}`, exact: true })).toBeVisible();

      // The page has no Node: sandbox and context isolation hold.
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    } finally {
      await app.close();
    }
  });
});
