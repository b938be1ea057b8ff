import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer, type AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { testDir } from '../playwright.config';
import { ContainersPage, openBerth, pullThroughBerth } from './support/app';
import { docker, fixtureImage, uniqueName } from './support/engine';

const run = promisify(execFile);
const registryPort = process.env.BERTH_REGISTRY_PORT || '5055';
const registry = `127.0.0.1:${registryPort}`;
const vmSocket = `${testDir}/berth-run/vm/docker.sock`;
const vmUrl = `unix://${vmSocket}`;
const vmDisk = `${testDir}/berth-data/vm/disk.qcow2`;
const qemuPidFile = `${testDir}/berth-run/vm/qemu.pid`;

function vmCard(page: Page) {
  return page.getByRole('region', { name: /^Berth’s virtual machine/ });
}

async function openEngineView(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Engine' }).click();
}

async function useEngine(page: Page, url: string) {
  await openEngineView(page);
  await page.getByRole('listitem', { name: url }).getByRole('button', { name: 'Use this engine' }).click();
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText(url);
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected', { timeout: 20_000 });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function qemuAlive(): boolean {
  if (!existsSync(qemuPidFile)) return false;
  try {
    process.kill(Number(readFileSync(qemuPidFile, 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

/** This computer's first IPv4 address other than loopback, if it has one. */
function hostAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .find((a) => a.family === 'IPv4' && !a.internal)?.address;
}

/**
 * A shell line for a container: "<label> open" when `host port` answers an HTTP GET of `path` with
 * 200, else "<label> closed". nc, not wget: busybox's wget crashes under QEMU's emulated CPU here.
 */
function probe(label: string, host: string, port: number | string, path = '/'): string {
  return `if printf 'GET ${path} HTTP/1.0\\r\\n\\r\\n' | nc -w 3 ${host} ${port} | grep -q ' 200 '; then echo "${label} open"; else echo "${label} closed"; fi`;
}

test.skip(!process.env.BERTH_VM_IMAGE, 'BERTH_VM_IMAGE is not set: run through "npm test", which builds (or reuses) the guest image.');

test.afterAll(async () => {
  // Whatever happened, leave no VM running.
  if (qemuAlive()) process.kill(Number(readFileSync(qemuPidFile, 'utf8')), 'SIGKILL');
});

test("Berth's VM: boot with progress, pull from the host's registry, run with a published port reached on 127.0.0.1, stop", async ({ page, request }) => {
  test.setTimeout(420_000);
  // The image the guest pulls, from the registry on the host (the guest reaches it as its own 127.0.0.1).
  const reference = `${registry}/e2e/vm-fixture:1`;
  await docker('tag', fixtureImage, reference);
  await docker('push', reference);
  const hostPort = await freePort();
  const name = uniqueName('vm-web');

  await openBerth(page);
  await openEngineView(page);
  const card = vmCard(page);
  await expect(card).toContainText('Stopped');

  // Resources are checked as typed; a good value is saved for the next start.
  const settings = card.getByRole('form', { name: 'Resources' });
  const memory = settings.getByRole('spinbutton', { name: 'Memory (MiB)' });
  const memoryMiB = (await memory.inputValue()) === '1536' ? '1280' : '1536';
  await memory.fill('100');
  await expect(settings).toContainText('The VM needs at least 512 MiB of memory.');
  await expect(settings.getByRole('button', { name: 'Save' })).toBeDisabled();
  await memory.fill(memoryMiB);
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('status')).toContainText('They apply when the VM starts.');

  // Start: the boot shows where it is, then it runs under the accelerator that really works here.
  await card.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(card.getByRole('progressbar', { name: 'Boot progress' })).toBeVisible();
  // The first start hashes the 2 GiB base image (~7 s on an idle machine, far longer on a busy one).
  await expect(card).toContainText(/Booting the Linux kernel|Starting the guest system|Starting dockerd/, { timeout: 120_000 });
  await expect(card).toContainText('Running', { timeout: 240_000 });
  await expect(card).toContainText(`${memoryMiB} MiB`);
  await expect(card.getByRole('definition').filter({ hasText: /KVM|emulation|Hypervisor/ })).toBeVisible();
  expect(existsSync(vmDisk)).toBe(true);

  // The docker CLI reaches it through the context Berth wrote.
  expect((await run('docker', ['--context', 'berth-vm', 'version', '--format', '{{.Server.Os}}'])).stdout.trim()).toBe('linux');

  await useEngine(page, vmUrl);

  // Pull through Berth into the guest.
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
  await pullThroughBerth(page, reference, 60_000);

  // Hold the door: a service on this computer that Berth does not forward (on its loopback, which
  // QEMU's NAT calls 10.0.2.2, and on its other addresses) is out of a container's reach, with and
  // without --network host; the registry port Berth allows still answers (and the pull above worked).
  const hostService = createHttpServer((_, response) => response.end('host secret')).listen(0, '0.0.0.0');
  await once(hostService, 'listening');
  const deniedPort = (hostService.address() as AddressInfo).port;
  expect(await (await request.get(`http://127.0.0.1:${deniedPort}/`)).text()).toBe('host secret');
  const lan = hostAddress();
  const script = [
    probe('loopback', '10.0.2.2', deniedPort),
    // QEMU's DNS address on another port: older libslirp sends that to the host's loopback too.
    probe('dns-address', '10.0.2.3', deniedPort),
    ...(lan ? [probe('address', lan, deniedPort)] : []),
    probe('allowed', '127.0.0.1', registryPort, '/v2/'),
  ].join('; ');
  const inGuest = async (...options: string[]) =>
    (await run('docker', ['--context', 'berth-vm', 'run', '--rm', ...options, reference, 'sh', '-c', script], { timeout: 90_000 })).stdout.trim().split('\n');
  try {
    const closedToHost = ['loopback closed', 'dns-address closed', ...(lan ? ['address closed'] : [])];
    expect((await inGuest()).slice(0, closedToHost.length)).toEqual(closedToHost);
    expect(await inGuest('--network', 'host')).toEqual([...closedToHost, 'allowed open']);
  } finally {
    hostService.close();
  }

  // Run it with a published port; the port opens on this computer's 127.0.0.1.
  await page.getByRole('button', { name: `Run ${reference}`, exact: true }).click();
  const runDialog = page.getByRole('dialog', { name: 'Run a container' });
  await runDialog.getByRole('textbox', { name: 'Name (optional)' }).fill(name);
  await runDialog.getByRole('textbox', { name: 'Host port 1' }).fill(String(hostPort));
  // A UDP port too: SSH cannot carry it, and Berth says so instead of leaving it silently dead.
  const udpPort = await freePort();
  await runDialog.getByRole('button', { name: '+ Add port' }).click();
  await runDialog.getByRole('textbox', { name: 'Host port 2' }).fill(String(udpPort));
  await runDialog.getByRole('textbox', { name: 'Container port 2' }).fill('53');
  await runDialog.getByRole('combobox', { name: 'Protocol of port 2' }).selectOption('udp');
  await expect(runDialog.getByRole('group', { name: 'Docker command' })).toContainText(`-p 127.0.0.1:${hostPort}:80`);
  await expect(runDialog.getByRole('group', { name: 'Docker command' })).toContainText(`-p 127.0.0.1:${udpPort}:53/udp`);
  await runDialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(async () => (await request.get(`http://127.0.0.1:${hostPort}/`).then((r) => r.text()).catch(() => '')).trim(), { timeout: 30_000 })
    .toBe('berth fixture');
  await openEngineView(page);
  await expect(card.getByRole('definition').filter({ hasText: `127.0.0.1:${hostPort}` })).toBeVisible();
  await expect(card.locator('.facts__row', { hasText: 'Ports not forwarded' })).toContainText(`${udpPort}/udp: not forwarded`);

  // QEMU dies: Berth says so, boots the VM again on its own, and the container is still there.
  process.kill(Number(readFileSync(qemuPidFile, 'utf8')), 'SIGKILL');
  await expect(card).toContainText('Berth is restarting it');
  await expect(card.locator('.facts__row', { hasText: 'Last unexpected stop' })).toContainText('killed by SIGKILL');
  await expect(card.locator('.facts__row', { hasText: 'Restarted after QEMU died' }).getByRole('definition')).toHaveText('1');
  await expect(card.getByRole('heading', { name: /Running/ })).toBeVisible({ timeout: 240_000 });
  await expect(card.getByRole('alert')).toHaveCount(0);
  await expect(card.getByRole('definition').filter({ hasText: `127.0.0.1:${hostPort}` })).toHaveCount(0);
  await page.getByRole('navigation').getByRole('button', { name: 'Containers' }).click();
  // Its state may be from a few seconds before the kill (the guest's unwritten cache died with it), but it exists.
  const containers = new ContainersPage(page);
  await expect(containers.row(name)).toBeVisible({ timeout: 20_000 });
  // Started again, it serves on the same host port.
  await containers.select(name);
  await containers.action('Start').click();
  await expect(containers.row(name)).toContainText('Running', { timeout: 60_000 });
  await openEngineView(page);

  // Settings saved while it runs wait for the next start; the card tells the running ones from the saved.
  const laterMiB = memoryMiB === '1536' ? '1280' : '1536';
  await memory.fill(laterMiB);
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('status')).toContainText('Restart the VM to apply them.');
  await expect(card.locator('.facts__row', { hasText: 'CPUs, memory, disk' })).toContainText(`${memoryMiB} MiB`);
  await expect(card.locator('.facts__row', { hasText: 'Resources saved for the next start' })).toContainText(`${laterMiB} MiB`);

  // Stop: the guest powers off cleanly, QEMU is gone, and so is the forwarded port, even with a
  // client still connected to it (a browser's keep-alive must not hold the stop).
  await expect.poll(async () => (await request.get(`http://127.0.0.1:${hostPort}/`).then((r) => r.text()).catch(() => '')).trim(), { timeout: 60_000 }).toBe('berth fixture');
  const held = connect(hostPort, '127.0.0.1');
  await once(held, 'connect');
  held.on('error', () => undefined);
  await card.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(card).toContainText('Stopped', { timeout: 60_000 });
  held.destroy();
  expect(qemuAlive()).toBe(false);
  expect(existsSync(vmSocket)).toBe(false);
  await expect(request.get(`http://127.0.0.1:${hostPort}/`, { timeout: 2000 })).rejects.toThrow();

  // Back to the test engine for the rest of the suite.
  await useEngine(page, process.env.DOCKER_HOST!);
  await docker('rmi', reference).catch(() => undefined);

  // Reset asks first, names the disk it deletes, and deletes only the VM's own folder.
  await openEngineView(page);
  await card.getByRole('button', { name: 'Reset…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset Berth’s virtual machine?' });
  await expect(dialog).toContainText(vmDisk);
  await dialog.getByRole('button', { name: 'Delete and reset' }).click();
  await expect.poll(() => existsSync(vmDisk)).toBe(false);
  expect(existsSync(`${testDir}/berth-data/settings.json`)).toBe(true);
  expect(existsSync(`${process.env.BERTH_VM_IMAGE}/disk.raw`)).toBe(true);
});
