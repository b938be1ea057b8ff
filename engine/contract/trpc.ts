import { initTRPC, type TRPCError } from '@trpc/server';
import { paced, type Outbox } from '../shared/outbox.js';
import { BerthError, type BerthErrorShape } from './errors.js';
import type { EngineApi, EnginesApi } from './service.js';

/** What every contract handler receives: the engine it works on, and the engines it could switch to. */
export interface ContractContext {
  engine: EngineApi;
  engines: EnginesApi;
  /** The page's send buffer, where there is one to watch (the web host's WebSocket). */
  outbox?: Outbox;
}

const t = initTRPC.context<ContractContext>().create({
  isServer: true,
  errorFormatter({ shape, error }) {
    return { ...shape, data: { ...shape.data, berth: toBerthErrorShape(error) } };
  },
});

/** Every subscription yields at the page's pace where the page's send buffer can be watched. */
const pacedSubscriptions = t.middleware(async ({ ctx, type, signal, next }) => {
  const result = await next();
  if (type !== 'subscription' || !result.ok || !ctx.outbox) return result;
  return { ...result, data: paced(result.data as AsyncIterable<unknown>, ctx.outbox, signal) };
});

export const router = t.router;
export const procedure = t.procedure.use(pacedSubscriptions);

export function toBerthErrorShape(error: TRPCError): BerthErrorShape {
  const cause = error.cause;
  if (cause instanceof BerthError) return cause.toShape();
  if (error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR') {
    const issues = (cause as { issues?: { message?: string }[] } | undefined)?.issues;
    const first = issues?.[0];
    if (first?.message) return { code: 'INVALID_INPUT', message: first.message };
    return { code: 'INVALID_INPUT', message: error.message };
  }
  // Never leak stack traces or internals: a short message and a way forward.
  return {
    code: 'INTERNAL',
    message: error.message || 'Something went wrong inside Berth.',
    hint: 'Try again; if it keeps happening, the engine log may say more.',
  };
}
