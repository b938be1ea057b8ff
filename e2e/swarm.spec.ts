import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Docker from 'dockerode';
import { removeDockerContext, writeDockerContext } from '../engine/hosts/docker-contexts';
import { startSwarmEngine, type SwarmEngine } from '../engine/testing/swarm-engine';
import { testDir } from '../playwright.config';
import { openBerth } from './support/app';

const suffix = randomBytes(3).toString('hex');
const context = `e2e-swarm-${suffix}`;
const service = `e2e-web-${suffix}`;
const stack = `e2estack${suffix}`;
const configDir = process.env.DOCKER_CONFIG!;
const dockerHost = process.env.DOCKER_HOST!;

let swarm: SwarmEngine;
let docker: Docker;
let stackFile: string;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  swarm = await startSwarmEngine();
  docker = new Docker({ socketPath: swarm.socket });
  await docker.createService({
    Name: service,
    TaskTemplate: { ContainerSpec: { Image: swarm.images.v1, Command: ['sh', '-c', 'echo hello from a task; exec sleep 3600'] } },
    Mode: { Replicated: { Replicas: 2 } },
  });
  const folder = join(testDir, `e2e-stack-${suffix}`);
  mkdirSync(folder, { recursive: true });
  stackFile = join(folder, 'stack.yml');
  writeFileSync(stackFile, `version: "3.8"\nservices:\n  api:\n    image: ${swarm.images.v1}\n    command: ["sleep", "3600"]\n`);
  await writeDockerContext(configDir, { name: context, host: swarm.url });
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await docker?.getService(service).remove().catch(() => undefined);
  await docker?.getService(`${stack}_api`).remove().catch(() => undefined);
  await removeDockerContext(configDir, context);
  await swarm?.stop();
});

async function runningTasks(name: string): Promise<number> {
  const tasks = (await docker.listTasks({ filters: { service: [name], 'desired-state': ['running'] } })) as { Status?: { State?: string } }[];
  return tasks.filter((t) => t.Status?.State === 'running').length;
}

async function specImage(name: string): Promise<string> {
  const raw = (await docker.getService(name).inspect()) as { Spec: { TaskTemplate: { ContainerSpec: { Image: string } } } };
  return raw.Spec.TaskTemplate.ContainerSpec.Image;
}

async function useEngine(page: Page, name: string, url: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Engine' }).click();
  await page.getByRole('list', { name: 'Engines Berth can use' }).getByRole('listitem', { name: `${name} ${url}` }).getByRole('button', { name: 'Use this engine' }).click();
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText(url);
}

test('on an engine that is not in swarm mode, the Swarm section says what it needs', async ({ page }) => {
  await openBerth(page);
  await page.keyboard.press('Control+6');
  await expect(page.getByRole('heading', { name: 'Swarm', level: 1 })).toBeVisible();
  const needs = page.getByRole('status').filter({ hasText: 'not in swarm mode' });
  await expect(needs).toContainText('This engine is not in swarm mode.');
  await expect(needs).toContainText('docker swarm init');

  // In Korean too (the choice is remembered, so it is put back).
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('heading', { name: '스웜', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '스웜 모드가 아닙니다' })).toContainText('docker swarm init');
  await page.getByRole('combobox', { name: '언어' }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Swarm', level: 1 })).toBeVisible();
});

