import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const fixtureImage = process.env.BERTH_FIXTURE_IMAGE ?? 'berth-fixture/busybox:latest';
/** Every container a journey makes carries this label, so cleanup never touches anything else. */
export const e2eLabel = 'dev.berth.e2e=1';

function dockerHost(): string {
  const host = process.env.DOCKER_HOST;
  if (!host) throw new Error('DOCKER_HOST is not set: run the e2e suite through "npm test" (it starts a private dockerd).');
  return host;
}

/** The docker CLI against the test engine: argument arrays, never a shell string. */
export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', ['-H', dockerHost(), ...args], { timeout: 60_000 });
  return stdout.trim();
}

export function uniqueName(base: string): string {
  return `e2e-${base}-${randomBytes(3).toString('hex')}`;
}

/** A fixture container that stops within a second (busybox httpd ignores SIGTERM as PID 1). */
export async function runContainer(name: string, ...extra: string[]): Promise<string> {
  return docker('run', '-d', '--name', name, '--label', e2eLabel, '--stop-timeout', '1', ...extra, fixtureImage);
}

/** A fixture container running `command` instead of the image's httpd. */
export async function runCommand(name: string, command: string[], ...options: string[]): Promise<string> {
  return docker('run', '-d', '--name', name, '--label', e2eLabel, '--stop-timeout', '1', ...options, fixtureImage, ...command);
}

export async function createContainer(name: string, ...extra: string[]): Promise<string> {
  return docker('create', '--name', name, '--label', e2eLabel, '--stop-timeout', '1', ...extra, fixtureImage);
}

export interface InspectedState {
  Status: string;
  Running: boolean;
  Paused: boolean;
}

export async function stateOf(name: string): Promise<InspectedState | undefined> {
  try {
    return JSON.parse(await docker('inspect', '--format', '{{json .State}}', name)) as InspectedState;
  } catch {
    return undefined;
  }
}

export async function removeE2eContainers(): Promise<void> {
  const ids = (await docker('ps', '-aq', '--filter', `label=${e2eLabel}`)).split('\n').filter(Boolean);
  if (ids.length) await docker('rm', '-f', '-v', ...ids);
}

/** Stops or starts the private test dockerd through the same script the harness uses. */
export async function testEngine(command: 'start' | 'stop'): Promise<void> {
  await run('bash', ['scripts/test-engine.sh', command], { timeout: 60_000 });
}
