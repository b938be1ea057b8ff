import { volumeCloneInput, volumeCreateInput, volumeFileDeleteInput, volumeFilesInput, volumeNamesInput } from '../schemas.js';
import { procedure, router } from '../trpc.js';

export const volumeRoutes = router({
  list: procedure.query(({ ctx }) => ctx.engine.volumes.list()),
  sizes: procedure.query(({ ctx }) => ctx.engine.volumes.sizes()),
  create: procedure.meta({ changesLists: ['volumes'] }).input(volumeCreateInput).mutation(({ ctx, input }) => ctx.engine.volumes.create(input)),
  remove: procedure.meta({ changesLists: ['volumes'] }).input(volumeNamesInput).mutation(({ ctx, input }) => ctx.engine.volumes.remove(input)),
  prunePreview: procedure.query(({ ctx }) => ctx.engine.volumes.prunePreview()),
  files: procedure.input(volumeFilesInput).query(({ ctx, input }) => ctx.engine.volumes.files(input.volume, input.path)),
  clone: procedure.meta({ changesLists: ['volumes'] })
    .input(volumeCloneInput)
    .mutation(({ ctx, input }) => ctx.engine.transfers.track(input.transfer, (progress) => ctx.engine.volumes.clone(input.source, input.target, progress))),
  deleteFile: procedure.meta({ changesLists: 'none' }).input(volumeFileDeleteInput).mutation(({ ctx, input }) => ctx.engine.volumes.deleteFile(input.volume, input.path)),
  prune: procedure.meta({ changesLists: ['volumes'] }).input(volumeNamesInput).mutation(({ ctx, input }) => ctx.engine.volumes.prune(input)),
});
