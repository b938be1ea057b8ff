import { chmod, rm } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
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

/** Serves `issue()`'s address to each connection; resolves once listening. */
export async function serveLoginChannel(runtimeDir: string, issue: () => string): Promise<Server> {
  const path = loginSocketPath(runtimeDir);
  const folder = dirname(path);
  // The runtime folder may be `/tmp/berth-<uid>`, which anyone could have made first: both it and
  // the login folder must be this user's own, real folders nobody else may write (or someone could
  // swap `web` for a folder with their own socket, or a symlink chmod would follow).
  await ensurePrivateDir(runtimeDir);
  await ensurePrivateDir(folder);
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
