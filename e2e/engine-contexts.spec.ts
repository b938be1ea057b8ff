import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import Docker from 'dockerode';
import { removeDockerContext, writeDockerContext } from '../engine/hosts/docker-contexts';
import { startTlsEngine, type TlsEngine } from '../engine/testing/tls-engine';
import { testDir } from '../playwright.config';
import { openBerth } from './support/app';
import { e2eLabel, fixtureImage } from './support/engine';

const run = promisify(execFile);
const suffix = randomBytes(3).toString('hex');
const goodContext = `e2e-tls-${suffix}`;
const wrongContext = `e2e-wrong-ca-${suffix}`;
const savedName = `e2e-saved-${suffix}`;
const plainName = `e2e-plain-${suffix}`;
const containerName = `e2e-on-tls-${suffix}`;
/** Made on the test engine while the TLS engine is shown. */
const awayVolume = `e2e-while-away-${suffix}`;
/** One name on both engines: ticked on one, it must not be ticked on the other. */
const twinVolume = `e2e-twin-${suffix}`;
const configDir = process.env.DOCKER_CONFIG!;
const dockerHost = process.env.DOCKER_HOST!;

let tls: TlsEngine;
let tlsDocker: Docker;

/** Engines an earlier, failed run of this journey saved in Berth's settings (and their contexts). */
async function forgetEarlierRuns(): Promise<void> {
  const path = `${testDir}/berth-data/settings.json`;
  const settings = JSON.parse(await readFile(path, 'utf8').catch(() => '{}')) as { engines?: { name: string }[] };
  const earlier = (settings.engines ?? []).filter((e) => e.name.startsWith('e2e-'));
  if (earlier.length === 0) return;
  for (const engine of earlier) await removeDockerContext(configDir, engine.name);
  settings.engines = settings.engines!.filter((e) => !e.name.startsWith('e2e-'));
  await writeFile(path, JSON.stringify(settings, null, 2));
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await forgetEarlierRuns();
  tls = await startTlsEngine();
  // A container on the TLS engine, made through dockerode on its own socket from the test engine's fixture image.
  tlsDocker = new Docker({ socketPath: tls.socket });
  const main = new Docker({ socketPath: dockerHost.replace(/^unix:\/\//, '') });
  await tlsDocker.loadImage((await main.getImage(fixtureImage).get()) as NodeJS.ReadableStream);
  await tlsDocker.createContainer({ Image: fixtureImage, name: containerName, Labels: { [e2eLabel.split('=')[0]!]: '1' } });
  await tlsDocker.createVolume({ Name: twinVolume });
  await main.createVolume({ Name: twinVolume });
  await writeDockerContext(configDir, { name: goodContext, host: tls.url, tls: { ca: tls.ca, cert: tls.cert, key: tls.key } });
  await writeDockerContext(configDir, { name: wrongContext, host: tls.url, tls: { ca: tls.wrongCa, cert: tls.cert, key: tls.key } });
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await tlsDocker?.getContainer(containerName).remove({ force: true }).catch(() => undefined);
  await run('docker', ['-H', dockerHost, 'volume', 'rm', awayVolume, twinVolume]).catch(() => undefined);
  await tlsDocker?.getVolume(twinVolume).remove().catch(() => undefined);
  for (const name of [goodContext, wrongContext, savedName]) await removeDockerContext(configDir, name);
  await tls?.stop();
});

async function contextNames(): Promise<string[]> {
  const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_CONFIG: configDir };
  delete env.DOCKER_HOST;
  const { stdout } = await run('docker', ['context', 'ls', '--format', '{{.Name}}'], { env });
  return stdout.split('\n').map((l) => l.replace(/ \*$/, '').trim());
}

test('every docker context is listed; a TLS engine added in the UI is switched to and named in the status bar; plain TCP to another computer asks first', async ({ page }) => {
  test.setTimeout(90_000);
  await openBerth(page);
  // The images and volumes lists are kept warm for the engine shown (renderer/src/rpc/warm-lists.ts).
  await page.waitForFunction(() => performance.getEntriesByName('berth:lists:warm').length > 0);
  await page.getByRole('navigation').getByRole('button', { name: 'Engine' }).click();
  const engines = page.getByRole('list', { name: 'Engines Berth can use' });

  // The two contexts the test wrote, and the default context (DOCKER_HOST here).
  const good = engines.getByRole('listitem', { name: `${goodContext} ${tls.url}` });
  const wrong = engines.getByRole('listitem', { name: `${wrongContext} ${tls.url}` });
  await expect(good).toContainText('TLS');
  await expect(good).toContainText(/Docker \S+ · API 1\.41/);
  await expect(wrong).toContainText('TLS check failed');
  await expect(engines.getByRole('listitem').filter({ hasText: 'docker context “default”' })).toContainText(dockerHost);

  // A wrong CA is refused with words that say so, and Berth stays where it was.
  await wrong.getByRole('button', { name: 'Use this engine' }).click();
  await expect(page.getByRole('alert')).toContainText(`The TLS check with ${tls.url} failed`);
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText(dockerHost);

  // Add the TLS engine by hand at its bridge address (not loopback, so remote), with its certificate paths, also as a docker context.
  await page.getByRole('button', { name: 'Add engine…' }).click();
  const form = page.getByRole('dialog', { name: 'Add an engine' });
  await form.getByRole('textbox', { name: 'Name' }).fill(savedName);
  await form.getByRole('textbox', { name: 'Address' }).fill('tcp:/bad');
  await expect(form).toContainText('An engine address is tcp://host:port');
  await form.getByRole('textbox', { name: 'Address' }).fill(tls.remoteUrl);
  await form.getByRole('textbox', { name: 'CA certificate (ca.pem)' }).fill(tls.ca);
  await form.getByRole('textbox', { name: 'Client certificate (cert.pem)' }).fill(tls.cert);
  await form.getByRole('textbox', { name: 'Client key (key.pem)' }).fill(tls.key);
  await form.getByRole('checkbox', { name: 'Also save as a docker context' }).check();
  await expect(form.getByRole('group', { name: 'Docker command' })).toContainText(`docker context create ${savedName} --docker host=${tls.remoteUrl},ca=${tls.ca}`);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  const saved = engines.getByRole('listitem', { name: `${savedName} ${tls.remoteUrl}` });
  await expect(saved).toContainText('saved in Berth and as a docker context');
  expect(await contextNames()).toContain(savedName);

  // A volume ticked on this engine: the lists stay drawn while hidden, but not across engines.
  await page.getByRole('navigation').getByRole('button', { name: 'Volumes' }).click();
  await page.getByRole('checkbox', { name: `Select ${twinVolume}`, exact: true }).check();
  await page.getByRole('navigation').getByRole('button', { name: 'Engine' }).click();
  await saved.getByRole('button', { name: 'Use this engine' }).click();
  await expect(saved).toContainText('In use');
  const statusBar = page.getByRole('status', { name: 'Engine' });
  await expect(statusBar).toContainText(`${savedName} · ${tls.remoteUrl}`);
  await expect(statusBar).toContainText('⇄ remote');
  await expect(statusBar).toContainText('Connected');
  await expect(page).toHaveTitle(`Berth — ${savedName} (remote)`);
  // This engine speaks API 1.41: the Engine view says what that leaves out.
  await expect(page.getByRole('definition').filter({ hasText: 'sizing volumes alone (API 1.42)' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Docker command' }).first()).toContainText(`docker -H ${tls.remoteUrl} --tlsverify --tlscacert=${tls.ca}`);
  // The other engine's volume of the same name is not ticked: Delete would remove it there.
  await page.getByRole('navigation').getByRole('button', { name: 'Volumes' }).click();
  await expect(page.getByRole('checkbox', { name: `Select ${twinVolume}`, exact: true })).not.toBeChecked();
  await page.getByRole('navigation').getByRole('button', { name: 'Containers' }).click();
  await expect(page.getByRole('checkbox', { name: `Select ${containerName}`, exact: true })).toBeVisible();
  // Meanwhile, on the test engine (not shown): its events reach no page.
  await run('docker', ['-H', dockerHost, 'volume', 'create', awayVolume]);

  // Plain tcp:// to another computer: Berth asks, every time, and Cancel keeps the engine in use.
  await page.getByRole('navigation').getByRole('button', { name: 'Engine' }).click();
  await page.getByRole('button', { name: 'Add engine…' }).click();
  await form.getByRole('textbox', { name: 'Name' }).fill(plainName);
  await form.getByRole('textbox', { name: 'Address' }).fill('tcp://192.0.2.10:2375');
  await form.getByRole('button', { name: 'Save' }).click();
  const plain = engines.getByRole('listitem', { name: `${plainName} tcp://192.0.2.10:2375` });
  await expect(plain).toContainText('remote');
  await plain.getByRole('button', { name: 'Use this engine' }).click();
  const ask = page.getByRole('dialog', { name: 'Connect without encryption?' });
  await expect(ask).toContainText('registry logins included');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(statusBar).toContainText(savedName);

  // Back to the test engine, and forget both saved engines; Berth removes the context it wrote.
  await engines.getByRole('listitem', { name: `DOCKER_HOST ${dockerHost}` }).getByRole('button', { name: 'Use this engine' }).click();
  await expect(statusBar).toContainText(dockerHost);
  // What changed on it while another engine was shown is listed on coming back, not its lists as they were left.
  await page.getByRole('navigation').getByRole('button', { name: 'Volumes' }).click();
  await expect(page.getByRole('button', { name: `Browse the files of ${awayVolume}`, exact: true })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'Engine' }).click();
  await plain.getByRole('button', { name: `Edit ${plainName}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit engine ${plainName}` });
  await expect(edit.getByRole('textbox', { name: 'Name' })).toHaveValue(plainName);
  await edit.getByRole('textbox', { name: 'Address' }).fill('tcp://192.0.2.11:2375');
  await edit.getByRole('button', { name: 'Save' }).click();
  const edited = engines.getByRole('listitem', { name: `${plainName} tcp://192.0.2.11:2375` });
  await expect(edited).toBeVisible();
  await edited.getByRole('button', { name: `Remove ${plainName}` }).click();
  await page.getByRole('dialog', { name: `Remove engine ${plainName}?` }).getByRole('button', { name: 'Remove' }).click();
  await expect(edited).toBeHidden();
  await saved.getByRole('button', { name: `Remove ${savedName}` }).click();
  const removeDialog = page.getByRole('dialog', { name: `Remove engine ${savedName}?` });
  await expect(removeDialog.getByRole('checkbox', { name: `Also remove the docker context “${savedName}” that Berth wrote` })).toBeChecked();
  await removeDialog.getByRole('button', { name: 'Remove' }).click();
  await expect(saved).toBeHidden();
  expect(await contextNames()).not.toContain(savedName);
  expect(await contextNames()).toContain(goodContext);
});
