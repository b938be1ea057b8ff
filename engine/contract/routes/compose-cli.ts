import { composeProjectInput, composeRunInput, composeServicesInput } from '../compose-cli.js';
import { procedure, router } from '../trpc.js';

export const composeCliRoutes = router({
  /** Which Compose runs the actions (`docker compose` or `docker-compose`), or how to install one. */
  tool: procedure.query(({ ctx }) => ctx.engine.composeCli.tool()),
  /** A project's files, folder and services, read from its containers' labels. */
  project: procedure.input(composeProjectInput).query(({ ctx, input }) => ctx.engine.composeCli.project(input.name)),
  services: procedure.input(composeServicesInput).query(({ ctx, input, signal }) => ctx.engine.composeCli.services(input.source, signal)),
  /** Runs Compose (up, down, pull, recreate, per-service restart/recreate) and streams its output. */
  run: procedure.meta({ changesLists: 'all' }).input(composeRunInput).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.engine.composeCli.run(input, signal);
  }),
});
