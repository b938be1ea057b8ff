import { networkConnectInput, networkCreateInput, networkRefInput } from '../schemas.js';
import { procedure, router } from '../trpc.js';

export const networkRoutes = router({
  list: procedure.query(({ ctx }) => ctx.engine.networks.list()),
  create: procedure.meta({ changesLists: 'none' }).input(networkCreateInput).mutation(({ ctx, input }) => ctx.engine.networks.create(input)),
  remove: procedure.meta({ changesLists: ['containers'] }).input(networkRefInput).mutation(({ ctx, input }) => ctx.engine.networks.remove(input.network)),
  connect: procedure.meta({ changesLists: ['containers'] }).input(networkConnectInput).mutation(({ ctx, input }) => ctx.engine.networks.connect(input.network, input.container)),
  disconnect: procedure.meta({ changesLists: ['containers'] })
    .input(networkConnectInput)
    .mutation(({ ctx, input }) => ctx.engine.networks.disconnect(input.network, input.container)),
});
