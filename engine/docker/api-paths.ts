import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';

type Dial = (options: { path?: string }, callback: (error: unknown, data?: unknown) => void) => unknown;

/**
 * Refuses, before anything is sent, an Engine API path with an empty or dot segment: a name such as
 * "/web" or "a//b" lands in `/containers//web/json`. dockerd answers such a path with a 301
 * redirect, and docker-modem then requests a host named after the path's first segment
 * ("containers") and emits that failure outside any promise, an unhandled 'error' event that ends
 * the process. The callback gets INVALID_INPUT (reason nameNotSendable, params name) instead.
 */
export function refuseUnsafeApiPaths(docker: Docker): Docker {
  const modem = docker.modem as unknown as { dial: Dial };
  const dial = modem.dial.bind(modem);
  modem.dial = (options, callback) => {
    const segments = (options.path ?? '').split('?')[0]!.split('/').slice(1);
    const bad = segments.findIndex((s) => s === '' || s === '.' || s === '..');
    if (bad === -1) return dial(options, callback);
    // The name is what sits between the area ("containers") and the action ("json"), as the person typed it.
    const name = segments.slice(1, -1).join('/') || segments.join('/');
    callback(
      new BerthError('INVALID_INPUT', `"${name}" cannot be sent to the engine: a name has no empty or "." parts (such as "//", "/./" or a leading "/").`, undefined, {
        reason: 'nameNotSendable',
        params: { name },
      }),
    );
    return undefined;
  };
  return docker;
}
