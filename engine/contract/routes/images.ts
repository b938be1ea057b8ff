import { procedure, router } from '../trpc.js';

export const imageRoutes = router({
  list: procedure.query(({ ctx }) => ctx.engine.images.list()),
});
