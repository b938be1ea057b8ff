import { createServer } from 'node:net';

/**
 * Whether a host port is free, found by trying to listen on it (the only honest test). Meaningful
 * for an engine on this machine; for a remote one Berth cannot know and says so with 'unknown'.
 */
export function hostPortFree(hostIp: string, port: number): Promise<'free' | 'taken'> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'EADDRINUSE' || e.code === 'EACCES' ? 'taken' : 'free'));
    server.listen({ host: hostIp, port, exclusive: true }, () => server.close(() => resolve('free')));
  });
}
