import Docker from 'dockerode';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeEvent } from '../contract/compose-cli.js';
import type { EngineEndpoint } from '../contract/types.js';
import { dockerOptionsFor } from '../docker/client.js';
import { endpointId } from '../hosts/detect.js';
import { connectEngine, type OpenEngine } from '../runtime.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { startSshEngine, type SshEngine } from '../testing/ssh-engine.js';
import { startTlsEngine, type TlsEngine } from '../testing/tls-engine.js';

// The real `docker-compose` (Debian's 1.29.2) run by Berth against engines that are not a local
// socket: the TLS test engine (tcp:// with --tlsverify) and the engine behind the loopback sshd.
// Each test goes through connectEngine, as switching engines in the app does, then composeCli.run.
const testDir = process.env.BERTH_TEST_DIR ?? '/tmp/berth-test';
const sshDir = join(testDir, 'compose-ssh');
const dataDir = join(sshDir, 'berth-data');
const timings = { backoffMinMs: 50, backoffMaxMs: 300, heartbeatMs: 1000, pingTimeoutMs: 5000 };
const folders: string[] = [];
const opened: OpenEngine[] = [];
let tls: TlsEngine;
let ssh: SshEngine;

beforeAll(async () => {
  const main = new Docker(dockerOptionsFor(requireDockerHost()));
  [tls, ssh] = await Promise.all([startTlsEngine(), startSshEngine(sshDir)]);
  // The TLS engine gets the fixture image over its own socket (the ssh engine's helper loads it itself).
  const tlsLocal = new Docker({ socketPath: tls.socket });
  if (!(await tlsLocal.getImage(fixtureImage).inspect().catch(() => undefined))) {
    await tlsLocal.loadImage((await main.getImage(fixtureImage).get()) as NodeJS.ReadableStream);
  }
  // The person trusted the ssh engine's host key in Berth (a pin in Berth's data folder), as the
  // banner's "Trust" does; ~/.ssh/known_hosts knows nothing of it.
  mkdirSync(join(dataDir, 'ssh'), { recursive: true, mode: 0o700 });
  writeFileSync(join(dataDir, 'ssh', 'known_hosts'), `[127.0.0.1]:${ssh.port} ${await ssh.hostKey()}\n`, { mode: 0o600 });
}, 90_000);

afterAll(async () => {
  await Promise.all(opened.map((e) => e.close()));
  await ssh?.stop();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

// network_mode bridge: no project network to make (this host's default address pools may all be
// taken by other engines' networks), and one step less for Compose.
function projectFolder(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `berth-compose-${name}-`));
  folders.push(folder);
  writeFileSync(join(folder, 'compose.yml'), `version: "3"\nservices:\n  web:\n    image: ${fixtureImage}\n    command: ["sleep", "300"]\n    network_mode: bridge\n    stop_grace_period: 1s\n`);
  return folder;
}

async function collect(events: AsyncIterable<ComposeEvent>): Promise<ComposeEvent[]> {
  const all: ComposeEvent[] = [];
  for await (const e of events) all.push(e);
  return all;
}

async function open(endpoint: EngineEndpoint, hosts = {}): Promise<OpenEngine> {
  const engine = await connectEngine(endpoint, timings, hosts);
  opened.push(engine);
  await engine.connection.waitUntilConnected(15_000);
  return engine;
}

/** The project's containers as the engine itself lists them (through its own socket, not through Berth). */
async function projectContainers(engine: Docker, project: string) {
  return engine.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } });
}

/** Temp folders Berth made pointing at this engine's key (none may be left once Compose ended); other processes' are not counted. */
function certFolders(): string[] {
  const key = readFileSync(tls.key, 'utf8');
  return readdirSync(tmpdir()).filter((name) => {
    if (!name.startsWith('berth-engine-tls-')) return false;
    try {
      return readFileSync(join(tmpdir(), name, 'key.pem'), 'utf8') === key;
    } catch {
      return false;
    }
  });
}

/** `up` then `down` of a one-service project on `engine`, checked on the engine's own socket. */
async function upAndDown(engine: OpenEngine, own: Docker, project: string): Promise<void> {
  const folder = projectFolder(project);
  const up = await collect(engine.api.composeCli.run({ source: { kind: 'files', files: [join(folder, 'compose.yml')], envFiles: [], projectName: project }, action: 'up' }, undefined));
  // The shown command is what a person types with that engine current: no address, no key material.
  expect(up[0]).toEqual({ kind: 'command', argv: ['docker-compose', '-p', project, '-f', join(folder, 'compose.yml'), 'up', '-d'] });
  expect(up.at(-1)).toEqual({ kind: 'done', project });
  const running = await projectContainers(own, project);
  expect(running.map((c) => [c.Labels['com.docker.compose.service'], c.State])).toEqual([['web', 'running']]);

  const down = await collect(engine.api.composeCli.run({ source: { kind: 'project', name: project }, action: 'down' }, undefined));
  expect(down.at(-1)).toEqual({ kind: 'done', project });
  expect(await projectContainers(own, project)).toEqual([]);
}

// Compose v1 is a Python program: each run takes seconds on a busy machine.
describe('Compose on engines that are not a local socket', { timeout: 90_000 }, () => {
  it('runs up and down on a tcp:// engine with TLS, with that engine’s certificates, and leaves no folder of them behind', async () => {
    // A saved engine's files, named as the person keeps them (not ca.pem/cert.pem/key.pem in one folder).
    const mine = mkdtempSync(join(tmpdir(), 'compose-tls-files-'));
    folders.push(mine);
    const files = { ca: join(mine, 'office-ca.crt'), cert: join(mine, 'me.crt'), key: join(mine, 'me.key') };
    for (const k of ['ca', 'cert', 'key'] as const) copyFileSync(tls[k], files[k]);
    expect(certFolders()).toEqual([]);
    const engine = await open({ id: endpointId(tls.url), url: tls.url, source: 'saved', name: 'tls-compose', tls: files });
    await upAndDown(engine, new Docker({ socketPath: tls.socket }), `berthtls${process.pid}`);
    expect(certFolders()).toEqual([]);
  });

  it('runs up and down on an ssh:// engine over Berth’s own SSH connection and host-key trust', async () => {
    const engine = await open({ id: endpointId(ssh.url), url: ssh.url, source: 'user' }, { dataDir, env: { HOME: ssh.home } });
    const connections = await ssh.acceptedConnections();
    await upAndDown(engine, new Docker(dockerOptionsFor(ssh.localUrl)), `berthssh${process.pid}`);
    // Compose's requests travelled as channels of the one connection Berth holds: sshd accepted no other.
    expect(await ssh.acceptedConnections()).toBe(connections);
  });
});
