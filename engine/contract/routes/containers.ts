import { containerActionInput, containerRemoveInput, containerRenameInput } from '../schemas.js';
import { procedure, router } from '../trpc.js';

export const containerRoutes = router({
  list: procedure.query(({ ctx }) => ctx.engine.containers.list()),
  act: procedure.input(containerActionInput).mutation(({ ctx, input }) => ctx.engine.containers.act(input)),
  rename: procedure.input(containerRenameInput).mutation(({ ctx, input }) => ctx.engine.containers.rename(input)),
  remove: procedure.input(containerRemoveInput).mutation(({ ctx, input }) => ctx.engine.containers.remove(input)),
});
