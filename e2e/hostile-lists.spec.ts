import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import { expect, test, type Page } from '@playwright/test';
import { dockerOptionsFor } from '../engine/docker/client';
import { openBerth } from './support/app';
import { createContainer, docker, removeE2eContainers } from './support/engine';

/**
 * What real engines hold but Berth's own forms would never make: names the engine accepts through
 * its API or CLI that are markup, carry spaces, `%`, `{{…}}` or run to hundreds of characters.
 * Each journey makes them with the docker CLI and works them through the page.
 */

const madeNetworks: string[] = [];
const madeVolumes: string[] = [];
test.afterEach(async () => {
  await removeE2eContainers();
  for (const network of madeNetworks.splice(0)) await docker('network', 'rm', network).catch(() => undefined);
  if (madeVolumes.length) await docker('volume', 'rm', ...madeVolumes.splice(0)).catch(() => undefined);
});

async function open(page: Page, section: 'Networks' | 'Containers' | 'Volumes') {
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: section }).click();
  await expect(page.getByRole('heading', { name: section })).toBeVisible();
}

test('networks: one named with markup, spaces, % and {{…}} is shown as text and can be disconnected, connected and removed', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // `docker network create` takes any name (only Berth's own Create form asks for docker's name rule).
  const network = `e2e-net-${randomBytes(3).toString('hex')} <img src=x onerror=alert(1)> 100% {{count}}`;
  madeNetworks.push(network);
  await docker('network', 'create', '--internal', network);
  // docker takes container names far longer than the 256 characters Berth's inputs allowed.
  const container = `e2e-long-${'x'.repeat(300)}`;
  await createContainer(container);
  await docker('network', 'connect', network, container);
  const attached = () => docker('inspect', '--format', `{{if index .NetworkSettings.Networks "${network}"}}yes{{else}}no{{end}}`, container);

  await open(page, 'Networks');
  const row = page.getByRole('row', { name: network, exact: true });
  await expect(row.getByRole('cell').first()).toHaveText(network);
  await expect(row.locator('img')).toHaveCount(0);

  await row.getByRole('button', { name: `Disconnect ${container} from ${network}` }).click();
  await expect(row.getByRole('button', { name: `Disconnect ${container} from ${network}` })).toHaveCount(0);
  expect(await attached()).toBe('no');
  await expect(page.getByRole('group', { name: 'Last action as a command' })).toContainText(`docker network disconnect '${network}' ${container}`);

  await row.getByRole('button', { name: `Connect a container to ${network}` }).click();
  const connect = page.getByRole('dialog', { name: `Connect a container to ${network}` });
  await connect.getByRole('combobox', { name: 'Container' }).selectOption({ label: container });
  await expect(connect.getByRole('group', { name: 'Docker command' })).toContainText(`docker network connect '${network}' ${container}`);
  await connect.getByRole('button', { name: 'Connect…' }).click();
  await expect(connect).toHaveCount(0);
  await expect.poll(attached).toBe('yes');
  await docker('rm', container);

  await row.getByRole('button', { name: `Remove ${network}` }).click();
  const confirm = page.getByRole('dialog', { name: `Remove network ${network}?` });
  await expect(confirm.getByRole('group', { name: 'Docker command' })).toContainText(`docker network rm '${network}'`);
  await confirm.getByRole('button', { name: 'Remove network' }).click();
  await expect(row).toHaveCount(0);
  await expect(docker('network', 'inspect', network)).rejects.toThrow();
  expect(dialogs).toEqual([]);
});

test('containers: Compose labels with a right-to-left override, zero-width space and markup show every character as text; a project name Compose never makes offers no project actions', async ({ page }) => {
  const project = `e2e-proj-${randomBytes(3).toString('hex')} <b>bold</b> {{count}}`;
  // Seen as "wzlive" before: U+202E turned the rest around and U+200B was invisible.
  const service = 'evil\u202Eexe.txt\u200Bzw';
  const name = `e2e-rtl-${randomBytes(3).toString('hex')}`;
  await createContainer(name, '--label', `com.docker.compose.project=${project}`, '--label', `com.docker.compose.service=${service}`);

  await open(page, 'Containers');
  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  const projectRow = page.getByRole('row', { name: `Project ${project}` });
  await expect(projectRow.getByRole('button', { name: project, exact: true })).toBeVisible();
  await expect(projectRow.locator('b')).toHaveCount(0);
  // Compose never makes such a name; the Engine API actions by its label were refused with an input
  // error after the click. They are offered no more, and the row says why.
  for (const action of ['Start', 'Stop', 'Restart', 'Pause', 'Logs', 'Remove']) {
    await expect(projectRow.getByRole('button', { name: action, exact: true })).toBeDisabled();
  }
  await expect(projectRow.getByRole('cell', { name: `Actions for project ${project}` })).toHaveAttribute('title', /Compose could not have named a project/);
  const row = page.getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Select ${name}`, exact: true }) });
  await expect(row.getByRole('cell').nth(1)).toContainText('evil⟨U+202E⟩exe.txt⟨U+200B⟩zw');
});

test('a volume and a network that many containers use keep rows of one line: the first names, then how many more', async ({ page }) => {
  const tag = randomBytes(3).toString('hex');
  const volume = `e2e-shared-${tag}`;
  const network = `e2e-net-${tag}`;
  madeNetworks.push(network);
  madeVolumes.push(volume);
  await docker('network', 'create', '--internal', network);
  const users = Array.from({ length: 40 }, (_, i) => `e2e-user-${tag}-${String(i).padStart(2, '0')}`);
  for (const user of users) await createContainer(user, '-v', `${volume}:/data`, '--network', network);

  await open(page, 'Volumes');
  await page.getByRole('searchbox', { name: 'Search volumes' }).fill(volume);
  const volumeRow = page.getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Select ${volume}` }) });
  // Seen 689 px tall with 300 users (every name, wrapped), squeezing the name column.
  await expect(volumeRow.getByRole('cell').last()).toContainText('and 37 more');
  expect((await volumeRow.boundingBox())!.height).toBeLessThan(80);
  const everyName = (await volumeRow.getByRole('cell').last().getAttribute('title'))!.split(', ');
  expect(everyName.sort()).toEqual([...users].sort());
  await page.getByRole('searchbox', { name: 'Search volumes' }).fill('');

  await page.getByRole('navigation').getByRole('button', { name: 'Networks' }).click();
  const networkRow = page.getByRole('row', { name: network, exact: true });
  await expect(networkRow.getByRole('button', { name: /^Disconnect / })).toHaveCount(8);
  expect((await networkRow.boundingBox())!.height).toBeLessThan(120);
  await networkRow.getByRole('button', { name: 'Show 32 more' }).click();
  await expect(networkRow.getByRole('button', { name: /^Disconnect / })).toHaveCount(40);
});

