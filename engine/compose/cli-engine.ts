import { constants } from 'node:fs';
import { access, chmod, copyFile, symlink } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { basename, dirname, join } from 'node:path';
import type { Duplex } from 'node:stream';
import { BerthError } from '../contract/errors.js';
import type { EngineTls } from '../contract/types.js';
import { certFolder, parseEngineUrl } from '../docker/client.js';
import { logFor } from '../shared/log.js';
import { makeEngineFolder } from './engine-folders.js';

const log = logFor('compose');

/** The engine Berth is connected to, as a docker CLI child (Compose, `docker stack deploy`) must reach it. */
export interface CliEngine {
  /** The engine's address as Berth holds it: unix://, tcp://, ssh://. */
  url: string;
  /** A tcp:// engine's PEM files (a saved engine's or a docker context's). */
  tls?: EngineTls;
  /** An ssh:// engine's one SSH connection (its keys and host-key trust are Berth's). */
  sshTunnel?: { openChannel(): Promise<Duplex> };
}

/**
 * The docker CLI's engine variables for one run: a value sets it, `undefined` removes it from the
 * child's environment (so a DOCKER_TLS_VERIFY of Berth's own never reaches a socket or SSH engine).
 */
export type CliEngineVars = Record<'DOCKER_HOST', string> &
  Partial<Record<'DOCKER_TLS_VERIFY' | 'DOCKER_CERT_PATH' | 'DOCKER_TLS' | 'REQUESTS_CA_BUNDLE' | 'CURL_CA_BUNDLE', string | undefined>>;

/** What a run holds while a CLI child uses the engine; `release` undoes it (idempotent). */
export interface CliEngineLease {
  vars: CliEngineVars;
  release(): Promise<void>;
}

/** The names the docker CLI (and docker-py, Compose v1's client) reads in DOCKER_CERT_PATH. */
const pemNames = { ca: 'ca.pem', cert: 'cert.pem', key: 'key.pem' } as const;

/**
 * Gives a docker CLI child the engine Berth is connected to, with Berth's own way in:
 * - unix:// (a VM's forwarded socket included): DOCKER_HOST alone, TLS variables removed.
 * - tcp:// with TLS material: DOCKER_TLS_VERIFY=1 (DOCKER_TLS=1 for a context's SkipTLSVerify) and
 *   DOCKER_CERT_PATH = the files' own folder when they already carry the CLI's names (a docker
 *   context's `tls/<hash>/docker/`), else a private temp folder (0700, ./engine-folders.ts: one a
 *   Berth that died mid-run left is removed at the next start)
 *   holding symbolic links under those names to the files (copies, 0600, on Windows), removed by `release`.
 * - tcp:// without material: DOCKER_HOST, and Berth's own DOCKER_TLS_VERIFY/DOCKER_CERT_PATH pass
 *   through (they are what Berth itself connected with; client.ts#dockerOptionsFor). On port 2376
 *   Berth speaks TLS even without DOCKER_TLS_VERIFY, so the child is told to as well, with the same
 *   folder (`env`: Berth's environment).
 * - ssh:// with Berth's tunnel: a unix socket in a private temp folder whose every connection is a
 *   channel of that tunnel (so the child uses Berth's SSH connection, keys and host-key trust, and
 *   needs no `docker` on the remote's PATH); `release` closes it and removes the folder.
 * - ssh:// without a tunnel (or on Windows): DOCKER_HOST as it is (the CLI's own ssh).
 * Only paths ever travel in `vars`; key material is never copied (but on Windows) nor logged. Throws BerthError engineTlsFiles ({ path }) when a TLS file cannot be read.
 */
export async function leaseCliEngine(engine: CliEngine, env: NodeJS.ProcessEnv = process.env): Promise<CliEngineLease> {
  const noTls = { DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined, DOCKER_TLS: undefined };
  const parsed = parseEngineUrl(engine.url);
  // Windows has no unix sockets for Node's server (libuv binds named pipes only): there the CLI keeps its own ssh.
  if (parsed.kind === 'ssh' && engine.sshTunnel && process.platform !== 'win32') return forwardSocket(engine.sshTunnel);
  if (parsed.kind === 'tcp' && engine.tls && hasMaterial(engine.tls)) return tlsFolder(engine.url, engine.tls);
  if (parsed.kind === 'tcp') {
    const tlsByPort = parsed.port === 2376 && env.DOCKER_TLS_VERIFY !== '1';
    const vars = tlsByPort ? { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certFolder(env) } : {};
    return { vars: { DOCKER_HOST: engine.url, ...vars }, release: async () => undefined };
  }
  return { vars: { DOCKER_HOST: engine.url, ...noTls }, release: async () => undefined };
}

