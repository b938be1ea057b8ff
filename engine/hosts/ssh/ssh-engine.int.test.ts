import Docker from 'dockerode';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineChanges, EngineStatus } from '../../contract/types.js';
import type { ContractContext } from '../../contract/trpc.js';
import { contractRouter } from '../../contract/router.js';
import { dockerOptionsFor } from '../../docker/client.js';
import { EngineManager } from '../../engine-manager.js';
import type { Listeners } from '../../shared/listeners.js';
import { flushLog, openLog } from '../../shared/log.js';
import { connectEngine, type OpenEngine } from '../../runtime.js';
import { fixtureImage } from '../../testing/engine-env.js';
import { startSshEngine, type SshEngine } from '../../testing/ssh-engine.js';
import { endpointId } from '../detect.js';

const dir = join(process.env.BERTH_TEST_DIR ?? '/tmp/berth-test', 'ssh-int');
const dataDir = join(dir, 'berth-data');
const prefix = `berth-ssh-int-${process.pid}`;
let ssh: SshEngine;
let remote: Docker;
const opened: OpenEngine[] = [];

beforeAll(async () => {
  ssh = await startSshEngine(dir);
  remote = new Docker(dockerOptionsFor(ssh.localUrl));
}, 60_000);

afterAll(async () => {
  await Promise.all(opened.map((e) => e.close()));
  const mine = await remote.listContainers({ all: true, filters: { name: [prefix] } });
  await Promise.all(mine.map((c) => remote.getContainer(c.Id).remove({ force: true })));
  await ssh?.stop();
});

async function open(): Promise<OpenEngine> {
  const engine = await connectEngine(
    { id: endpointId(ssh.url), url: ssh.url, source: 'user' },
    { backoffMinMs: 50, backoffMaxMs: 300, heartbeatMs: 500, pingTimeoutMs: 5000 },
    { dataDir, env: { HOME: ssh.home } },
  );
  opened.push(engine);
  return engine;
}

async function firstOf<T>(items: AsyncIterable<T>): Promise<T> {
  for await (const item of items) return item;
  throw new Error('the stream ended with nothing');
}

/** The next status that `accept` takes, or the current one if it already does. */
function statusWhere(connection: { status: EngineStatus; statusChanges: Listeners<EngineStatus> }, accept: (s: EngineStatus) => boolean, timeoutMs = 15_000): Promise<EngineStatus> {
  return new Promise((resolve, reject) => {
    if (accept(connection.status)) return resolve(connection.status);
    const timer = setTimeout(() => reject(new Error(`status never matched; last ${JSON.stringify(connection.status)}`)), timeoutMs);
    const stop = connection.statusChanges.add((s) => {
      if (!accept(s)) return;
      clearTimeout(timer);
      stop();
      resolve(s);
    });
  });
}

