import { containerLogsInput } from '../schemas.js';
import { procedure, router } from '../trpc.js';

export const logsRoutes = router({
  follow: procedure.input(containerLogsInput).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.engine.logs.stream(input, signal);
  }),
});
