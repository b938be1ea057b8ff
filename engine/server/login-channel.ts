import { chmod, lstat, mkdir, rm, stat } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';

/**
 * A local-only way to ask a running web host for a fresh one-time login address: a Unix socket in
 * a folder of its own under Berth's runtime directory (the folder 0700, the socket 0600), so only
 * the person's own user can connect, from the moment it listens. Each connection is answered with one new address and closed. The e2e suite uses it to
 * log in once per journey; a person can use it after the printed address was spent
 * (`nc -U <runtime>/web/login.sock`, or press Enter in the terminal running `npm run web`).
 */

export function loginSocketPath(runtimeDir: string): string {
  return join(runtimeDir, 'web', 'login.sock');
}

/** Serves `issue()`'s address to each connection; resolves once listening. */
export async function serveLoginChannel(runtimeDir: string, issue: () => string): Promise<Server> {
  const path = loginSocketPath(runtimeDir);
  const folder = dirname(path);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await checkOwnFolders(folder);
  // mkdir's mode does not touch a folder that already exists.
  await chmod(folder, 0o700);
  // A socket file left by a Berth that was killed would make listen fail with EADDRINUSE.
  await rm(path, { force: true });
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end(`${issue()}\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  await chmod(path, 0o600);
  return server;
}

/**
 * The runtime folder may be `/tmp/berth-<uid>`, which anyone could have made first. The login
 * folder must therefore be a real folder (not a symlink, which chmod would follow into someone's
 * folder) owned by this user, inside a folder of this user's (or root's) that not everyone may
 * write (or they could swap `web` for a folder with their own socket later; a sticky folder like
 * /tmp stops that). Throws an Error saying which, so the caller can say why there is no channel.
 */
async function checkOwnFolders(folder: string): Promise<void> {
  const uid = process.getuid?.();
  const own = await lstat(folder);
  if (!own.isDirectory() || (uid !== undefined && own.uid !== uid)) throw new Error(`${folder} is not a folder of Berth's own (a symlink, or made by another user)`);
  // World-writable only: with a umask of 002 a person's own folders are writable by their private group.
  const parent = await stat(dirname(folder));
  if ((uid !== undefined && parent.uid !== uid && parent.uid !== 0) || ((parent.mode & 0o002) !== 0 && (parent.mode & 0o1000) === 0)) {
    throw new Error(`others can write ${dirname(folder)} (or it is not Berth's own); set BERTH_RUNTIME_DIR or XDG_RUNTIME_DIR to a private folder`);
  }
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
