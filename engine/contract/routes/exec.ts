import { execInputInput, execOpenInput, execResizeInput, execSessionInput } from '../schemas.js';
import { procedure, router } from '../trpc.js';

/** Interactive shells: open one, read its output, type into it, resize it, close it. */
export const execRoutes = router({
  open: procedure.meta({ changesLists: 'none' }).input(execOpenInput).mutation(({ ctx, input }) => ctx.engine.exec.open(input.id, input)),
  output: procedure.meta({ changesLists: 'none' }).input(execSessionInput).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.engine.exec.output(input.sessionId, signal);
  }),
  input: procedure.meta({ changesLists: 'none' }).input(execInputInput).mutation(({ ctx, input }) => ctx.engine.exec.input(input.sessionId, input.data)),
  resize: procedure.meta({ changesLists: 'none' }).input(execResizeInput).mutation(({ ctx, input }) => ctx.engine.exec.resize(input.sessionId, input)),
  close: procedure.meta({ changesLists: 'none' }).input(execSessionInput).mutation(({ ctx, input }) => ctx.engine.exec.close(input.sessionId)),
});
