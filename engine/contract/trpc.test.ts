import { getErrorShape, TRPCError } from '@trpc/server/unstable-core-do-not-import';
import { describe, expect, it } from 'vitest';
import { BerthError } from './errors.js';
import { contractRouter } from './router.js';

/** The error shape tRPC sends to the window (Electron IPC and the web host alike) for `error`. */
function shapeOf(error: TRPCError) {
  return getErrorShape({ config: contractRouter._def._config, error, type: 'query', path: 'containers.list', input: undefined, ctx: undefined });
}

describe('errors that reach the window', () => {
  it('carry no stack trace, whatever NODE_ENV says', () => {
    const internal = shapeOf(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: new Error('boom at /home/me/berth/engine/x.ts') }));
    const berth = shapeOf(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: new BerthError('NOT_FOUND', 'No such container.') }));
    for (const shape of [internal, berth]) {
      expect(shape.data).not.toHaveProperty('stack');
      expect(JSON.stringify(shape)).not.toMatch(/\n\s+at /);
    }
    expect(berth.data).toMatchObject({ berth: { code: 'NOT_FOUND', message: 'No such container.' } });
  });
});