function hasMaterial(tls: EngineTls): boolean {
  return Boolean(tls.ca || tls.cert || tls.key || tls.skipVerify);
}

async function tlsFolder(url: string, tls: EngineTls): Promise<CliEngineLease> {
  // Compose v1 is docker-py on python-requests, where REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE replace the
  // CA docker-py sets on its session (psf/requests#3829): with either set (as many machines do, this
  // one included) v1 checks the engine against the system's roots and fails. They mean nothing to
  // the Go docker CLI or Compose v2, so they are dropped for the run.
  const mode = tls.skipVerify
    ? { DOCKER_TLS: '1', DOCKER_TLS_VERIFY: undefined }
    : { DOCKER_TLS_VERIFY: '1', DOCKER_TLS: undefined, REQUESTS_CA_BUNDLE: undefined, CURL_CA_BUNDLE: undefined };
  const given = (Object.keys(pemNames) as (keyof typeof pemNames)[]).filter((k) => tls[k]);
  // SkipTLSVerify with no files: encryption alone; a DOCKER_CERT_PATH naming nothing would make v1 look for a client certificate.
  if (given.length === 0) return { vars: { DOCKER_HOST: url, ...mode, DOCKER_CERT_PATH: undefined }, release: async () => undefined };
  const folders = new Set(given.map((k) => dirname(tls[k]!)));
  // A docker context's folder already is what DOCKER_CERT_PATH means: nothing to copy.
  if (folders.size === 1 && given.every((k) => basename(tls[k]!) === pemNames[k])) {
    return { vars: { DOCKER_HOST: url, ...mode, DOCKER_CERT_PATH: [...folders][0]! }, release: async () => undefined };
  }
  const { folder, release } = await makeEngineFolder('tls');
  try {
    for (const k of given) {
      const target = join(folder, pemNames[k]);
      await access(tls[k]!, constants.R_OK).catch((e: unknown) => {
        throw new BerthError('INVALID_INPUT', `Berth cannot read the TLS file ${tls[k]}.`, 'Check the path to the CA, certificate and key.', {
          reason: 'engineTlsFiles',
          params: { path: tls[k]! },
          engineText: (e as Error).message,
        });
      });
      // Links, not copies: no second copy of a private key exists, not even after a crash.
      // Windows lets only some accounts make symbolic links: there a copy, 0600, in the private folder.
      if (process.platform === 'win32') {
        await copyFile(tls[k]!, target);
        await chmod(target, 0o600);
      } else {
        await symlink(tls[k]!, target);
      }
    }
  } catch (e) {
    await release();
    throw e;
  }
  return { vars: { DOCKER_HOST: url, ...mode, DOCKER_CERT_PATH: folder }, release };
}

async function forwardSocket(tunnel: NonNullable<CliEngine['sshTunnel']>): Promise<CliEngineLease> {
  const { folder, release: removeFolder } = await makeEngineFolder('ssh');
  const path = join(folder, 'docker.sock');
  const open = new Set<Socket | Duplex>();
  const server: Server = createServer((local) => {
    open.add(local);
    local.once('close', () => open.delete(local));
    local.on('error', () => local.destroy());
    // Bytes the client sends before the channel opens wait in the paused socket.
    local.pause();
    tunnel.openChannel().then(
      (channel) => {
        if (local.destroyed) return void channel.destroy();
        open.add(channel);
        channel.once('close', () => open.delete(channel));
        channel.on('error', () => local.destroy());
        local.on('close', () => channel.destroy());
        channel.once('end', () => local.end());
        local.pipe(channel);
        channel.pipe(local);
        local.resume();
      },
      // The tunnel refused (host key changed, link down): the client sees a closed connection and says so.
      () => local.destroy(),
    );
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => {
        server.off('error', reject);
        // Later failures (accept hitting EMFILE while Compose opens many connections) are logged;
        // an 'error' with no listener would end the whole process.
        server.on('error', (error) => log.caught('serving the forwarded engine socket to Compose', error));
        resolve();
      });
    });
  } catch (e) {
    await removeFolder();
    throw e;
  }
  return {
    vars: { DOCKER_HOST: `unix://${path}`, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined, DOCKER_TLS: undefined },
    release: once(async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const stream of open) stream.destroy();
      await closed;
      await removeFolder();
    }),
  };
}

function once(run: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= run());
}
