import { composeCliRoutes } from './routes/compose-cli.js';
import { commandLogRoutes } from './routes/command-log.js';
import { containerRoutes } from './routes/containers.js';
import { diagnosticsRoutes } from './routes/diagnostics.js';
import { engineRoutes } from './routes/engine.js';
import { enginesRoutes } from './routes/engines.js';
import { execRoutes } from './routes/exec.js';
import { imageRoutes } from './routes/images.js';
import { logsRoutes } from './routes/logs.js';
import { networkRoutes } from './routes/networks.js';
import { projectRoutes } from './routes/projects.js';
import { registryRoutes } from './routes/registries.js';
import { transferRoutes } from './routes/transfers.js';
import { volumeRoutes } from './routes/volumes.js';
import { swarmRoutes } from './routes/swarm.js';
import { router } from './trpc.js';

/**
 * The contract: every call and stream between the UI and the engine, with the schema that checks its
 * input (one file per area under ./routes). Both shells (Electron IPC, the web host's WebSocket)
 * carry this one router; the renderer imports only its type.
 */
export const contractRouter = router({
  engine: engineRoutes,
  engines: enginesRoutes,
  containers: containerRoutes,
  logs: logsRoutes,
  exec: execRoutes,
  images: imageRoutes,
  volumes: volumeRoutes,
  networks: networkRoutes,
  projects: projectRoutes,
  registries: registryRoutes,
  transfers: transferRoutes,
  composeCli: composeCliRoutes,
  commandLog: commandLogRoutes,
  diagnostics: diagnosticsRoutes,
  swarm: swarmRoutes,
});

export type ContractRouter = typeof contractRouter;
export type { ContractContext } from './trpc.js';
