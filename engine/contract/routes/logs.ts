import { containerLogsInput, mergedLogsInput } from '../schemas.js';
import { procedure, router } from '../trpc.js';

export const logsRoutes = router({
  merged: procedure.meta({ changesLists: 'none' }).input(mergedLogsInput).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.engine.logs.merged(input.ids, input.tail, signal, input.sinceTime);
  }),
  follow: procedure.meta({ changesLists: 'none' }).input(containerLogsInput).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.engine.logs.stream(input, signal);
  }),
});
