import { procedure, router } from '../trpc.js';

export const commandLogRoutes = router({
  /** Every kept entry, then each new one (command-log.ts#CommandLog.watch); nothing where no log is kept. */
  watch: procedure.meta({ changesLists: 'none' }).subscription(async function* ({ ctx, signal }) {
    if (ctx.commandLog) yield* ctx.commandLog.watch(signal);
  }),
});
