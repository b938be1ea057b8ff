import { z } from 'zod';
import { envLineProblem, envProblemText } from './env.js';
import { mountProblem, mountProblemText } from './mounts.js';
import { parsePortSpec, portProblemText } from './ports.js';
import { imageIdPattern, parseImageReference } from './reference.js';
import { transferId } from './transfer.js';

/**
 * Input schemas for every call. They run where input enters the trusted side (main process, web
 * host) and in the renderer for validate-as-you-type, so each message says what is wrong and what
 * would be right.
 */

// Docker's own rule for names: [a-zA-Z0-9][a-zA-Z0-9_.-]+ (daemon/names/names.go).
const containerNamePattern = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export const containerRef = z
  .string()
  .min(1, 'A container id or name is required.')
  .max(256, 'A container id or name is at most 256 characters.')
  .regex(
    /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,
    'A container is named by its id (hex digits) or its name (letters, digits, "_", "." or "-").',
  );

/** An existing volume by name: the engine's own rule, so a name can never reach another API path. */
export const volumeRef = z
  .string()
  .min(1, 'Name a volume.')
  .max(255, 'A volume name is at most 255 characters.')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'A volume name uses letters, digits, "_", "." or "-", e.g. app-data.');

/** An image by id or name as the engine names it; nothing that could step into another API path. */
export const localImageRef = z
  .string()
  .min(1, 'Name an image.')
  .max(512, 'An image id or name is at most 512 characters.')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/@-]*$/, 'An image is named like nginx:1.27 or by its id (sha256:…).')
  .refine((v) => !v.split('/').includes('..'), 'An image name has no ".." parts.');

/** A network by name or id. */
export const networkRef = z
  .string()
  .min(1, 'Name a network.')
  .max(128, 'A network name is at most 128 characters.')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'A network name uses letters, digits, "_", "." or "-", e.g. app-net.');

export const containerName = z
  .string()
  .trim()
  .min(2, 'A container name has at least 2 characters, e.g. "web-1".')
  .max(128, 'A container name is at most 128 characters.')
  .regex(
    containerNamePattern,
    'A container name starts with a letter or digit and then uses only letters, digits, "_", "." or "-", e.g. "web-1".',
  );

export const containerActions = ['start', 'stop', 'restart', 'pause', 'unpause', 'kill'] as const;
export type ContainerAction = (typeof containerActions)[number];

const containerRefs = z
  .array(containerRef)
  .min(1, 'Select at least one container.')
  .max(1000, 'At most 1,000 containers can be changed at once.');

export const containerActionInput = z.object({
  ids: containerRefs,
  action: z.enum(containerActions, {
    error: `The action must be one of: ${containerActions.join(', ')}.`,
  }),
});

export const containerRenameInput = z.object({
  id: containerRef,
  name: containerName,
});

export const containerRemoveInput = z.object({
  ids: containerRefs,
  /** Also remove the anonymous volumes the containers made (docker rm -v). */
  removeVolumes: z.boolean().default(false),
  /** Remove running containers too (docker rm -f). */
  force: z.boolean().default(false),
});

export const logSinceChoices = ['5m', '1h', 'all'] as const;

/**
 * An exact start for a resumed stream (after an engine restart), as the engine's `since` takes it:
 * Unix seconds and nanoseconds, "1700000000.123456789". Overrides `since` and `tail`.
 */
const engineTime = z.string().regex(/^\d{1,12}\.\d{9}$/, 'A resume time is Unix seconds with nine decimals, e.g. 1700000000.000000000.');

export const containerLogsInput = z.object({
  id: containerRef,
  /** Lines from the end to start with (docker logs --tail). */
  tail: z.number().int('Tail is a whole number of lines.').min(0, 'Tail is 0 lines or more.').max(100_000_000, 'Tail is at most 100,000,000 lines.').default(1000),
  since: z.enum(logSinceChoices, { error: 'Since is one of: 5m, 1h, all.' }).default('all'),
  timestamps: z.boolean().default(false),
  follow: z.boolean().default(true),
  sinceTime: engineTime.optional(),
});
export type ContainerLogsInput = z.output<typeof containerLogsInput>;

export const mergedLogsInput = z.object({
  ids: z.array(containerRef).min(1, 'Pick at least one container.').max(50, 'Merge at most 50 containers at once.'),
  tail: z.number().int().min(0).max(100_000).default(200),
  sinceTime: engineTime.optional(),
});

