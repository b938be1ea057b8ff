import { serviceLogsInput, stackDeployInput, stackInput, swarmImageInput, swarmScaleInput, swarmServiceInput } from '../swarm.js';
import { procedure, router } from '../trpc.js';

/**
 * A change to services or stacks reaches this engine's containers and volumes only later, as the
 * swarm starts and stops tasks, each with its own engine event: nothing kept (trpc.ts
 * `changesLists`) differs when the answer or a line of output leaves, and forgetting there would
 * only make the next page load wait on the engine.
 */
const swarmChange = procedure.meta({ changesLists: 'none' });

export const swarmRoutes = router({
  /** Whether the engine is a swarm manager; on one, its services and nodes. */
  overview: procedure.query(({ ctx }) => ctx.engine.swarm.overview()),
  tasks: procedure.input(swarmServiceInput).query(({ ctx, input }) => ctx.engine.swarm.tasks(input.service)),
  scale: swarmChange.input(swarmScaleInput).mutation(({ ctx, input }) => ctx.engine.swarm.scale(input.service, input.replicas)),
  updateImage: swarmChange.input(swarmImageInput).mutation(({ ctx, input }) => ctx.engine.swarm.updateImage(input.service, input.image)),
  rollback: swarmChange.input(swarmServiceInput).mutation(({ ctx, input }) => ctx.engine.swarm.rollback(input.service)),
  remove: swarmChange.input(swarmServiceInput).mutation(({ ctx, input }) => ctx.engine.swarm.remove(input.service)),
  /** What removing a stack takes away, for the confirmation that names it. */
  stackResources: procedure.input(stackInput).query(({ ctx, input }) => ctx.engine.swarm.stackResources(input.stack)),
  removeStack: swarmChange.input(stackInput).mutation(({ ctx, input }) => ctx.engine.swarm.removeStack(input.stack)),
  logs: procedure.meta({ changesLists: 'none' }).input(serviceLogsInput).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.engine.swarm.logs(input, signal);
  }),
  /** `docker stack deploy -c FILE NAME` through the docker CLI; its output streamed. */
  deploy: swarmChange.input(stackDeployInput).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.engine.swarm.deploy(input.file, input.stack, signal);
  }),
});