describe('an ssh:// engine', () => {
  let engine: OpenEngine;

  it('refuses a host key no known_hosts lists, with its SHA256 fingerprint; trusting it pins it and connects', async () => {
    engine = await open();
    const refused = await statusWhere(engine.connection, (s) => s.lastErrorKind !== undefined);
    const fingerprint = await ssh.hostFingerprint();
    expect(refused.lastErrorKind).toEqual({ kind: 'sshHostKeyUnknown', host: `[127.0.0.1]:${ssh.port}`, keyType: 'ssh-ed25519', fingerprint });
    expect(await engine.sshTunnel!.trust('SHA256:not-the-one-shown')).toBe(false);
    expect(await engine.sshTunnel!.trust(fingerprint)).toBe(true);
    expect(await readFile(join(dataDir, 'ssh', 'known_hosts'), 'utf8')).toBe(`[127.0.0.1]:${ssh.port} ${await ssh.hostKey()}\n`);
    await statusWhere(engine.connection, (s) => s.state === 'connected');
  });

  it('lists, runs, reads logs and opens a shell over one SSH connection', async () => {
    const before = await ssh.acceptedConnections();
    const docker = engine.connection.docker;
    const name = `${prefix}-web`;
    const container = await docker.createContainer({ name, Image: fixtureImage, Cmd: ['sh', '-c', 'echo hello-over-ssh; sleep 300'], Tty: false });
    await container.start();
    const listed = await docker.listContainers({ all: true, filters: { name: [prefix] } });
    expect(listed.map((c) => c.Names[0])).toContain(`/${name}`);
    await expect.poll(async () => (await container.logs({ stdout: true, stderr: true, follow: false })).toString()).toContain('hello-over-ssh');

    const exec = await container.exec({ Cmd: ['sh'], AttachStdin: true, AttachStdout: true, Tty: true });
    const stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as NodeJS.ReadWriteStream;
    const out = new PassThrough();
    let text = '';
    stream.pipe(out).on('data', (c: Buffer) => (text += c.toString()));
    stream.write('echo $((6*7))-from-exec\n');
    await expect.poll(() => text, { timeout: 5000 }).toContain('42-from-exec');
    stream.write('exit\n');

    for (let i = 0; i < 20; i++) await docker.ping();
    expect(await ssh.acceptedConnections()).toBe(before);
  });

  it('pulls, streams stats, and reads and writes files in a container and a volume through the tunnel', async () => {
    const api = engine.api;
    const [web] = await remote.listContainers({ filters: { name: [`${prefix}-web`] } });
    const sample = await firstOf(api.stats.stream(web!.Id, undefined));
    expect(sample.memoryBytes).toBeGreaterThan(0);

    // Pull: an image pushed to the local registry from the remote engine, then forgotten there.
    const reference = `127.0.0.1:${process.env.BERTH_REGISTRY_PORT ?? 5055}/berth-ssh-int/busybox:${process.pid}`;
    await remote.getImage(fixtureImage).tag({ repo: reference.slice(0, reference.lastIndexOf(':')), tag: String(process.pid) });
    await new Promise((resolve, reject) => {
      void remote.getImage(reference).push({ authconfig: {} }, (error, stream) => {
        if (error) return reject(error);
        remote.modem.followProgress(stream!, (e) => (e ? reject(e) : resolve(undefined)));
      });
    });
    await remote.getImage(reference).remove();
    const events = [];
    for await (const event of api.images.pull(reference, undefined)) events.push(event);
    expect(events.at(-1)).toMatchObject({ kind: 'done' });
    expect((await remote.getImage(reference).inspect()).RepoTags).toContain(reference);
    await remote.getImage(reference).remove();

    // Files: upload into a container, list the folder, download the file back (the archive API, PUT and GET).
    const text = Buffer.from('written over ssh\n');
    await api.containers.uploadFile(web!.Id, '/tmp', 'note.txt', { size: text.length, bytes: (async function* () { yield text; })() });
    expect((await api.containers.files(web!.Id, '/tmp')).map((f) => f.name)).toContain('note.txt');
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    await api.containers.downloadFile(web!.Id, '/tmp/note.txt', 'file', sink);
    expect(Buffer.concat(chunks).toString()).toBe('written over ssh\n');

    // A volume: made, filled, listed and removed on the remote engine.
    const volume = `${prefix}-data`;
    await api.volumes.create({ name: volume, driver: 'local', driverOptions: {}, labels: {} });
    await api.volumes.upload(volume, '/', 'hello.txt', { size: text.length, bytes: (async function* () { yield text; })() });
    expect((await api.volumes.files(volume, '/')).map((f) => f.name)).toEqual(['hello.txt']);
    expect(await api.volumes.remove({ names: [volume] })).toEqual([expect.objectContaining({ ok: true })]);
  });

  it('reaches a host by its ~/.ssh/config alias (HostName, Port, User, IdentityFile), as ssh would', async () => {
    const { writeFile, rename } = await import('node:fs/promises');
    const key = join(ssh.home, '.ssh', 'id_ed25519');
    await rename(key, join(ssh.home, '.ssh', 'remote_key'));
    await writeFile(join(ssh.home, '.ssh', 'config'), `Host berth-remote\n  HostName 127.0.0.1\n  Port ${ssh.port}\n  User root\n  IdentityFile ~/.ssh/remote_key\n`);
    try {
      const url = `ssh://berth-remote${new URL(ssh.url).pathname}`;
      const aliased = await connectEngine({ id: endpointId(url), url, source: 'user' }, { pingTimeoutMs: 5000 }, { dataDir, env: { HOME: ssh.home } });
      opened.push(aliased);
      await aliased.connection.waitUntilConnected(10_000);
      await aliased.close();
    } finally {
      await rename(join(ssh.home, '.ssh', 'remote_key'), key);
    }
  });

  it('falls back to `docker system dial-stdio` on the remote when sshd refuses to forward to the socket', async () => {
    await ssh.stopSshd();
    await ssh.allowForwarding(false);
    await ssh.startSshd();
    try {
      const stdio = await open();
      await stdio.connection.waitUntilConnected(15_000);
      const listed = await stdio.connection.docker.listContainers({ all: true, filters: { name: [`${prefix}-web`] } });
      expect(listed).toHaveLength(1);
      const log = await stdio.connection.docker.getContainer(listed[0]!.Id).logs({ stdout: true, follow: false });
      expect(log.toString()).toContain('hello-over-ssh');
      expect(await readFile(join(dir, 'sshd.log'), 'utf8')).toContain('refused streamlocal port forward');
      await stdio.close();
    } finally {
      await ssh.stopSshd();
      await ssh.allowForwarding(true);
      await ssh.startSshd();
      await statusWhere(engine.connection, (s) => s.state === 'connected');
    }
  });

  it('says, at once and with both reasons, when the socket the address names is not there', async () => {
    const url = ssh.url.replace(/docker\.sock$/, "no'such.sock");
    const missing = await connectEngine({ id: endpointId(url), url, source: 'user' }, { pingTimeoutMs: 10_000 }, { dataDir, env: { HOME: ssh.home } });
    opened.push(missing);
    const status = await statusWhere(missing.connection, (s) => s.state === 'disconnected');
    expect(status.lastError).toContain('open failed');
    expect(status.lastError).toContain(`dial unix ${new URL(url).pathname}: connect: no such file or directory`);
    await missing.close();
  });

  it('says the link dropped when sshd goes away, and reconnects with a fresh events stream when it is back', async () => {
    const { generation } = engine.connection.status;
    await ssh.stopSshd();
    await statusWhere(engine.connection, (s) => s.state === 'disconnected');
    await ssh.startSshd();
    await statusWhere(engine.connection, (s) => s.state === 'connected' && s.generation === generation + 1);

    const seen: EngineChanges[] = [];
    const abort = new AbortController();
    const name = `${prefix}-after`;
    const watching = (async () => {
      for await (const change of engine.api.connection.watchChanges(abort.signal)) {
        seen.push(change);
        if (change.containers?.upserted.some((c) => c.name === name)) abort.abort();
      }
    })();
    // Made beside Berth, on the remote engine's own socket: only the events stream can tell Berth.
    await remote.createContainer({ name, Image: fixtureImage });
    await watching;
    expect(seen.flatMap((c) => c.containers?.upserted ?? []).find((c) => c.name === name)).toMatchObject({ state: 'created' });
  });

  it('refuses a host key that changed, naming both fingerprints and where the old one is recorded', async () => {
    await engine.close();
    const pinned = await ssh.hostFingerprint();
    await ssh.stopSshd();
    await ssh.rekey();
    await ssh.startSshd();
    const again = await open();
    const refused = await statusWhere(again.connection, (s) => s.lastErrorKind !== undefined);
    expect(refused.lastErrorKind).toEqual({
      kind: 'sshHostKeyChanged',
      host: `[127.0.0.1]:${ssh.port}`,
      keyType: 'ssh-ed25519',
      fingerprint: await ssh.hostFingerprint(),
      knownFingerprint: pinned,
      file: join(dataDir, 'ssh', 'known_hosts'),
      line: 1,
    });
    // Nothing to trust in one step: a changed key is never offered.
    expect(again.sshTunnel!.offeredHostKey).toBeUndefined();
    expect(await again.sshTunnel!.trust(await ssh.hostFingerprint())).toBe(false);
  });
});