test('an image with many tags lists the first of them in its detail, then how many more', async ({ page }) => {
  const repo = `e2e-many-${randomBytes(3).toString('hex')}`;
  const tags = Array.from({ length: 30 }, (_, i) => `${repo}:t${String(i).padStart(2, '0')}`);
  for (const tag of tags) await docker('tag', 'berth-fixture/busybox:latest', tag);
  try {
    await openBerth(page);
    await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
    await page.getByRole('searchbox', { name: 'Search images' }).fill(`${repo}:t29`);
    await page.getByRole('button', { name: `${repo}:t29`, exact: true }).click();
    await expect(page.getByRole('heading', { name: `${repo}:t29` })).toBeVisible();
    // Every tag of the image (the fixture's own among them) was one line each: 2,000 tags made the page 29,000 px tall.
    const tagsShown = page.getByRole('definition').filter({ hasText: `${repo}:t00` });
    await expect(tagsShown).toContainText(/and \d+ more$/);
    expect((await tagsShown.innerText()).split('\n').length).toBeLessThanOrEqual(21);
  } finally {
    await docker('rmi', ...tags);
  }
});

test('a volume and a network named with 220 characters wrap in their rows: the other columns and the buttons stay in the window', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  const tag = randomBytes(3).toString('hex');
  // The engine takes names this long from the CLI (no space for a line to break at).
  const volume = `e2e-long-${tag}-${'v'.repeat(220)}`;
  const network = `e2e-long-${tag}-${'n'.repeat(220)}`;
  madeNetworks.push(network);
  madeVolumes.push(volume);
  await docker('network', 'create', '--internal', network);
  await docker('volume', 'create', volume);

  await open(page, 'Volumes');
  await page.getByRole('searchbox', { name: 'Search volumes' }).fill(tag);
  const volumeRow = page.getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Select ${volume}` }) });
  // Seen 1,900 px wide: the driver, size and "used by" columns were off the window for every volume.
  await expect(volumeRow.getByRole('cell').last()).toBeInViewport({ ratio: 1 });

  await page.getByRole('navigation').getByRole('button', { name: 'Networks' }).click();
  await expect(page.getByRole('button', { name: `Remove ${network}`, exact: true })).toBeInViewport({ ratio: 1 });
  // Its dialog's title wraps too (it ran past the dialog's edge, cut off).
  await page.getByRole('button', { name: `Remove ${network}`, exact: true }).click();
  const confirm = page.getByRole('dialog', { name: `Remove network ${network}?` });
  const [title, box] = [(await confirm.getByRole('heading').boundingBox())!, (await confirm.boundingBox())!];
  expect(title.x + title.width).toBeLessThanOrEqual(box.x + box.width);
  expect(await confirm.getByRole('heading').evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  // Every other row's buttons too (below the fold here: measured across, not down).
  const bridge = (await page.getByRole('button', { name: 'Connect a container to bridge', exact: true }).boundingBox())!;
  expect(bridge.x + bridge.width).toBeLessThanOrEqual(1024);
});

test('two networks with one name (the Engine API takes them) are told apart by their short ids, and each one’s removal names its id', async ({ page }) => {
  const name = `e2e-twin-${randomBytes(3).toString('hex')}`;
  // The docker CLI refuses a second network of one name; the API does not when asked not to check
  // (older Compose and Swarm made such twins).
  const engine = new Docker(dockerOptionsFor(process.env.DOCKER_HOST!));
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) ids.push(((await engine.createNetwork({ Name: name, CheckDuplicate: false, Internal: true })) as { id: string }).id);
  madeNetworks.push(...ids);

  await open(page, 'Networks');
  const rows = page.getByRole('row', { name, exact: true });
  await expect(rows).toHaveCount(2);
  for (const id of ids) {
    const row = rows.filter({ hasText: id.slice(0, 12) });
    await expect(row).toHaveCount(1);
    await row.getByRole('button', { name: `Remove ${name}` }).click();
    await expect(page.getByRole('dialog', { name: `Remove network ${name}?` })).toContainText(`docker network rm ${id}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  }
});
