import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { openBerth } from './support/app';
import { docker, fixtureImage, uniqueName } from './support/engine';

const run = promisify(execFile);

/**
 * A two-service application as a person writes it: web publishes a port, worker logs a line a
 * second and keeps its data in a named volume. Every container and the volume carry the e2e label.
 */
const composeFile = (image: string) => `services:
  web:
    image: ${image}
    command: ["sh", "-c", "echo web ready; exec httpd -f -p 80 -h /"]
    ports: ["127.0.0.1::80"]
    stop_grace_period: 1s
    labels: { dev.berth.e2e: "1" }
  worker:
    image: ${image}
    command: ["sh", "-c", "trap 'exit 0' TERM; i=0; while :; do i=$$((i+1)); echo worker tick $$i; sleep 1; done"]
    volumes: ["data:/data"]
    stop_grace_period: 1s
    labels: { dev.berth.e2e: "1" }
volumes:
  data:
    labels: { dev.berth.e2e: "1" }
`;

/** The real Compose CLI (Debian's docker-compose 1.29.2) on the test engine: an argument array, DOCKER_HOST set. */
async function compose(folder: string, project: string, ...args: string[]): Promise<void> {
  await run('docker-compose', ['-p', project, '-f', 'compose.yml', ...args], {
    cwd: folder,
    env: { ...process.env, DOCKER_HOST: process.env.DOCKER_HOST },
    timeout: 120_000,
  });
}

