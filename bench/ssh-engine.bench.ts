import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Docker from 'dockerode';
import { dockerOptionsFor } from '../engine/docker/client.js';
import { endpointId } from '../engine/hosts/detect.js';
import { connectEngine } from '../engine/runtime.js';
import { startSshEngine } from '../engine/testing/ssh-engine.js';
import { median, ms, percentile, timeRuns } from './measure.js';

/**
 * Issue 14: an ssh:// engine through Berth's one long-lived tunnel, against the same engine's local
 * socket and against `docker -H ssh://` (the CLI's own SSH: a new ssh process per command), same
 * run, same engine: listing 200 containers (created, not started), `_ping` p50/p99, and the first
 * log line of a container that wrote 10,000. Budget: tunnel ≤ 1.5 × local socket + 5 ms a request.
 */
const count = 200;
const image = process.env.BERTH_FIXTURE_IMAGE ?? 'berth-fixture/busybox:latest';
const label = 'dev.berth.bench-ssh';
const testDir = process.env.BERTH_TEST_DIR ?? '/tmp/berth-test';

async function main() {
  const ssh = await startSshEngine(join(testDir, 'ssh-bench'));
  await ssh.writeKnownHosts();
  const local = new Docker(dockerOptionsFor(ssh.localUrl));
  const engine = await connectEngine({ id: endpointId(ssh.url), url: ssh.url, source: 'user' }, undefined, {
    dataDir: join(testDir, 'ssh-bench', 'berth-data'),
    env: { HOME: ssh.home },
  });
  const cliEnv = { ...process.env, HOME: ssh.home, PATH: `${ssh.sshBin}:${process.env.PATH}` };
  const cliHost = `ssh://root@127.0.0.1:${ssh.port}`;
  try {
    await engine.connection.waitUntilConnected(10_000);
    const tunnel = engine.connection.docker;
    const handshakesBefore = await ssh.acceptedConnections();

    const existing = await local.listContainers({ all: true, filters: { label: [label] } });
    for (let i = existing.length; i < count; i++) await local.createContainer({ Image: image, Labels: { [label]: '1' } });
    const logsName = 'berth-bench-ssh-10k';
    await local.getContainer(logsName).remove({ force: true }).catch(() => undefined);
    const logger = await local.createContainer({ name: logsName, Image: image, Cmd: ['seq', '1', '10000'], Labels: { [label]: 'logs' } });
    await logger.start();
    await logger.wait();

    const report = (what: string, tunnelMs: number, localMs: number, cliMs: number) => {
      const budget = 1.5 * localMs + 5;
      console.log(
        `${what}: tunnel ${ms(tunnelMs)}, local socket ${ms(localMs)}, docker -H ssh:// ${ms(cliMs)}; ` +
          `budget ${ms(budget)} → ${tunnelMs <= budget ? 'within' : 'OVER'}; CLI/tunnel ${(cliMs / tunnelMs).toFixed(0)}×`,
      );
    };
    const cli = (...args: string[]) => runCli(cliHost, cliEnv, args);

    console.log(`\n## ssh:// engine (${count + 1} containers on the remote engine)`);
    const list = (d: Docker) => async () => {
      const rows = await d.listContainers({ all: true });
      if (rows.length < count) throw new Error(`listed ${rows.length}`);
    };
    await list(tunnel)();
    const listTunnel = median(await timeRuns(30, list(tunnel)));
    const listLocal = median(await timeRuns(30, list(local)));
    const listCli = median(await timeRuns(5, () => cli('ps', '-a', '--format', '{{.ID}}')));
    report(`list ${count} containers (median)`, listTunnel, listLocal, listCli);

    const pingTunnel = await timeRuns(300, () => tunnel.ping());
    const pingLocal = await timeRuns(300, () => local.ping());
    // The CLI has no ping; its cheapest round trip to the engine is `docker version`.
    const pingCli = await timeRuns(5, () => cli('version', '--format', '{{.Server.APIVersion}}'));
    report('_ping p50', median(pingTunnel), median(pingLocal), median(pingCli));
    report('_ping p99', percentile(pingTunnel, 99), percentile(pingLocal, 99), percentile(pingCli, 99));

    const firstLine = (d: Docker) => () => firstLogLine(d, logsName);
    await firstLine(tunnel)();
    const logTunnel = median(await timeRuns(20, firstLine(tunnel)));
    const logLocal = median(await timeRuns(20, firstLine(local)));
    const logCli = median(await timeRuns(5, () => firstCliLine(cliHost, cliEnv, ['logs', logsName])));
    report('first log line of 10,000 (median)', logTunnel, logLocal, logCli);

    const handshakes = (await ssh.acceptedConnections()) - handshakesBefore;
    console.log(`TCP connections sshd accepted during the run: ${handshakes} (the CLI's 15 commands make one each; Berth's tunnel none)`);
  } finally {
    await engine.close();
    await ssh.stop();
  }
}

function runCli(host: string, env: NodeJS.ProcessEnv, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', ['-H', host, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`docker ${args.join(' ')}: ${stderr}`))));
  });
}

/** Until the CLI prints its first byte, then stops it. */
function firstCliLine(host: string, env: NodeJS.ProcessEnv, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', ['-H', host, ...args], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.once('data', () => {
      resolve();
      child.kill();
    });
    child.on('exit', (code) => (code === 0 || code === null ? resolve() : reject(new Error(`docker ${args.join(' ')} exited ${code}`))));
  });
}

/** Opens the logs stream and waits for its first bytes. */
async function firstLogLine(docker: Docker, name: string): Promise<void> {
  const abort = new AbortController();
  const stream = (await docker.getContainer(name).logs({ stdout: true, stderr: true, follow: true, abortSignal: abort.signal })) as NodeJS.ReadableStream;
  await new Promise<void>((resolve) => stream.once('data', () => resolve()));
  abort.abort();
  (stream as unknown as { destroy(): void }).destroy();
}

await main();
