import {
  imageBuildInput,
  imagePruneConfirmInput,
  imagePruneInput,
  imageReferenceInput,
  imageRemoveInput,
  imageTagInput,
  localImageInput,
} from '../schemas.js';
import { procedure, router } from '../trpc.js';
import { updateCheckInput } from '../updates.js';

export const imageRoutes = router({
  list: procedure.query(({ ctx }) => ctx.engine.images.list()),
  pull: procedure.meta({ changesLists: ['images'] }).input(imageReferenceInput).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.engine.images.pull(input.reference, signal);
  }),
  build: procedure.meta({ changesLists: ['images'] }).input(imageBuildInput).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.engine.images.build(input, signal);
  }),
  detail: procedure.input(localImageInput).query(({ ctx, input }) => ctx.engine.images.detail(input.reference)),
  exposedPorts: procedure.input(localImageInput).query(({ ctx, input }) => ctx.engine.images.exposedPorts(input.reference)),
  tag: procedure.meta({ changesLists: ['images', 'containers'] }).input(imageTagInput).mutation(({ ctx, input }) => ctx.engine.images.tag(input)),
  push: procedure.meta({ changesLists: ['images'] }).input(imageReferenceInput).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.engine.images.push(input.reference, signal);
  }),
  remove: procedure.meta({ changesLists: ['images', 'containers'] }).input(imageRemoveInput).mutation(({ ctx, input }) => ctx.engine.images.remove(input)),
  prunePreview: procedure.input(imagePruneInput).query(({ ctx, input }) => ctx.engine.images.prunePreview(input)),
  checkUpdates: procedure.meta({ changesLists: 'none' }).input(updateCheckInput).mutation(({ ctx, input }) => ctx.engine.images.checkUpdates(input)),
  prune: procedure.meta({ changesLists: ['images'] }).input(imagePruneConfirmInput).mutation(({ ctx, input }) => ctx.engine.images.prune(input)),
});
