import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { askLoginAddress } from '../engine/server/login-channel';
import { startWebHostProcess, type WebHostProcess } from '../engine/testing/web-host-process';
import { startSshEngine, type SshEngine } from '../engine/testing/ssh-engine';
import { testDir } from '../playwright.config';
import { uniqueName } from './support/engine';

const run = promisify(execFile);
const dir = join(testDir, 'ssh-e2e');
let ssh: SshEngine;
let host: WebHostProcess;
const made: string[] = [];

/** The docker CLI on the remote engine's own socket: what is really there, beside Berth. */
const onRemote = async (...args: string[]) => (await run('docker', ['-H', ssh.localUrl, ...args])).stdout.trim();

test.beforeAll(async () => {
  test.setTimeout(90_000);
  ssh = await startSshEngine(join(dir, 'sshd'));
  // Berth with the "remote" engine as its engine and a HOME holding the client key but no known_hosts.
  host = await startWebHostProcess(join(dir, 'berth'), '', { BERTH_ENGINE: ssh.url, HOME: ssh.home, BERTH_BACKOFF_MAX_MS: '1000' });
});

test.afterAll(async () => {
  for (const name of made) await onRemote('rm', '-f', name).catch(() => undefined);
  await host?.stop();
  await ssh?.stop();
});

async function openBerthOnSsh(page: Page): Promise<void> {
  await page.goto(await askLoginAddress(join(dir, 'berth', 'run')));
}

async function typeLine(page: Page, box: Locator, line: string) {
  await box.click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test('an engine over SSH: trust its host key once, run, read logs, open a shell, survive sshd going away, refuse a changed key', async ({ page }) => {
  test.setTimeout(120_000);
  await openBerthOnSsh(page);
  const engineStatus = page.getByRole('status', { name: 'Engine' });

  // First use: nothing lists this host's key, so Berth asks, showing the fingerprint ssh-keygen prints.
  const prompt = page.getByRole('region', { name: 'Is this the right host?' });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByLabel('Fingerprint')).toHaveText(await ssh.hostFingerprint());
  await expect(prompt).toContainText(`[127.0.0.1]:${ssh.port}`);
  await prompt.getByRole('button', { name: 'Trust and connect' }).click();
  await expect(engineStatus).toContainText('Connected');
  await expect(prompt).toBeHidden();

  // Run a container on the remote engine through the Run dialog.
  const name = uniqueName('over-ssh');
  made.push(name);
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  await page.getByRole('button', { name: /^Run berth-fixture\/busybox/ }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Run a container' });
  await dialog.getByRole('textbox', { name: 'Name (optional)' }).fill(name);
  await dialog.getByRole('button', { name: 'Remove port 1' }).click();
  await dialog.getByRole('textbox', { name: 'Command (optional)' }).fill('sh -c "echo hello-over-ssh; exec sleep 600"');
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect.poll(() => onRemote('inspect', '--format', '{{.State.Running}}', name)).toBe('true');

  // Its logs, read through the tunnel.
  await page.getByRole('tab', { name: 'Logs' }).click();
  await expect(page.getByRole('log', { name: 'Log output' }).locator('.xterm-rows')).toContainText('hello-over-ssh');

  // A shell in it: a hijacked exec stream over an SSH channel.
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const box = page.getByLabel(`Terminal in ${name}`).locator('visible=true');
  await typeLine(page, box, 'echo $((6*7))-over-ssh');
  await expect(box.locator('.xterm-rows')).toContainText('42-over-ssh');

  // sshd goes away mid-stream: the banner says the engine is gone; when sshd is back, Berth is too.
  await ssh.stopSshd();
  const banner = page.getByRole('alert').filter({ hasText: 'The container engine is not answering.' });
  await expect(banner).toBeVisible();
  await expect(engineStatus).toContainText('Disconnected');
  await ssh.startSshd();
  await expect(banner).toBeHidden({ timeout: 15_000 });
  await expect(engineStatus).toContainText('Connected');
  // Events flow on the new connection: a container made beside Berth shows up.
  await page.getByRole('navigation').getByRole('button', { name: 'Containers' }).click();
  const later = uniqueName('after-drop');
  made.push(later);
  await onRemote('create', '--name', later, 'berth-fixture/busybox:latest');
  await expect(page.getByRole('checkbox', { name: `Select ${later}`, exact: true })).toBeVisible();

  // The host's key changes: Berth refuses, says why, shows both fingerprints, and offers no trust button.
  const trusted = await ssh.hostFingerprint();
  await ssh.stopSshd();
  await ssh.rekey();
  await ssh.startSshd();
  const refusal = page.getByRole('region', { name: 'The host key changed' });
  await expect(refusal).toBeVisible({ timeout: 15_000 });
  await expect(refusal).toContainText('man-in-the-middle');
  await expect(refusal.getByLabel('Offered now')).toHaveText(await ssh.hostFingerprint());
  await expect(refusal.getByLabel('Recorded')).toHaveText(trusted);
  await expect(page.getByRole('button', { name: 'Trust and connect' })).toHaveCount(0);
  await expect(engineStatus).toContainText('Disconnected');
});
