import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { openBerth } from './support/app';
import { createContainer, removeE2eContainers, runCommand, uniqueName } from './support/engine';

const run = promisify(execFile);
test.afterEach(removeE2eContainers);

/** Open connections to the test engine's socket, counted on the engine's side. */
async function engineConnections(): Promise<number> {
  const socket = process.env.DOCKER_HOST!.replace(/^unix:\/\//, '');
  const { stdout } = await run('ss', ['-x', '-H', 'state', 'established']);
  return stdout.split('\n').filter((line) => line.includes(` ${socket} `)).length;
}

test('stats: live CPU and memory of a busy container, streamed only while shown', async ({ page }) => {
  await openBerth(page);
  const name = uniqueName('busy');
  await runCommand(name, ['sh', '-c', 'while :; do :; done']);
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('tab', { name: 'Inspect' }).click();
  // The baseline is the settled count: a call still in flight (an inspect, the list) would count once
  // here and be gone by the time the stats stream opens.
  let before = 0;
  await expect
    .poll(async () => {
      const first = await engineConnections();
      await new Promise((resolve) => setTimeout(resolve, 300));
      before = await engineConnections();
      return first > 0 && first === before;
    })
    .toBe(true);

  await page.getByRole('tab', { name: 'Stats' }).click();
  await expect(page.getByRole('group', { name: 'Docker command' })).toContainText(`docker stats ${name}`);
  const cpu = page.getByRole('region', { name: 'CPU' });
  await expect.poll(async () => parseFloat((await cpu.locator('.stats-card__value').innerText()) || '0'), { timeout: 15_000 }).toBeGreaterThan(5);
  await expect(page.getByRole('region', { name: 'Memory' }).locator('.stats-card__value')).toHaveText(/^(?!0 B)[\d.,]+ [KMG]?B \/ /);
  await expect.poll(engineConnections).toBe(before + 1);

  // Leaving the tab closes the engine stream.
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await expect.poll(engineConnections).toBe(before);
});

test('the containers list shows CPU and memory of running containers from one shared source', async ({ page }) => {
  await openBerth(page);
  const busy = uniqueName('busy');
  const idle = uniqueName('idle');
  await runCommand(busy, ['sh', '-c', 'while :; do :; done']);
  await createContainer(idle);
  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Select ${name}`, exact: true }) });
  await expect
    .poll(async () => parseFloat(await row(busy).getByRole('cell', { name: 'CPU' }).innerText()), { timeout: 15_000 })
    .toBeGreaterThan(5);
  await expect(row(busy).getByRole('cell', { name: 'Memory' })).toHaveText(/[\d.,]+ [KMG]?B/);
  await expect(row(idle).getByRole('cell', { name: 'CPU' })).toHaveText('—');
});
