import { procedure, router } from '../trpc.js';

export const engineRoutes = router({
  status: procedure.query(({ ctx }) => ctx.engine.connection.status()),
  info: procedure.query(({ ctx }) => ctx.engine.connection.info()),
  diskUsage: procedure.query(({ ctx }) => ctx.engine.connection.diskUsage()),
  watchStatus: procedure.subscription(async function* ({ ctx, signal }) {
    yield* ctx.engine.connection.watchStatus(signal);
  }),
  watchChanges: procedure.subscription(async function* ({ ctx, signal }) {
    yield* ctx.engine.connection.watchChanges(signal);
  }),
});