/** A path inside a volume or container: absolute, no ".." steps, no NUL. */
export const filePath = z
  .string()
  .max(4096, 'A path is at most 4,096 characters.')
  .regex(/^\/[^\0]*$/, 'A path starts with "/", e.g. /data/report.txt.')
  .refine((p) => !p.split('/').includes('..'), 'A path cannot step up with "..".');

export const fileName = z
  .string()
  .min(1, 'A file needs a name.')
  .max(255, 'A file name is at most 255 bytes.')
  .refine((n) => !n.includes('/') && n !== '.' && n !== '..' && !n.includes('\0'), 'A file name has no "/" and is not "." or "..".');

export const volumeFileDeleteInput = z.object({
  volume: volumeRef,
  path: filePath.refine((p) => p !== '/', 'Pick a file or folder inside the volume, not the volume itself.'),
});

export const containerFilesInput = z.object({ id: containerRef, path: filePath.default('/') });

export const volumeFilesInput = z.object({ volume: volumeRef, path: filePath.default('/') });

export const containerIdInput = z.object({ id: containerRef });

export const imageReferenceInput = z.object({
  reference: z.string().superRefine((value, ctx) => {
    const result = parseImageReference(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.problem });
  }),
});

const imageRefs = z
  .array(localImageRef)
  .min(1, 'Select at least one image.')
  .max(1000, 'At most 1,000 images can be removed at once.');

const referenceText = z.string().superRefine((value, ctx) => {
  const result = parseImageReference(value);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.problem });
});

export const imageTagInput = z.object({ source: localImageRef, target: referenceText });

const registryServer = z
  .string()
  .trim()
  .regex(
    /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[a-fA-F0-9:]+\])(?::\d{1,5})?$/,
    'A registry is a host name with an optional port, e.g. docker.io, registry.example.com:5000 or [::1]:5000.',
  );
export const registryLoginInput = z.object({
  server: registryServer,
  username: z.string().min(1, 'Type your user name.').max(256),
  password: z.string().min(1, 'Type your password or access token.').max(4096),
});
export const registryServerInput = z.object({ server: registryServer });

/** A local image by id or any of its names (no pull happens, so the reference grammar is not needed). */
export const localImageInput = z.object({ reference: localImageRef });

export const imageRemoveInput = z.object({ ids: imageRefs, force: z.boolean().default(false) });
export const imagePruneInput = z.object({
  mode: z.enum(['dangling', 'unused'], { error: 'Prune removes "dangling" images or all "unused" ones.' }),
});
/** Prune deletes exactly the images the person saw in the preview, never more. */
export const imagePruneConfirmInput = z.object({ ids: imageRefs });

const portNumber = (what: string) =>
  z.number({ error: `${what} is a number from 1 to 65535.` }).int(`${what} is a whole number.`).min(1, `${what} is at least 1.`).max(65535, `${what} is at most 65535.`);

/** One published port in docker's `-p` syntax (ports.ts); with no host address Berth uses 127.0.0.1. */
export const portSpec = z.string().superRefine((value, ctx) => {
  const result = parsePortSpec(value);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: portProblemText(result), params: { code: result.code, ...result.params } });
});

export const volumeName = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, 'A volume name starts with a letter or digit and uses letters, digits, "_", "." or "-", e.g. app-data.');

/**
 * A named volume or a host folder, and where it appears in the container. Sent as HostConfig.Mounts
 * (not Binds), so a path may hold ":" or ",".
 */
export const mountInput = z
  .object({
    /** A named volume, or an absolute folder on the engine's host. */
    source: z.string(),
    target: z.string(),
    readOnly: z.boolean().default(false),
  })
  .superRefine((mount, ctx) => {
    const problem = mountProblem(mount);
    if (problem) ctx.addIssue({ code: 'custom', message: mountProblemText(problem), params: { code: problem.code, ...problem.params } });
  });

/** One KEY=value for the container's environment, by docker's env-file rules (env.ts). */
export const envLine = z.string().superRefine((value, ctx) => {
  const problem = envLineProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: envProblemText(problem), params: { code: problem.code, ...problem.params } });
});

export const restartPolicies = ['no', 'always', 'unless-stopped', 'on-failure'] as const;

