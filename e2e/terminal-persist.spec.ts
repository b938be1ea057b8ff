import { expect, test, type Locator, type Page } from '@playwright/test';
import { openBerth } from './support/app';
import { docker, removeE2eContainers, runContainer, uniqueName } from './support/engine';

test.afterEach(removeE2eContainers);

async function typeLine(page: Page, box: Locator, line: string) {
  await box.click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

const screen = async (box: Locator) => (await box.locator('.xterm-rows').innerText()).split('\n').map((l) => l.trim());
const execCount = async (name: string) => Number(await docker('inspect', '--format', '{{len .ExecIDs}}', name));

test('a shell outlives switching to Logs and back: folder, variables and a running command stay, no new exec', async ({ page }) => {
  await openBerth(page);
  const name = uniqueName('keep');
  await runContainer(name);
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const box = page.getByLabel(`Terminal in ${name}`).locator('visible=true');
  await typeLine(page, box, 'cd /tmp; export X=1; echo ready-$((2+3))');
  await expect.poll(() => screen(box)).toContain('ready-5');
  // A second tab with a command still running in it.
  await page.getByRole('button', { name: '+ New terminal' }).click();
  const second = page.getByLabel(`Terminal in ${name}`).locator('visible=true');
  await typeLine(page, second, 'echo sleeping; sleep 600');
  await expect.poll(() => screen(second)).toContain('sleeping');
  const execsBefore = await execCount(name);

  for (let i = 0; i < 3; i++) {
    await page.getByRole('tab', { name: 'Logs' }).click();
    await expect(page.getByRole('log', { name: 'Log output' })).toBeVisible();
    await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
  }
  await expect(page.getByRole('tab', { name: 'Terminal 2' })).toHaveAttribute('aria-selected', 'true');
  expect(await docker('exec', name, 'ps', '-o', 'args')).toContain('sleep 600');
  // The screen came back as it was, and the shell is the same one.
  await expect.poll(() => screen(second)).toContain('sleeping');
  await page.getByRole('tab', { name: 'Terminal 1' }).click();
  const first = page.getByLabel(`Terminal in ${name}`).locator('visible=true');
  await expect.poll(() => screen(first)).toContain('ready-5');
  await typeLine(page, first, 'pwd; echo "X=$X"');
  await expect.poll(() => screen(first)).toContain('/tmp');
  await expect.poll(() => screen(first)).toContain('X=1');
  expect(await execCount(name)).toBe(execsBefore);
});
