import { procedure, router } from '../trpc.js';

export const engineRoutes = router({
  status: procedure.query(({ ctx }) => ctx.engine.connection.status()),
  info: procedure.query(({ ctx }) => ctx.engine.connection.info()),
  diskUsage: procedure.query(({ ctx }) => ctx.engine.connection.diskUsage()),
  watchStatus: procedure.meta({ changesLists: 'none' }).subscription(async function* ({ ctx, signal }) {
    yield* ctx.engine.connection.watchStatus(signal);
  }),
  watchChanges: procedure.meta({ changesLists: 'none' }).subscription(async function* ({ ctx, signal }) {
    yield* ctx.engine.connection.watchChanges(signal);
  }),
  /** Containers that crashed, looped or turned unhealthy without a person asking: the recent ones, then each new one. */
  watchAlerts: procedure.meta({ changesLists: 'none' }).subscription(async function* ({ ctx, signal }) {
    yield* ctx.engine.connection.watchAlerts(signal);
  }),
});
