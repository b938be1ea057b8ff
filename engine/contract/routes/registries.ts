import { registryLoginInput, registryServerInput } from '../schemas.js';
import { procedure, router } from '../trpc.js';

export const registryRoutes = router({
  list: procedure.query(({ ctx }) => ctx.engine.registries.list()),
  login: procedure.meta({ changesLists: 'none' }).input(registryLoginInput).mutation(({ ctx, input }) => ctx.engine.registries.login(input)),
  logout: procedure.meta({ changesLists: 'none' }).input(registryServerInput).mutation(({ ctx, input }) => ctx.engine.registries.logout(input)),
});
