import { projectActionInput, projectRefInput, projectRemoveInput } from '../schemas.js';
import { procedure, router } from '../trpc.js';

/** Compose projects through the Engine API, by label (engine/docker/projects.ts). */
export const projectRoutes = router({
  act: procedure.meta({ changesLists: ['containers'] }).input(projectActionInput).mutation(({ ctx, input }) => ctx.engine.projects.act(input.project, input.action)),
  resources: procedure.input(projectRefInput).query(({ ctx, input }) => ctx.engine.projects.resources(input.project)),
  remove: procedure.meta({ changesLists: ['containers', 'volumes'] }).input(projectRemoveInput).mutation(({ ctx, input }) => ctx.engine.projects.remove(input.project, input.volumes, input.networks)),
});
