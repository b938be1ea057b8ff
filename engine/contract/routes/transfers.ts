import { transferWatchInput } from '../transfer.js';
import { procedure, router } from '../trpc.js';

export const transferRoutes = router({
  watch: procedure.meta({ changesLists: 'none' }).input(transferWatchInput).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.engine.transfers.watch(input.id, signal);
  }),
});
