import { initTRPC, type TRPCError } from '@trpc/server';
import { BerthError, type BerthErrorShape } from './errors.js';
import {
  containerActionInput,
  containerRemoveInput,
  containerRenameInput,
} from './schemas.js';
import type { EngineService } from './service.js';

/**
 * The contract: every call and stream between the UI and the engine, with the schema that checks its
 * input. Both shells (Electron IPC, the web host's WebSocket) carry this one router; the renderer
 * imports only its type.
 */
export interface ContractContext {
  engine: EngineService;
}

const t = initTRPC.context<ContractContext>().create({
  isServer: true,
  errorFormatter({ shape, error }) {
    return { ...shape, data: { ...shape.data, berth: toBerthErrorShape(error) } };
  },
});

export function toBerthErrorShape(error: TRPCError): BerthErrorShape {
  const cause = error.cause;
  if (cause instanceof BerthError) return cause.toShape();
  if (error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR') {
    const issues = (cause as { issues?: { message?: string; path?: PropertyKey[] }[] } | undefined)
      ?.issues;
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

const procedure = t.procedure;

export const contractRouter = t.router({
  engine: t.router({
    status: procedure.query(({ ctx }) => ctx.engine.status()),
    info: procedure.query(({ ctx }) => ctx.engine.info()),
    watchStatus: procedure.subscription(async function* ({ ctx, signal }) {
      yield* ctx.engine.watchStatus(signal);
    }),
    watchChanges: procedure.subscription(async function* ({ ctx, signal }) {
      yield* ctx.engine.watchChanges(signal);
    }),
  }),
  containers: t.router({
    list: procedure.query(({ ctx }) => ctx.engine.listContainers()),
    act: procedure
      .input(containerActionInput)
      .mutation(({ ctx, input }) => ctx.engine.actOnContainers(input)),
    rename: procedure
      .input(containerRenameInput)
      .mutation(({ ctx, input }) => ctx.engine.renameContainer(input)),
    remove: procedure
      .input(containerRemoveInput)
      .mutation(({ ctx, input }) => ctx.engine.removeContainers(input)),
  }),
  images: t.router({
    list: procedure.query(({ ctx }) => ctx.engine.listImages()),
  }),
  volumes: t.router({
    list: procedure.query(({ ctx }) => ctx.engine.listVolumes()),
  }),
});

export type ContractRouter = typeof contractRouter;
