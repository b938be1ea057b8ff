import { z } from 'zod';
import { commandLine } from './cli.js';
import { composeProjectName } from './compose-cli.js';
import { problem } from './input-problems.js';
import { engineTime, imageReferenceInput } from './schemas.js';

/**
 * Swarm's contract inputs and the `docker` commands its actions equal. Pure, so the renderer shows
 * the same command the trusted side acts out.
 */

/** The label `docker stack deploy` puts on every service, network, config and secret of a stack. */
export const stackNamespaceLabel = 'com.docker.stack.namespace';

/**
 * A service by id or name. Swarmkit's name rule (`^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$`, at most 63)
 * is stricter; ids are 25 lowercase base-36 characters. Never a leading "-" (the CLI would read an option).
 */
export const swarmServiceRef = z.string().min(1).max(128).regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/);
/** A stack name as `docker stack deploy` makes it, here held to Compose's project rule (the same file deploys both). */
export const stackName = composeProjectName;
/** An absolute path to a compose file on the engine's machine. */
const stackFilePath = z
  .string()
  .max(4096, problem('pathTooLong'))
  .regex(/^\/[^\0]*$/, problem('composeFilePath'))
  .refine((p) => !p.split('/').includes('..'), problem('pathDotDot'));

export const swarmServiceInput = z.object({ service: swarmServiceRef });
export const swarmScaleInput = z.object({ service: swarmServiceRef, replicas: z.number().int().min(0).max(1000) });
export const swarmImageInput = z.object({ service: swarmServiceRef, image: imageReferenceInput.shape.reference });
export const stackInput = z.object({ stack: stackName });
export const stackDeployInput = z.object({ stack: stackName, file: stackFilePath });
export const serviceLogsInput = z.object({
  service: swarmServiceRef,
  tail: z.number().int().min(0).max(100_000).default(1000),
  follow: z.boolean().default(true),
  timestamps: z.boolean().default(false),
  /** Where a stream cut by an engine restart resumes (the time its last lines came); overrides `tail`. */
  sinceTime: engineTime.optional(),
});
export type ServiceLogsInput = z.output<typeof serviceLogsInput>;

export const swarmCommands = {
  /** `docker service scale web=3` */
  scale: (service: string, replicas: number) => commandLine(['service', 'scale', `${service}=${replicas}`]),
  /** `docker service update --image nginx:1.27 web` */
  updateImage: (service: string, image: string) => commandLine(['service', 'update', '--image', image, service]),
  rollback: (service: string) => commandLine(['service', 'rollback', service]),
  remove: (service: string) => commandLine(['service', 'rm', service]),
  logs: (service: string, tail: number) => commandLine(['service', 'logs', '--follow', '--tail', String(tail), service]),
  tasks: (service: string) => commandLine(['service', 'ps', service]),
  list: () => commandLine(['service', 'ls']),
  nodes: () => commandLine(['node', 'ls']),
  stackRemove: (stack: string) => commandLine(['stack', 'rm', stack]),
  init: () => commandLine(['swarm', 'init']),
};

/** The argument array `docker stack deploy` runs with (the file is read by the CLI, on this machine). */
export function stackDeployArgs(file: string, stack: string): string[] {
  return ['stack', 'deploy', '-c', file, stack];
}
export const stackDeployCommand = (file: string, stack: string) => commandLine(stackDeployArgs(file, stack));
