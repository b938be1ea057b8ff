import { procedure, router } from '../trpc.js';

export const volumeRoutes = router({
  list: procedure.query(({ ctx }) => ctx.engine.volumes.list()),
});
