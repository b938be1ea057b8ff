import { execFile, spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fixtureImage } from './engine-env.js';
import { pingSocket } from '../hosts/unix-ping.js';
import { stopDockerd } from './private-dockerd.js';

const run = promisify(execFile);

/** A private dockerd in swarm mode (a single-node manager) for Swarm tests, and the images it has. */
export interface SwarmEngine {
  url: string;
  socket: string;
  /** Two tags of the fixture image in the test registry (pullable, so the CLI can pin digests): for update and roll back. */
  images: { v1: string; v2: string };
  /** The docker CLI's environment for this engine. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/**
 * Starts (or reuses, when it already answers) a dockerd under `<BERTH_TEST_DIR>/swarm-engine` with
 * its own data root, exec root, pid file and bridge (berth-wN, 172.31.21N.1/24, N from
 * BERTH_TEST_BRIDGE), `--iptables=false` as scripts/test-engine.sh runs the main test engine, so
 * swarm mode never touches the shared test engine (other tests count its networks and containers).
 * Then `docker swarm init --advertise-addr 127.0.0.1` and the fixture image, copied from the test
 * engine at DOCKER_HOST (docker save | docker load) and pushed as two tags to the plain test
 * registry (BERTH_REGISTRY_PORT). Its swarm's gateway bridge is its own too (berth-gN). `stop()` leaves the swarm and stops the daemon. Needs root, as the
 * test engine does.
 */
export async function startSwarmEngine(): Promise<SwarmEngine> {
  const dir = join(process.env.BERTH_TEST_DIR ?? '/tmp/berth-test', 'swarm-engine');
  const n = Number(/(\d+)$/.exec(process.env.BERTH_TEST_BRIDGE ?? '')?.[1] ?? '0') % 10;
  const bridge = process.env.BERTH_SWARM_BRIDGE ?? `berth-w${n}`;
  // 172.31.21N: 250–252 are taken by Berth's own engine (berth0) and the default e2e and test engines.
  const cidr = process.env.BERTH_SWARM_BRIDGE_CIDR ?? `172.31.${210 + n}.1/24`;
  const socket = join(dir, 'docker.sock');
  const pidfile = join(dir, 'dockerd.pid');
  const url = `unix://${socket}`;
  const { DOCKER_CONTEXT: _context, ...base } = process.env;
  const env = { ...base, DOCKER_HOST: url };
  // The plain test registry scripts/test-registry.sh starts (its default port is 5055).
  const registry = `127.0.0.1:${process.env.BERTH_REGISTRY_PORT ?? '5055'}`;
  const images = { v1: `${registry}/berth-swarm/busybox:v1`, v2: `${registry}/berth-swarm/busybox:v2` };
  const docker = (...args: string[]) => run('docker', args, { env, maxBuffer: 16 * 1024 * 1024 });
  mkdirSync(dir, { recursive: true });

  if (!(await pingSocket(socket, 1000))) {
    await run('ip', ['link', 'show', bridge]).catch(async () => {
      await run('ip', ['link', 'add', bridge, 'type', 'bridge']);
      await run('ip', ['addr', 'add', cidr, 'dev', bridge]);
    });
    await run('ip', ['link', 'set', bridge, 'up']);
    const log = openSync(join(dir, 'dockerd.log'), 'a');
    const dockerd = spawn(
      'dockerd',
      ['--data-root', join(dir, 'data'), '--exec-root', join(dir, 'exec'), '--pidfile', pidfile, '-H', url, '-b', bridge, '--iptables=false', '--ip-masq=false'],
      { detached: true, stdio: ['ignore', log, log] },
    );
    dockerd.unref();
    let up = false;
    for (let waited = 0; waited < 20_000 && !up; waited += 100) {
      up = await pingSocket(socket, 1000);
      if (!up) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!up) throw new Error(`The swarm test engine did not answer within 20 s; see ${join(dir, 'dockerd.log')}.`);
  }
  const { stdout: state } = await docker('info', '--format', '{{.Swarm.LocalNodeState}}');
  if (state.trim() !== 'active') {
    // swarm init makes a host-wide bridge called docker_gwbridge unless the engine already has a
    // network of that name: give this engine its own (berth-gN, 172.31.19N.0/24), so two swarm
    // engines on one machine never share or re-address one.
    if (!(await docker('network', 'inspect', 'docker_gwbridge').then(() => true, () => false))) {
      await docker('network', 'create', '--subnet', `172.31.${190 + n}.0/24`, '--opt', `com.docker.network.bridge.name=berth-g${n}`, '--opt', 'com.docker.network.bridge.enable_icc=false', '--opt', 'com.docker.network.bridge.enable_ip_masquerade=false', 'docker_gwbridge');
    }
    await docker('swarm', 'init', '--advertise-addr', '127.0.0.1');
  }
  if (!(await docker('image', 'inspect', images.v2).then(() => true, () => false))) {
    await copyImage(fixtureImage, process.env.DOCKER_HOST ?? '', url);
    for (const tag of [images.v1, images.v2]) {
      await docker('tag', fixtureImage, tag);
      await docker('push', tag);
    }
  }
  return {
    url,
    socket,
    images,
    env,
    async stop() {
      await docker('swarm', 'leave', '--force').catch(() => undefined);
      await stopDockerd(pidfile);
    },
  };
}

/** `docker -H FROM save IMAGE | docker -H TO load`, with argument arrays and no shell. */
function copyImage(image: string, from: string, to: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const save = spawn('docker', ['save', image], { env: { ...process.env, DOCKER_HOST: from }, stdio: ['ignore', 'pipe', 'inherit'] });
    const load = spawn('docker', ['load', '-q'], { env: { ...process.env, DOCKER_HOST: to }, stdio: ['pipe', 'ignore', 'inherit'] });
    save.stdout.pipe(load.stdin);
    save.on('error', reject);
    load.on('error', reject);
    load.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`docker load exited with ${code}`))));
  });
}
