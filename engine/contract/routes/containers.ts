import { containerActionInput, containerIdInput, containerRemoveInput, containerRenameInput } from '../schemas.js';
import { procedure, router } from '../trpc.js';

export const containerRoutes = router({
  list: procedure.query(({ ctx }) => ctx.engine.containers.list()),
  act: procedure.input(containerActionInput).mutation(({ ctx, input }) => ctx.engine.containers.act(input)),
  rename: procedure.input(containerRenameInput).mutation(({ ctx, input }) => ctx.engine.containers.rename(input)),
  inspect: procedure.input(containerIdInput).query(({ ctx, input }) => ctx.engine.containers.inspect(input.id)),
  remove: procedure.input(containerRemoveInput).mutation(({ ctx, input }) => ctx.engine.containers.remove(input)),
});
