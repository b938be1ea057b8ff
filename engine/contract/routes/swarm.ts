import { serviceLogsInput, stackDeployInput, stackInput, swarmImageInput, swarmScaleInput, swarmServiceInput } from '../swarm.js';
import { procedure, router } from '../trpc.js';

export const swarmRoutes = router({
  /** Whether the engine is a swarm manager; on one, its services and nodes. */
  overview: procedure.query(({ ctx }) => ctx.engine.swarm.overview()),
  tasks: procedure.input(swarmServiceInput).query(({ ctx, input }) => ctx.engine.swarm.tasks(input.service)),
  scale: procedure.input(swarmScaleInput).mutation(({ ctx, input }) => ctx.engine.swarm.scale(input.service, input.replicas)),
  updateImage: procedure.input(swarmImageInput).mutation(({ ctx, input }) => ctx.engine.swarm.updateImage(input.service, input.image)),
  rollback: procedure.input(swarmServiceInput).mutation(({ ctx, input }) => ctx.engine.swarm.rollback(input.service)),
  remove: procedure.input(swarmServiceInput).mutation(({ ctx, input }) => ctx.engine.swarm.remove(input.service)),
  /** What removing a stack takes away, for the confirmation that names it. */
  stackResources: procedure.input(stackInput).query(({ ctx, input }) => ctx.engine.swarm.stackResources(input.stack)),
  removeStack: procedure.input(stackInput).mutation(({ ctx, input }) => ctx.engine.swarm.removeStack(input.stack)),
  logs: procedure.input(serviceLogsInput).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.engine.swarm.logs(input, signal);
  }),
  /** `docker stack deploy -c FILE NAME` through the docker CLI; its output streamed. */
  deploy: procedure.input(stackDeployInput).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.engine.swarm.deploy(input.file, input.stack, signal);
  }),
});