test('on a swarm manager: the service and a deployed stack with their tasks, scale, update image and roll back, remove the stack', async ({ page }) => {
  test.setTimeout(150_000);
  await openBerth(page);
  await useEngine(page, context, swarm.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Swarm' }).click();

  const web = page.getByRole('row', { name: service, exact: true });
  await expect(web.getByRole('cell', { name: '2 of 2 running' })).toBeVisible({ timeout: 30_000 });
  await expect(web).toContainText(swarm.images.v1);
  await expect(page.getByRole('table', { name: 'Nodes' }).getByRole('row').nth(1)).toContainText('leader');

  // Deploy a stack from a compose file through the docker CLI; the dialog shows the command.
  await page.getByRole('button', { name: 'Deploy stack…' }).click();
  const deploy = page.getByRole('dialog', { name: 'Deploy a stack' });
  await deploy.getByRole('textbox', { name: /Compose file/ }).fill(stackFile);
  await deploy.getByRole('textbox', { name: 'Stack name' }).fill(stack);
  await expect(deploy).toContainText(`docker stack deploy -c ${stackFile} ${stack}`);
  await deploy.getByRole('button', { name: 'Deploy' }).click();
  await expect(deploy.getByText(`Stack ${stack} deployed.`)).toBeVisible({ timeout: 60_000 });
  await expect(deploy.getByLabel('docker stack deploy output')).toContainText(`Creating service ${stack}_api`);
  await deploy.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { name: `Stack ${stack}` })).toBeVisible();
  await expect(page.getByRole('row', { name: `${stack}_api`, exact: true }).getByRole('cell', { name: '1 of 1 running' })).toBeVisible({ timeout: 30_000 });

  // Its tasks, with their state.
  await web.getByRole('button', { name: `Show tasks of ${service}` }).click();
  const tasks = page.getByRole('table', { name: `Tasks of ${service}` });
  await expect(tasks.getByRole('row')).toHaveCount(3);
  // Desired and current state, both running, for each of the two tasks.
  await expect(tasks.getByRole('cell', { name: 'running', exact: true })).toHaveCount(4);

  // The service's logs: every task's lines together.
  await web.getByRole('button', { name: `Logs of ${service}` }).click();
  const logs = page.getByRole('region', { name: `Logs of ${service}` });
  await expect(logs).toContainText(`docker service logs --follow --tail 500 ${service}`);
  await expect(logs.getByLabel(`Logs of ${service}`)).toContainText('hello from a task');
  await logs.getByRole('button', { name: 'Close logs' }).click();

  // Scale to 3: the engine runs three tasks.
  await web.getByRole('button', { name: `Scale ${service}` }).click();
  const scale = page.getByRole('dialog', { name: `Scale ${service}` });
  await scale.getByRole('spinbutton', { name: 'Replicas' }).fill('3');
  await expect(scale).toContainText(`docker service scale ${service}=3`);
  await scale.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => runningTasks(service), { timeout: 30_000 }).toBe(3);
  await expect(web.getByRole('cell', { name: '3 of 3 running' })).toBeVisible({ timeout: 30_000 });

  // Update the image, then roll back: the engine's spec has the previous image again.
  await web.getByRole('button', { name: `Update the image of ${service}` }).click();
  const update = page.getByRole('dialog', { name: `Update the image of ${service}` });
  await update.getByRole('textbox', { name: 'New image' }).fill(swarm.images.v2);
  await update.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => specImage(service)).toBe(swarm.images.v2);
  await expect(web).toContainText(swarm.images.v2);
  await web.getByRole('button', { name: `Roll back ${service}` }).click();
  await expect(page.getByText(`docker service rollback ${service}`)).toBeVisible();
  await expect.poll(() => specImage(service)).toBe(swarm.images.v1);
  await expect(web).toContainText(swarm.images.v1);

  // Remove the stack: the confirmation names its service and network.
  await page.getByRole('button', { name: `Remove stack ${stack}` }).click();
  const remove = page.getByRole('dialog', { name: `Remove stack ${stack}?` });
  await expect(remove.getByRole('list', { name: 'Services' })).toContainText(`${stack}_api`);
  await expect(remove.getByRole('list', { name: 'Networks' })).toContainText(`${stack}_default`);
  await remove.getByRole('button', { name: `Remove stack ${stack}` }).click();
  await expect.poll(async () => ((await docker.listServices({ filters: { label: [`com.docker.stack.namespace=${stack}`] } })) as unknown[]).length).toBe(0);
  await expect(page.getByRole('heading', { name: `Stack ${stack}` })).toBeHidden();

  // Remove the service: asked first, by name.
  await web.getByRole('button', { name: `Remove ${service}` }).click();
  const removeService = page.getByRole('dialog', { name: `Remove service ${service}?` });
  await expect(removeService).toContainText(`docker service rm ${service}`);
  await removeService.getByRole('button', { name: `Remove ${service}` }).click();
  await expect.poll(async () => ((await docker.listServices({ filters: { name: [service] } })) as unknown[]).length).toBe(0);
  await expect(web).toBeHidden();

  await useEngine(page, 'DOCKER_HOST', dockerHost);
});
