import { expect, test, type WebSocket } from '@playwright/test';
import { openBerth } from './support/app';
import { docker, removeE2eContainers, runCommand, uniqueName } from './support/engine';

test.afterEach(removeE2eContainers);

// Issue 11: a paused log view holds at most what its terminal keeps (the "Keep" choice, 50,000 lines
// by default) and says how many lines it did not show.
test('logs: a paused view keeps the newest lines and says how many it did not show', async ({ page }) => {
  // The page's own socket tells when the stream has carried everything: the last number comes last.
  const sockets: WebSocket[] = [];
  page.on('websocket', (ws) => sockets.push(ws));
  await openBerth(page);
  const name = uniqueName('logcap');
  await runCommand(name, ['sh', '-c', 'while [ ! -f /tmp/go ]; do sleep 0.1; done; seq 1 60000']);
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByRole('log', { name: 'Log output' })).toBeVisible();

  await page.getByRole('button', { name: 'Pause' }).click();
  const lastLine = Promise.race(
    sockets.map((ws) => ws.waitForEvent('framereceived', { predicate: (frame) => String(frame.payload).includes('\\n60000\\n'), timeout: 30_000 })),
  );
  await docker('exec', name, 'touch', '/tmp/go');
  await lastLine;
  await page.getByRole('button', { name: 'Resume' }).click();

  // 60,000 numbers, less the 50,000 lines kept.
  await expect(page.getByRole('status').filter({ hasText: 'not shown' })).toHaveText('10,000 lines not shown: download the log for all of it');
  await expect(page.locator('.xterm-rows')).toContainText('60000');
});
