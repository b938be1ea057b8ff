import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { openBerth } from './support/app';
import { docker, fixtureImage } from './support/engine';

const run = promisify(execFile);
// Compose v1 is a Python program: each run takes seconds on a busy machine.
test.setTimeout(180_000);

const folders: string[] = [];
const projects: string[] = [];

/** A temp folder holding these files, removed (with its project's containers) after the test. */
function projectFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'berth-e2e-compose-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

function uniqueProject(base: string): string {
  const name = `e2e${base}${Math.random().toString(16).slice(2, 8)}`;
  projects.push(name);
  return name;
}

/** The real docker-compose (Debian's 1.29.2) against the test engine, as a person would start a project. */
async function composeUp(folder: string, project: string, files: string[]): Promise<void> {
  await run('docker-compose', ['-p', project, ...files.flatMap((f) => ['-f', f]), 'up', '-d'], { cwd: folder, env: process.env, timeout: 120_000 });
}

async function projectContainers(project: string): Promise<string[]> {
  return (await docker('ps', '-aq', '--no-trunc', '--filter', `label=com.docker.compose.project=${project}`)).split('\n').filter(Boolean);
}

test.afterEach(async () => {
  for (const project of projects.splice(0)) {
    const ids = await projectContainers(project);
    if (ids.length) await docker('rm', '-f', ...ids);
    await docker('network', 'rm', `${project}_default`).catch(() => undefined);
  }
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

// busybox httpd ignores SIGTERM as PID 1: a short grace period keeps stop and down quick.
const service = (name: string, extra = '') => `  ${name}:\n    image: ${fixtureImage}\n    stop_grace_period: 1s\n${extra}`;
const twoServices = `version: "3"\nservices:\n${service('web')}${service('worker', '    command: ["sh", "-c", "while true; do echo tick; sleep 1; done"]\n')}`;

/** Opens a project's detail the way a person would: its container's detail, then the project link in its header. */
async function openProjectFromContainer(page: Page, container: string, project: string, serviceName: string) {
  await page.getByRole('searchbox', { name: 'Search' }).fill(container);
  await page.getByRole('button', { name: container, exact: true }).click();
  await page.getByRole('button', { name: `Compose project ${project} · service ${serviceName}` }).click();
  await expect(page.getByRole('heading', { name: `Compose project ${project}` })).toBeVisible();
}

test('recreate from the project detail uses every -f file; down removes the project', async ({ page }) => {
  const project = uniqueProject('files');
  const folder = projectFolder({
    'base.yml': `version: "3"\nservices:\n${service('web', '    environment:\n      FROM_BASE: "yes"\n      LEVEL: base\n')}`,
    'override.yml': `version: "3"\nservices:\n  web:\n    environment:\n      LEVEL: first\n`,
  });
  await composeUp(folder, project, ['base.yml', 'override.yml']);
  const [before] = await projectContainers(project);

  await openBerth(page);
  await openProjectFromContainer(page, `${project}_web_1`, project, 'web');
  await expect(page.getByText(join(folder, 'override.yml'))).toBeVisible();
  await expect(page.getByText('docker-compose 1.29.2')).toBeVisible();

  // The override changes after the start: only a recreate that reads it again sees the new value.
  writeFileSync(join(folder, 'override.yml'), `version: "3"\nservices:\n  web:\n    environment:\n      LEVEL: second\n`);
  await page.getByRole('toolbar', { name: 'Project actions' }).getByRole('button', { name: 'Recreate' }).click();
  const confirm = page.getByRole('group', { name: 'Run this command?' });
  await expect(confirm.getByRole('group', { name: 'Compose command' })).toContainText(
    `docker-compose -p ${project} -f ${join(folder, 'base.yml')} -f ${join(folder, 'override.yml')} --project-directory ${folder} up -d --force-recreate`,
  );
  await confirm.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByLabel('Compose output')).toContainText(`Recreating ${project}_web_1`, { timeout: 120_000 });
  await expect(page.getByText('Compose finished.')).toBeVisible({ timeout: 120_000 });
  const [after] = await projectContainers(project);
  expect(after).not.toBe(before);
  const env = JSON.parse(await docker('inspect', '--format', '{{json .Config.Env}}', after!)) as string[];
  expect(env).toEqual(expect.arrayContaining(['LEVEL=second', 'FROM_BASE=yes']));

  await page.getByRole('toolbar', { name: 'Project actions' }).getByRole('button', { name: 'Down' }).click();
  await expect(confirm).toContainText(`${project}_web_1`);
  await expect(confirm.getByRole('group', { name: 'Compose command' })).toContainText(`--project-directory ${folder} down`);
  await confirm.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByLabel('Compose output')).toContainText(`Removing ${project}_web_1`, { timeout: 120_000 });
  await expect.poll(() => projectContainers(project), { timeout: 60_000 }).toEqual([]);
});