describe('an ssh:// engine whose only key is locked with a passphrase, and no ssh-agent', () => {
  const lockedData = join(dir, 'locked-data');
  const logDir = join(dir, 'locked-logs');
  const passphrase = `berth-pass-${process.pid}-phrase`;
  const wrong = `not-it-${process.pid}-phrase`;
  let manager: EngineManager | undefined;
  afterAll(async () => manager?.close());

  it('names the key that wants a passphrase, refuses a wrong one, connects with the right one, and writes it nowhere', async () => {
    await openLog({ dir: logDir, level: 'debug' });
    const home = await ssh.homeWithLockedKey('locked-home', passphrase);
    const key = join(home, '.ssh', 'id_ed25519');
    manager = await EngineManager.start({
      engineUrl: ssh.url,
      dataDir: lockedData,
      env: { HOME: home },
      timings: { backoffMinMs: 50, backoffMaxMs: 300, heartbeatMs: 500, pingTimeoutMs: 5000 },
    });
    const caller = contractRouter.createCaller({ engine: manager.api, engines: manager.engines } as ContractContext);
    const id = manager.endpoint.id;

    const locked = await statusWhere(manager, (s) => s.lastErrorKind !== undefined);
    expect(locked.lastErrorKind).toEqual({ kind: 'sshKeyLocked', user: 'root', host: `127.0.0.1:${ssh.port}`, key });

    await expect(caller.engines.unlockKey({ id, key, passphrase: wrong })).rejects.toMatchObject({ cause: { reason: 'sshKeyPassphraseWrong', params: { key } } });
    // Only the key the engine asked for: not any file the caller names.
    await expect(caller.engines.unlockKey({ id, key: '/etc/passwd', passphrase })).rejects.toMatchObject({ cause: { reason: 'sshKeyNotLocked' } });
    await expect(caller.engines.unlockKey({ id, key, passphrase: 'x'.repeat(1025) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(manager.status.state).toBe('disconnected');

    const answer = await caller.engines.unlockKey({ id, key, passphrase });
    expect(JSON.stringify(answer)).not.toContain(passphrase);
    await manager.waitUntilConnected(10_000);
    const onRemote = (await remote.listContainers({ all: true })).map((c) => c.Names[0]!.slice(1));
    expect((await caller.containers.list()).map((c) => c.name).sort()).toEqual(onRemote.sort());

    // Kept in memory only: neither Berth's data folder nor its log holds either passphrase.
    await flushLog();
    const logText = await folderText(logDir);
    expect(logText).toContain(key);
    for (const secret of [passphrase, wrong]) {
      expect(logText).not.toContain(secret);
      expect(await folderText(lockedData)).not.toContain(secret);
    }
  });
});

/** Every file under `folder`, read as text and joined ('' when there is no such folder). */
async function folderText(folder: string): Promise<string> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const texts = await Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), 'utf8')));
  return texts.join('\n');
}
