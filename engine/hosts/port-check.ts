import { createServer, isIP } from 'node:net';
import { BerthError } from '../contract/errors.js';

/**
 * Whether a host port is free, found by trying to listen on it (the only honest test). Meaningful
 * for an engine on this machine; for a remote one Berth cannot know and says so with 'unknown'.
 */
export function hostPortFree(hostIp: string, port: number): Promise<'free' | 'taken'> {
  // Not an address (e.g. "0.251.05.229", leading zero): listen() would look it up as a host name
  // and wait on DNS for seconds. Throws INVALID_INPUT (reason hostAddressNotIp, params address).
  if (isIP(hostIp) === 0) {
    return Promise.reject(
      new BerthError('INVALID_INPUT', `"${hostIp}" is not an IP address of this machine's.`, 'Use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface).', {
        reason: 'hostAddressNotIp',
        params: { address: hostIp },
      }),
    );
  }
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'EADDRINUSE' || e.code === 'EACCES' ? 'taken' : 'free'));
    server.listen({ host: hostIp, port, exclusive: true }, () => server.close(() => resolve('free')));
  });
}
