import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { appendFile, chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A "remote" engine for tests: a second private dockerd (its own socket, data root and bridge, as
 * scripts/test-engine.sh makes them) behind Debian's own sshd, run as `/usr/sbin/sshd -D -f CONFIG`
 * on 127.0.0.1 with a host key and an authorized key this helper makes. Never the system's sshd or
 * ~/.ssh: `home` is a HOME of its own holding the client key (and known_hosts when asked).
 */
export interface SshEngine {
  /** ssh://root@127.0.0.1:PORT/<remote socket>, as Berth takes it. */
  url: string;
  port: number;
  /** The second dockerd's socket ("remote" side), as unix:// for a local client. */
  localUrl: string;
  /** A HOME with .ssh/id_ed25519 (no passphrase); known_hosts only after `writeKnownHosts`. */
  home: string;
  /** A folder with an `ssh` that uses this home's key and known_hosts, to put first on PATH for `docker -H ssh://`. */
  sshBin: string;
  /** The host's public key line ("ssh-ed25519 AAAA…"). */
  hostKey(): Promise<string>;
  /** `ssh-keygen -lf`'s fingerprint of the host key, "SHA256:…". */
  hostFingerprint(): Promise<string>;
  writeKnownHosts(): Promise<void>;
  /**
   * Another HOME, `<dir>/<name>`, whose only key is a new .ssh/id_ed25519 locked with `passphrase`
   * (`ssh-keygen -N`), authorized on the host (sshd reads authorized_keys at each login), and whose
   * known_hosts lists the host key as it is now.
   */
  homeWithLockedKey(name: string, passphrase: string): Promise<string>;
  startSshd(): Promise<void>;
  /** Ends sshd and every connection it serves (its session processes, by their ids). */
  stopSshd(): Promise<void>;
  /** Whether sshd allows stream-local forwarding (else clients fall back to `docker system dial-stdio`); restart sshd for it to take effect. */
  allowForwarding(allowed: boolean): Promise<void>;
  /** A new host key; restart sshd for it to take effect. */
  rekey(): Promise<void>;
  /** TCP connections sshd accepted so far (its VERBOSE log's "Connection from" lines). */
  acceptedConnections(): Promise<number>;
  /** Stops sshd (the second dockerd stays for the next run, like the first one). */
  stop(): Promise<void>;
}

/** Settings derived from the helper's environment so runs of different helpers never share a bridge. */
function remoteEngineEnv(): NodeJS.ProcessEnv {
  const testDir = process.env.BERTH_TEST_DIR ?? '/tmp/berth-test';
  const third = /^172\.31\.(\d+)\.1\/24$/.exec(process.env.BERTH_TEST_BRIDGE_CIDR ?? '')?.[1];
  const cidr = process.env.BERTH_SSH_BRIDGE_CIDR ?? (third && Number(third) + 40 < 256 ? `172.31.${Number(third) + 40}.1/24` : '172.31.240.1/24');
  return {
    ...process.env,
    BERTH_TEST_DIR: join(testDir, 'ssh-remote'),
    BERTH_TEST_BRIDGE: process.env.BERTH_SSH_BRIDGE ?? `${process.env.BERTH_TEST_BRIDGE ?? 'berth-test0'}s`.slice(0, 15),
    BERTH_TEST_BRIDGE_CIDR: cidr,
  };
}

/** Starts (or reuses) the second dockerd with the fixture image, and an sshd in front of it under `dir`. */
export async function startSshEngine(dir: string): Promise<SshEngine> {
  const remoteEnv = remoteEngineEnv();
  const remoteSocket = join(remoteEnv.BERTH_TEST_DIR!, 'docker.sock');
  const localUrl = `unix://${remoteSocket}`;
  await run('bash', ['scripts/test-engine.sh', 'start'], { env: remoteEnv });
  await run('bash', ['scripts/fixtures.sh'], { env: { ...remoteEnv, DOCKER_HOST: localUrl } });

  await rm(dir, { recursive: true, force: true });
  const home = join(dir, 'home');
  const sshBin = join(dir, 'bin');
  await mkdir(join(home, '.ssh'), { recursive: true, mode: 0o700 });
  await mkdir(sshBin, { recursive: true });
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  const hostKeyFile = join(dir, 'host_ed25519');
  const clientKey = join(home, '.ssh', 'id_ed25519');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'berth-test-host', '-f', hostKeyFile]);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'berth-test-client', '-f', clientKey]);
  await writeFile(join(dir, 'authorized_keys'), await readFile(`${clientKey}.pub`));
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  await writeFile(
    config,
    [
      'ListenAddress 127.0.0.1',
      `Port ${port}`,
      `HostKey ${hostKeyFile}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      'AllowStreamLocalForwarding yes',
      'LogLevel VERBOSE',
      // For `docker -H ssh://` (the CLI's own SSH runs `docker system dial-stdio` on the remote).
      // HOME: the remote shell must not read this machine's own ~/.bashrc (bash sources it under
      // sshd; one here runs `pyenv rehash`, which can wait for ever on a stale lock).
      `SetEnv DOCKER_HOST=${localUrl} HOME=${home}`,
      '',
    ].join('\n'),
  );
  const knownHosts = join(home, '.ssh', 'known_hosts');
  await writeFile(
    join(sshBin, 'ssh'),
    `#!/bin/sh\nexec /usr/bin/ssh -o IdentityFile=${clientKey} -o UserKnownHostsFile=${knownHosts} -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes "$@"\n`,
  );
  await chmod(join(sshBin, 'ssh'), 0o755);

  const log = join(dir, 'sshd.log');
  let sshd: ChildProcess | undefined;
  const hostKey = async () => (await readFile(`${hostKeyFile}.pub`, 'utf8')).split(' ').slice(0, 2).join(' ');

  const engine: SshEngine = {
    url: `ssh://root@127.0.0.1:${port}${remoteSocket}`,
    port,
    localUrl,
    home,
    sshBin,
    hostKey,
    async hostFingerprint() {
      const { stdout } = await run('ssh-keygen', ['-lf', `${hostKeyFile}.pub`]);
      return stdout.split(' ')[1]!;
    },
    async writeKnownHosts() {
      await writeFile(knownHosts, `[127.0.0.1]:${port} ${await hostKey()}\n`);
    },
    async homeWithLockedKey(name: string, passphrase: string) {
      const lockedHome = join(dir, name);
      const key = join(lockedHome, '.ssh', 'id_ed25519');
      await mkdir(join(lockedHome, '.ssh'), { recursive: true, mode: 0o700 });
      await rm(key, { force: true });
      await rm(`${key}.pub`, { force: true });
      await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', `berth-test-${name}`, '-f', key]);
      await appendFile(join(dir, 'authorized_keys'), await readFile(`${key}.pub`));
      await writeFile(join(lockedHome, '.ssh', 'known_hosts'), `[127.0.0.1]:${port} ${await hostKey()}\n`);
      return lockedHome;
    },
    async startSshd() {
      if (sshd) return;
      const out = createWriteStream(log, { flags: 'a' });
      const child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr!.pipe(out);
      sshd = child;
      // Listening once it logs so (VERBOSE prints "Server listening on 127.0.0.1 port N.").
      await new Promise<void>((resolve, reject) => {
        let seen = '';
        const onData = (chunk: Buffer) => {
          seen += chunk.toString();
          if (seen.includes('Server listening')) {
            child.stderr!.off('data', onData);
            resolve();
          }
        };
        child.stderr!.on('data', onData);
        child.once('exit', (code) => reject(new Error(`sshd exited (${code}): ${seen}`)));
      });
    },
    async stopSshd() {
      const child = sshd;
      if (!child?.pid) return;
      sshd = undefined;
      const pids = [child.pid, ...(await descendants(child.pid))];
      const exited = new Promise((resolve) => child.once('exit', resolve));
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await exited;
    },
    async allowForwarding(allowed: boolean) {
      const text = await readFile(config, 'utf8');
      await writeFile(config, text.replace(/^AllowStreamLocalForwarding \w+$/m, `AllowStreamLocalForwarding ${allowed ? 'yes' : 'no'}`));
    },
    async rekey() {
      await rm(hostKeyFile, { force: true });
      await rm(`${hostKeyFile}.pub`, { force: true });
      await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'berth-test-host', '-f', hostKeyFile]);
    },
    async acceptedConnections() {
      const text = await readFile(log, 'utf8').catch(() => '');
      return text.split('\n').filter((line) => line.includes('Connection from ')).length;
    },
    async stop() {
      await engine.stopSshd();
    },
  };
  await engine.startSshd();
  return engine;
}

/** Every process under `pid` (children, grandchildren…), read from /proc. */
async function descendants(pid: number): Promise<number[]> {
  const parents = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Field 4 (ppid) follows the command in parentheses, which may itself hold spaces.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!parents.has(ppid)) parents.set(ppid, []);
    parents.get(ppid)!.push(Number(entry));
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const child of parents.get(p) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