export const containerRunInput = z.object({
  /** A reference, or the ID of an image already on the engine (never pulled). */
  image: z.string().superRefine((value, ctx) => {
    if (imageIdPattern.test(value.trim())) return;
    const result = parseImageReference(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.problem });
  }),
  name: z.union([z.literal(''), containerName]).default(''),
  /** docker -p specs, e.g. 127.0.0.1:8080:80, 8000-8010:8000-8010, [::1]:53:53/udp. */
  ports: z.array(portSpec).max(100, 'At most 100 port mappings.').default([]),
  mounts: z.array(mountInput).max(50, 'At most 50 volumes.').default([]),
  env: z.array(envLine).max(500, 'At most 500 environment variables.').default([]),
  /** Replaces the image's CMD when not empty. */
  command: z.array(z.string().max(4096).refine((word) => !word.includes('\0'), 'A command word cannot hold a NUL character.')).max(200).default([]),
  restart: z.enum(restartPolicies, { error: `Restart is one of: ${restartPolicies.join(', ')}.` }).default('no'),
  autoRemove: z.boolean().default(false),
  network: z.string().max(128).default(''),
});
export type ContainerRunInput = z.output<typeof containerRunInput>;

export const portCheckInput = z.object({
  // zod's own formats rather than a refine: the contract fuzz can generate what they accept.
  hostIp: z.union([z.ipv4(), z.ipv6()], { error: 'An IP address, e.g. 127.0.0.1 or ::1.' }),
  hostPort: portNumber('The host port'),
});

const labelsText = z.record(
  z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9._/-]*$/, 'A label key uses letters, digits, ".", "_", "/" and "-", e.g. com.example.team.'),
  z.string().max(4096),
);

export const volumeCreateInput = z.object({
  name: z.union([z.literal(''), volumeName]).default(''),
  driver: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/, 'A driver name is like local.').default('local'),
  driverOptions: z.record(z.string().min(1), z.string()).default({}),
  labels: labelsText.default({}),
});
export const volumeNamesInput = z.object({
  names: z.array(volumeRef).min(1, 'Select at least one volume.').max(1000),
});

const cidr = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;
export const networkName = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'A network name starts with a letter or digit and uses letters, digits, "_", "." or "-", e.g. app-net.')
  .max(128);
export const networkCreateInput = z.object({
  name: networkName,
  subnet: z.union([z.literal(''), z.string().regex(cidr, 'A subnet is an IPv4 network with a prefix, e.g. 172.28.0.0/16.')]).default(''),
});
export const networkRefInput = z.object({ network: networkRef });
export const networkConnectInput = z.object({ network: networkRef, container: containerRef });

const terminalSize = {
  cols: z.number().int().min(1, 'A terminal is at least 1 column wide.').max(1000, 'A terminal is at most 1,000 columns wide.'),
  rows: z.number().int().min(1, 'A terminal is at least 1 row tall.').max(1000, 'A terminal is at most 1,000 rows tall.'),
};

export const execOpenInput = z.object({ id: containerRef, ...terminalSize });
const sessionId = z.string().uuid('A terminal session is named by the id Berth gave it when it opened.');
export const execSessionInput = z.object({ sessionId });
export const execInputInput = z.object({
  sessionId,
  data: z.string().max(65_536, 'Paste at most 64 KiB at a time into a terminal.'),
});
export const execResizeInput = z.object({ sessionId, ...terminalSize });

export const engineIdInput = z.object({
  id: z.string().regex(/^[0-9a-f]{12}$/, 'An engine is named by the 12-character id Berth gave it; pick one from the Engine view.'),
});

export type ContainerActionInput = z.infer<typeof containerActionInput>;
export type ContainerRenameInput = z.infer<typeof containerRenameInput>;
export type ContainerRemoveInput = z.input<typeof containerRemoveInput>;

/** The first problem with a value, as one sentence, or undefined when it is valid. */
export function firstProblem(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

export const imageBuildInput = z.object({
  context: z.string().regex(/^\//, 'The build folder is an absolute path on the engine’s machine, e.g. /home/me/app.'),
  dockerfile: fileName.default('Dockerfile'),
  tag: z.union([z.literal(''), referenceText]).default(''),
  buildArgs: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'A build argument name uses letters, digits and "_".'), z.string()).default({}),
});
export type ImageBuildInput = z.output<typeof imageBuildInput>;

export const volumeCloneInput = z.object({ source: volumeRef, target: volumeName, transfer: transferId.optional() });

export const vmSettingsInput = z.object({
  cpus: z.number().int('CPUs are a whole number, such as 2.').min(1, 'The VM needs at least 1 CPU.').max(64, 'At most 64 CPUs.'),
  memoryMiB: z.number().int('Memory is a whole number of MiB, such as 2048.').min(512, 'The VM needs at least 512 MiB of memory.').max(262_144, 'At most 262144 MiB (256 GiB).'),
  diskGiB: z.number().int('Disk size is a whole number of GiB, such as 20.').min(4, 'The VM’s disk must be at least 4 GiB.').max(4096, 'At most 4096 GiB.'),
});
