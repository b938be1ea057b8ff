import {
  containerActionInput,
  containerFilesInput,
  containerIdInput,
  containerRemoveInput,
  containerRenameInput,
  containerRunInput,
  containerUsageInput,
  portCheckInput,
  containerCommitInput,
} from '../schemas.js';
import { procedure, router } from '../trpc.js';
import { containerEditInput, portHolderInput } from '../edit.js';

export const containerRoutes = router({
  list: procedure.query(({ ctx }) => ctx.engine.containers.list()),
  act: procedure.meta({ changesLists: ['containers'] }).input(containerActionInput).mutation(({ ctx, input }) => ctx.engine.containers.act(input)),
  rename: procedure.meta({ changesLists: ['containers'] }).input(containerRenameInput).mutation(({ ctx, input }) => ctx.engine.containers.rename(input)),
  /** docker commit: a new image from the container; its id. */
  commit: procedure.meta({ changesLists: ['images'] }).input(containerCommitInput).mutation(({ ctx, input }) => ctx.engine.containers.commit(input)),
  run: procedure.meta({ changesLists: ['containers', 'volumes'] }).input(containerRunInput).mutation(({ ctx, input }) => ctx.engine.containers.run(input)),
  hostPortFree: procedure.input(portCheckInput).query(({ ctx, input }) => ctx.engine.containers.hostPortFree(input.hostIp, input.hostPort)),
  files: procedure.input(containerFilesInput).query(({ ctx, input }) => ctx.engine.containers.files(input.id, input.path)),
  inspect: procedure.input(containerIdInput).query(({ ctx, input }) => ctx.engine.containers.inspect(input.id)),
  stats: procedure.meta({ changesLists: 'none' }).input(containerIdInput).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.engine.stats.stream(input.id, signal);
  }),
  usage: procedure.meta({ changesLists: 'none' }).input(containerUsageInput).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.engine.stats.usage(input.ids, signal);
  }),
  editable: procedure.input(containerIdInput).query(({ ctx, input }) => ctx.engine.containers.editable(input.id)),
  edit: procedure.meta({ changesLists: ['containers', 'volumes'] }).input(containerEditInput).mutation(({ ctx, input }) => ctx.engine.containers.edit(input)),
  hostPortHolder: procedure.input(portHolderInput).query(({ ctx, input }) => ctx.engine.containers.hostPortHolder(input)),
  remove: procedure.meta({ changesLists: ['containers', 'volumes'] }).input(containerRemoveInput).mutation(({ ctx, input }) => ctx.engine.containers.remove(input)),
});
