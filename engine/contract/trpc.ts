import { initTRPC, type TRPCError } from '@trpc/server';
import { BerthError, type BerthErrorShape } from './errors.js';
import type { EngineApi, EnginesApi } from './service.js';

/** What every contract handler receives: the engine it works on, and the engines it could switch to. */
export interface ContractContext {
  engine: EngineApi;
  engines: EnginesApi;
}

const t = initTRPC.context<ContractContext>().create({
  isServer: true,
  // tRPC adds the stack trace to every error it sends unless NODE_ENV is "production", which
  // neither Electron's main process nor the web host sets: never send one to the window.
  isDev: false,
  errorFormatter({ shape, error }) {
    const { stack: _stack, ...data } = shape.data as typeof shape.data & { stack?: string };
    return { ...shape, data: { ...data, berth: toBerthErrorShape(error) } };
  },
});

export const router = t.router;
export const procedure = t.procedure;

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