test('a project whose folder was deleted says why up is unavailable; the engine still stops it', async ({ page }) => {
  const project = uniqueProject('gone');
  const folder = projectFolder({ 'docker-compose.yml': twoServices });
  await composeUp(folder, project, []);
  rmSync(folder, { recursive: true });

  await openBerth(page);
  await openProjectFromContainer(page, `${project}_worker_1`, project, 'worker');
  await expect(page.getByRole('status').filter({ hasText: `The project’s folder ${folder} is gone or was moved.` })).toBeVisible();
  const actions = page.getByRole('toolbar', { name: 'Project actions' });
  for (const name of ['Up', 'Down', 'Pull', 'Recreate']) await expect(actions.getByRole('button', { name, exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Restart worker' })).toBeDisabled();

  // Stop through the Engine API by label (what the project row's Stop does) still works.
  const ids = await projectContainers(project);
  await docker('stop', ...ids);
  await expect(page.getByText(`${project}_worker_1 #1 · exited`)).toBeVisible();
});

test('open a Compose file: a bad file shows Compose’s error, a good one lists services and comes up', async ({ page }) => {
  const bad = projectFolder({ 'compose.yaml': 'services:\n  web:\n    image: [unclosed\n' });
  const good = projectFolder({ 'compose.yaml': twoServices });
  const project = uniqueProject('open');

  await openBerth(page);
  await page.getByRole('button', { name: 'Open Compose file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a Compose file' });
  const file = dialog.getByRole('textbox', { name: 'Compose file (compose.yaml or docker-compose.yml)' });
  await file.fill('compose.yaml');
  await expect(dialog.getByText('A path on the engine side’s machine starts with “/”')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Up', exact: true })).toBeDisabled();

  await file.fill(join(bad, 'compose.yaml'));
  await dialog.getByRole('button', { name: 'Show services' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Compose failed', { timeout: 60_000 });
  await expect(dialog.getByRole('alert')).toContainText('compose.yaml');

  await file.fill(join(good, 'compose.yaml'));
  await dialog.getByRole('textbox', { name: 'Project name (optional)' }).fill(project);
  await dialog.getByRole('button', { name: 'Show services' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Services:' })).toContainText('Services: web, worker', { timeout: 60_000 });
  await expect(dialog.getByRole('group', { name: 'Compose command' })).toContainText(`docker-compose -p ${project} -f ${join(good, 'compose.yaml')} up -d`);

  await dialog.getByRole('button', { name: 'Up', exact: true }).click();
  await expect(dialog.getByLabel('Compose output')).toContainText(`Creating ${project}_worker_1`, { timeout: 120_000 });
  await dialog.getByRole('button', { name: `Open project ${project}` }).click({ timeout: 120_000 });
  await expect(page.getByRole('heading', { name: `Compose project ${project}` })).toBeVisible();
  await expect(page.getByText(`${project}_web_1 #1 · running`)).toBeVisible();
  const states = await Promise.all((await projectContainers(project)).map((id) => docker('inspect', '--format', '{{.State.Status}}', id)));
  expect(states).toEqual(['running', 'running']);

  // Per service: Compose restarts just that service's container.
  const worker = `${project}_worker_1`;
  const startedBefore = await docker('inspect', '--format', '{{.State.StartedAt}}', worker);
  await page.getByRole('button', { name: 'Restart worker' }).click();
  const confirm = page.getByRole('group', { name: 'Run this command?' });
  await expect(confirm.getByRole('group', { name: 'Compose command' })).toContainText(`-f ${join(good, 'compose.yaml')} --project-directory ${good} restart worker`);
  await confirm.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByText('Compose finished.')).toBeVisible({ timeout: 120_000 });
  expect(await docker('inspect', '--format', '{{.State.StartedAt}}', worker)).not.toBe(startedBefore);
});
