import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { askLoginAddress } from '../engine/server/login-channel';
import { startWebHostProcess, type WebHostProcess } from '../engine/testing/web-host-process';
import { startSshEngine, type SshEngine } from '../engine/testing/ssh-engine';
import { testDir } from '../playwright.config';
import { uniqueName } from './support/engine';

const run = promisify(execFile);
const dir = join(testDir, 'ssh-passphrase-e2e');
const passphrase = `correct-horse-${process.pid}`;
const wrong = `wrong-horse-${process.pid}`;
let ssh: SshEngine;
let host: WebHostProcess;
let key: string;
const made: string[] = [];

/** The docker CLI on the remote engine's own socket: what is really there, beside Berth. */
const onRemote = async (...args: string[]) => (await run('docker', ['-H', ssh.localUrl, ...args])).stdout.trim();

test.beforeAll(async () => {
  test.setTimeout(90_000);
  ssh = await startSshEngine(join(dir, 'sshd'));
  // A HOME whose only key wants a passphrase, its host already in known_hosts, and no ssh-agent.
  const home = await ssh.homeWithLockedKey('locked-home', passphrase);
  key = join(home, '.ssh', 'id_ed25519');
  host = await startWebHostProcess(join(dir, 'berth'), '', {
    BERTH_ENGINE: ssh.url,
    HOME: home,
    SSH_AUTH_SOCK: '',
    BERTH_BACKOFF_MAX_MS: '1000',
    BERTH_LOG_LEVEL: 'debug',
  });
});

test.afterAll(async () => {
  for (const name of made) await onRemote('rm', '-f', name).catch(() => undefined);
  await host?.stop();
  await ssh?.stop();
});

test('an SSH key locked with a passphrase: Berth names the key, refuses a wrong passphrase, and connects with the right one', async ({ page }) => {
  test.setTimeout(90_000);
  const name = uniqueName('locked-key');
  made.push(name);
  await onRemote('create', '--name', name, 'berth-fixture/busybox:latest');
  await page.goto(await askLoginAddress(join(dir, 'berth', 'run')));
  const engineStatus = page.getByRole('status', { name: 'Engine' });

  // The banner names the key file (its path, never its contents) and teaches what docker users do.
  const prompt = page.getByRole('region', { name: 'Unlock your SSH key' });
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText(key);
  await expect(prompt.getByRole('group', { name: 'With the docker CLI' })).toContainText(`ssh-add ${key}`);

  // A wrong passphrase: said so, and the field stays for another try.
  const field = prompt.getByLabel('Passphrase');
  await field.fill(wrong);
  await prompt.getByRole('button', { name: 'Unlock and connect' }).click();
  await expect(prompt.getByRole('alert')).toContainText(`That passphrase does not unlock ${key}.`);
  await expect(engineStatus).toContainText('Disconnected');
  await expect(field).toBeEditable();
  await expect(field).toHaveValue('');

  // The right one: the engine connects at once and its containers are listed.
  await field.fill(passphrase);
  await prompt.getByRole('button', { name: 'Unlock and connect' }).click();
  await expect(engineStatus).toContainText('Connected');
  await expect(prompt).toBeHidden();
  await expect(page.getByRole('checkbox', { name: `Select ${name}`, exact: true })).toBeVisible();

  // The command log records both tries as what a docker CLI user runs, without the passphrase.
  await engineStatus.getByRole('button', { name: 'Command log' }).click();
  const panel = page.getByRole('dialog', { name: 'Command log' });
  const rows = panel.getByRole('table', { name: 'Command log' }).getByRole('row').filter({ hasText: `ssh-add ${key}` });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Done');
  await expect(rows.nth(1)).toContainText('Failed:');

  // Neither passphrase reached Berth's log (written at debug level here), nor any page.
  const logs = join(dir, 'berth', 'data', 'logs');
  const files = (await readdir(logs)).filter((f) => /^berth\.\d+\.log$/.test(f));
  const text = (await Promise.all(files.map((f) => readFile(join(logs, f), 'utf8')))).join('\n');
  expect(text).toContain(key);
  expect(text).not.toContain(passphrase);
  expect(text).not.toContain(wrong);
  expect(await page.content()).not.toContain(passphrase);
});