async function projectContainers(project: string): Promise<{ service: string; status: string; startedAt: string }[]> {
  const ids = (await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`)).split('\n').filter(Boolean);
  if (!ids.length) return [];
  const lines = await docker('inspect', '--format', '{{index .Config.Labels "com.docker.compose.service"}} {{.State.Status}} {{.State.StartedAt}}', ...ids);
  return lines
    .split('\n')
    .map((line) => line.split(' '))
    .map(([service, status, startedAt]) => ({ service: service!, status: status!, startedAt: startedAt! }))
    .sort((a, b) => a.service.localeCompare(b.service));
}
/** "web:running worker:exited"; a container removed between the listing and the inspect reads as a change under way. */
const statuses = (project: string) =>
  projectContainers(project).then(
    (list) => list.map((c) => `${c.service}:${c.status}`).join(' '),
    () => 'changing',
  );

const projectRow = (page: Page, project: string) => page.getByRole('row', { name: `Project ${project}`, exact: true });

let folder: string;
let project: string;

test.beforeAll(async () => {
  project = uniqueName('shop').replaceAll('-', '');
  folder = await mkdtemp(join(tmpdir(), 'berth-compose-'));
  await writeFile(join(folder, 'compose.yml'), composeFile(fixtureImage));
  await compose(folder, project, 'up', '-d');
});

test.afterAll(async () => {
  // Whatever the journey left: the project's containers, network and volume, by its label.
  const ids = (await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`)).split('\n').filter(Boolean);
  if (ids.length) await docker('rm', '-f', '-v', ...ids);
  const networks = (await docker('network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`)).split('\n').filter(Boolean);
  if (networks.length) await docker('network', 'rm', ...networks).catch(() => undefined);
  const volumes = (await docker('volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`)).split('\n').filter(Boolean);
  if (volumes.length) await docker('volume', 'rm', ...volumes).catch(() => undefined);
  await rm(folder, { recursive: true, force: true });
});

test('a project started with the Compose CLI is one row; stop, start, restart, logs and remove act on the whole of it', async ({ page }) => {
  test.setTimeout(150_000);
  await openBerth(page);

  const row = projectRow(page, project);
  await expect(row).toContainText('2/2 running');
  await expect(row).toContainText(`${folder.split('/').pop()} · compose.yml`);
  // A one-off task (`compose run`) is no service: as `docker compose ps` does, the state leaves it out.
  await compose(folder, project, 'run', '-d', 'worker', 'true');
  await expect(row).toContainText('2/2 running · 1 from compose run');
  const oneOffs = (await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`, '--filter', 'label=com.docker.compose.oneoff=True')).split('\n').filter(Boolean);
  await docker('rm', '-f', ...oneOffs);
  await expect(row).not.toContainText('compose run');
  await expect(row.getByRole('cell').nth(2)).toHaveAttribute('title', `Folder: ${folder}\nFiles: ${folder}/compose.yml`);

  // Opened, it shows its containers by service and replica number.
  await row.getByRole('button', { name: `Show the containers of ${project}` }).click();
  await expect(page.getByRole('row').filter({ hasText: `web #1 ${project}_web_1` })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: `worker #1 ${project}_worker_1` })).toBeVisible();

  // The flat list instead, remembered across a reload; then grouped again.
  const grouping = page.getByRole('checkbox', { name: 'Group by project' });
  await grouping.uncheck();
  await expect(row).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: `Select ${project}_web_1`, exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: `Select ${project}_worker_1`, exact: true })).toBeVisible();
  await expect(grouping).not.toBeChecked();
  await grouping.check();
  await expect(row).toContainText('2/2 running');

  // Search works across groups: the project stays, saying how many of its containers match.
  await page.getByRole('searchbox', { name: 'Search' }).fill('worker');
  await expect(row).toContainText('1 of 2 matches');
  await expect(page.getByRole('row').filter({ hasText: `${project}_web_1` })).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search' }).fill('');

  // The files are gone: the Engine API still acts on the project by its label.
  await rm(folder, { recursive: true, force: true });

  await row.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Last action as a command' })).toContainText(`docker compose -p ${project} stop`);
  await expect.poll(() => statuses(project), { timeout: 20_000 }).toBe('web:exited worker:exited');
  await expect(row).toContainText('0/2 running');
  // With only running containers shown, a stopped project has nothing to show.
  await page.getByRole('combobox', { name: 'Show' }).selectOption('running');
  await expect(row).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Show' }).selectOption('all');

  await row.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(() => statuses(project), { timeout: 20_000 }).toBe('web:running worker:running');
  await expect(row).toContainText('2/2 running');

  await row.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect.poll(() => statuses(project), { timeout: 20_000 }).toBe('web:paused worker:paused');
  await expect(row).toContainText('2 paused');
  await row.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect.poll(() => statuses(project), { timeout: 20_000 }).toBe('web:running worker:running');

  const before = await projectContainers(project);
  await row.getByRole('button', { name: 'Restart', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Last action as a command' })).toContainText(`docker compose -p ${project} restart`);
  await expect
    .poll(async () => (await projectContainers(project)).every((c, i) => c.status === 'running' && c.startedAt !== before[i]!.startedAt), { timeout: 20_000 })
    .toBe(true);

  // Project logs: both services' lines, each named by its service; a service can be left out.
  await row.getByRole('button', { name: 'Logs', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Logs of project ${project}` })).toBeVisible();
  const lines = page.locator('.xterm-rows');
  await expect(lines).toContainText(/web\s+\| web ready/);
  await expect(lines).toContainText(/worker \| worker tick \d+/);
  await expect(page.getByRole('group', { name: 'Docker command' })).toContainText(`docker compose -p ${project} logs -f --tail 200`);
  await page.getByRole('checkbox', { name: 'worker', exact: true }).uncheck();
  await expect(lines).toContainText(/web\s*\| web ready/);
  await expect(lines).not.toContainText('worker tick');
  await expect(page.getByRole('group', { name: 'Docker command' })).toContainText(`docker compose -p ${project} logs -f --tail 200 web`);
  await page.getByRole('button', { name: '← Containers' }).click();

  // Remove asks, naming every container, and offers the named volume (unticked).
  await projectRow(page, project).getByRole('button', { name: 'Remove', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Remove project ${project}?` });
  await expect(dialog.getByRole('listitem').filter({ hasText: `${project}_web_1` })).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: `${project}_worker_1` })).toBeVisible();
  await expect(dialog).toContainText(`${project}_data`);
  const volumes = dialog.getByRole('checkbox', { name: /named volume/ });
  await expect(volumes).not.toBeChecked();
  await volumes.check();
  await expect(dialog.getByRole('group', { name: 'Docker command' })).toContainText(`docker compose -p ${project} rm -s -f && docker volume rm ${project}_data`);
  await dialog.getByRole('button', { name: 'Remove project' }).click();

  await expect.poll(() => statuses(project), { timeout: 20_000 }).toBe('');
  await expect.poll(() => docker('volume', 'ls', '-q', '--filter', `name=${project}_data`)).toBe('');
  await expect(projectRow(page, project)).toHaveCount(0);
});
