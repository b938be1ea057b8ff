import { chmod, rm } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { ensurePrivateDir } from '../hosts/private-dir.js';

/**
 * A local-only way to ask a running web host for a fresh one-time login address: a Unix socket in
 * a folder of its own under Berth's runtime directory (the folder 0700, the socket 0600), so only
 * the person's own user can connect, from the moment it listens. Each connection is answered with one new address and closed. The e2e suite uses it to
 * log in once per journey; a person can use it after the printed address was spent
 * (`npm run web:address`, ./login-address.ts; or press Enter in the terminal running `npm run web`).
 */

export function loginSocketPath(runtimeDir: string): string {
  return join(runtimeDir, 'web', 'login.sock');
}

/**
 * The login socket already answers: another web host with this runtime directory (two root hosts
 * share /run/berth) holds the channel. `path` is the socket; `npm run web:address` reaches that host.
 */
export class LoginChannelTaken extends Error {
  readonly code = 'LOGIN_CHANNEL_TAKEN';
  constructor(readonly path: string) {
    super(`another Berth web host answers logins on ${path}`);
    this.name = 'LoginChannelTaken';
  }
}

/**
 * Serves `issue()`'s address to each connection; resolves once listening. The channel is the first
 * host's: when the socket answers, rejects with LoginChannelTaken and leaves it alone (taking it
 * over would hand the other host's logins out as this one's, and its stop would remove this one's
 * socket); a socket file nothing answers on (a killed Berth's) is replaced. Rejects with
 * ensurePrivateDir's error for an unsafe folder, else with listen's.
 */
export async function serveLoginChannel(runtimeDir: string, issue: () => string): Promise<Server> {
  const path = loginSocketPath(runtimeDir);
  const folder = dirname(path);
  // The runtime folder may be `/tmp/berth-<uid>`, which anyone could have made first: both it and
  // the login folder must be this user's own, real folders nobody else may write (or someone could
  // swap `web` for a folder with their own socket, or a symlink chmod would follow).
  await ensurePrivateDir(runtimeDir);
  await ensurePrivateDir(folder);
  const serve = () =>
    listenOn(path, (socket) => {
      socket.on('error', () => undefined);
      socket.end(`${issue()}\n`);
    });
  let server: Server;
  try {
    server = await serve();
  } catch (e) {
    // bind() refuses any existing path: a live host's socket, or a file a killed Berth left.
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    if (await answers(path)) throw new LoginChannelTaken(path);
    await rm(path, { force: true });
    server = await serve();
  }
  try {
    await chmod(path, 0o600);
  } catch (e) {
    server.close(); // a channel that could not be made private is not left answering
    throw e;
  }
  return server;
}

function listenOn(path: string, onConnection: (socket: Socket) => void): Promise<Server> {
  const server = createServer(onConnection);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * Whether something accepts connections on the socket at `path` (at most 2 s; no answer by then
 * counts as taken). Only a refusal (a socket file nothing listens on) or a missing file is "nobody":
 * any other failure (a full backlog, a permission) may be a live host's, so it counts as taken.
 */
function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(true), 2000);
    socket.once('connect', () => done(true));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code !== 'ECONNREFUSED' && error.code !== 'ENOENT'));
  });
}

/** Asks the web host whose runtime directory is `runtimeDir` for a fresh login address. */
export function askLoginAddress(runtimeDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(loginSocketPath(runtimeDir));
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString()));
    socket.on('end', () => (text.trim() ? resolve(text.trim()) : reject(new Error('the web host sent no address'))));
    socket.on('error', reject);
  });
}
