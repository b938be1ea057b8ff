import { z } from 'zod';
import { envLineProblem, envProblemText } from './env.js';
import { mountProblem, mountProblemText } from './mounts.js';
import { parsePortSpec, portProblemText } from './ports.js';
import { firstInputProblem, parserIssueParams, problem } from './input-problems.js';
import { imageIdPattern, parseImageReference } from './reference.js';
import { transferId } from './transfer.js';

/**
 * Input schemas for every call. They run where input enters the trusted side (main process, web
 * host) and in the renderer for validate-as-you-type. Each message is a code (input-problems.ts)
 * that the renderer words in the person's language, saying what is wrong and what would be right.
 */

// Docker's own rule for names: [a-zA-Z0-9][a-zA-Z0-9_.-]+ (daemon/names/names.go).
const containerNamePattern = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export const containerRef = z
  .string()
  .min(1, problem('containerRefEmpty'))
  .max(256, problem('containerRefTooLong'))
  .regex(/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, problem('containerRefPattern'));

/** An existing volume by name: the engine's own rule, so a name can never reach another API path. */
export const volumeRef = z
  .string()
  .min(1, problem('volumeRefEmpty'))
  .max(255, problem('volumeRefTooLong'))
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, problem('volumeRefPattern'));

/** An image by id or name as the engine names it; nothing that could step into another API path. */
export const localImageRef = z
  .string()
  .min(1, problem('imageRefEmpty'))
  .max(512, problem('imageRefTooLong'))
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/@-]*$/, problem('imageRefPattern'))
  .refine((v) => !v.split('/').includes('..'), problem('imageRefDotDot'));

/** A network by name or id. */
export const networkRef = z
  .string()
  .min(1, problem('networkRefEmpty'))
  .max(128, problem('networkRefTooLong'))
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, problem('networkRefPattern'));

export const containerName = z
  .string()
  .trim()
  .min(2, problem('containerNameTooShort'))
  .max(128, problem('containerNameTooLong'))
  .regex(containerNamePattern, problem('containerNamePattern'));

/**
 * A Compose project by the name in its `com.docker.compose.project` label. Compose v2 allows
 * [a-z0-9][a-z0-9_-]*; older Compose and hand-made labels also use capitals and ".", so those are
 * taken too. It only ever travels as a label filter's value.
 */
export const composeProjectRef = z
  .string()
  .min(1, problem('projectRefEmpty'))
  .max(255, problem('projectRefTooLong'))
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, problem('projectRefPattern'));

/** What the project row does through the Engine API (docker compose -p NAME start|stop|restart|pause|unpause). */
export const projectActions = ['start', 'stop', 'restart', 'pause', 'unpause'] as const;
export type ProjectAction = (typeof projectActions)[number];

export const projectRefInput = z.object({ project: composeProjectRef });
export const projectActionInput = z.object({
  project: composeProjectRef,
  action: z.enum(projectActions, { error: problem('containerAction') }),
});
export const projectRemoveInput = z.object({
  project: composeProjectRef,
  /** The project's named volumes and networks the person ticked; none unless asked. */
  volumes: z.array(volumeRef).max(1000).default([]),
  networks: z.array(networkRef).max(1000).default([]),
});

export const containerActions = ['start', 'stop', 'restart', 'pause', 'unpause', 'kill'] as const;
export type ContainerAction = (typeof containerActions)[number];

const containerRefs = z
  .array(containerRef)
  .min(1, problem('containersNoneSelected'))
  .max(1000, problem('containersTooMany'));

export const containerActionInput = z.object({
  ids: containerRefs,
  action: z.enum(containerActions, { error: problem('containerAction') }),
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
export const engineTime = z.string().regex(/^\d{1,12}\.\d{9}$/, problem('resumeTime'));

export const containerLogsInput = z.object({
  id: containerRef,
  /** Lines from the end to start with (docker logs --tail). */
  tail: z.number().int(problem('tailWhole')).min(0, problem('tailTooSmall')).max(100_000_000, problem('tailTooBig')).default(1000),
  since: z.enum(logSinceChoices, { error: problem('logsSince') }).default('all'),
  timestamps: z.boolean().default(false),
  follow: z.boolean().default(true),
  sinceTime: engineTime.optional(),
});
export type ContainerLogsInput = z.output<typeof containerLogsInput>;

export const mergedLogsInput = z.object({
  ids: z.array(containerRef).min(1, problem('mergeNone')).max(50, problem('mergeTooMany')),
  tail: z.number().int().min(0).max(100_000).default(200),
  sinceTime: engineTime.optional(),
});

/** A path inside a volume or container: absolute, no ".." steps, no NUL. */
export const filePath = z
  .string()
  .max(4096, problem('pathTooLong'))
  .regex(/^\/[^\0]*$/, problem('pathAbsolute'))
  .refine((p) => !p.split('/').includes('..'), problem('pathDotDot'));

export const fileName = z
  .string()
  .min(1, problem('fileNameEmpty'))
  .max(255, problem('fileNameTooLong'))
  .refine((n) => !n.includes('/') && n !== '.' && n !== '..' && !n.includes('\0'), problem('fileNamePlain'));

export const volumeFileDeleteInput = z.object({
  volume: volumeRef,
  path: filePath.refine((p) => p !== '/', problem('deleteVolumeRoot')),
});

export const containerFilesInput = z.object({ id: containerRef, path: filePath.default('/') });

export const volumeFilesInput = z.object({ volume: volumeRef, path: filePath.default('/') });

export const containerIdInput = z.object({ id: containerRef });

/** The containers whose CPU and memory a list shows: its running rows on screen (a screenful, bounded). */
export const containerUsageInput = z.object({ ids: z.array(containerRef).max(500) });

export const imageReferenceInput = z.object({
  reference: z.string().superRefine((value, ctx) => {
    const result = parseImageReference(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.problem, params: parserIssueParams('reference', result.code, result.params) });
  }),
});

const imageRefs = z
  .array(localImageRef)
  .min(1, problem('imagesNoneSelected'))
  .max(1000, problem('imagesTooMany'));

const referenceText = z.string().superRefine((value, ctx) => {
  const result = parseImageReference(value);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.problem, params: parserIssueParams('reference', result.code, result.params) });
});

export const imageTagInput = z.object({ source: localImageRef, target: referenceText });

/**
 * Instructions `docker commit --change` accepts (moby builder/dockerfile/builder.go, validCommitCommands;
 * HEALTHCHECK checked against dockerd 20.10, which takes it and refuses STOPSIGNAL).
 */
export const commitInstructions = ['CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'ONBUILD', 'USER', 'VOLUME', 'WORKDIR'] as const;
// Either case, as docker reads them; spelled out per letter because the fuzzers' generators take no regex flags.
const anyCase = (word: string) => [...word].map((c) => `[${c}${c.toLowerCase()}]`).join('');
const commitInstruction = new RegExp(`^\\s*(?:${commitInstructions.map(anyCase).join('|')})\\s+\\S`);
const commitChange = z.string().max(4096).regex(commitInstruction, problem('commitChange'));

/** docker commit: the container, the new image's name (none: an untagged image), message, author, pause, --change lines. */
export const containerCommitInput = z.object({
  container: containerRef,
  reference: z.union([z.literal(''), referenceText]).default(''),
  message: z.string().max(1000, problem('commitMessageTooLong')).default(''),
  author: z.string().max(200, problem('commitAuthorTooLong')).default(''),
  pause: z.boolean().default(true),
  changes: z.array(commitChange).max(50).default([]),
});

/** docker save: the images to put in one archive, by name or id. */
export const imageSaveNames = z.array(localImageRef).min(1, problem('imagesToSaveNone')).max(100);

/** docker import: the name the imported image gets (none: untagged), a message and --change lines. */
export const imageImportInput = z.object({
  reference: z.union([z.literal(''), referenceText]).default(''),
  message: z.string().max(1000, problem('commitMessageTooLong')).default(''),
  changes: z.array(commitChange).max(50).default([]),
});

const registryServer = z
  .string()
  .trim()
  .regex(
    /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[a-fA-F0-9:]+\])(?::\d{1,5})?$/,
    problem('registryServer'),
  );
export const registryLoginInput = z.object({
  server: registryServer,
  username: z.string().min(1, problem('usernameEmpty')).max(256),
  password: z.string().min(1, problem('passwordEmpty')).max(4096),
});
export const registryServerInput = z.object({ server: registryServer });

/** A local image by id or any of its names (no pull happens, so the reference grammar is not needed). */
export const localImageInput = z.object({ reference: localImageRef });

export const imageRemoveInput = z.object({ ids: imageRefs, force: z.boolean().default(false) });
export const imagePruneInput = z.object({
  mode: z.enum(['dangling', 'unused'], { error: problem('pruneMode') }),
});
/** Prune deletes exactly the images the person saw in the preview, never more. */
export const imagePruneConfirmInput = z.object({ ids: imageRefs });

const hostPort = z.number({ error: problem('hostPortNumber') }).int(problem('hostPortNumber')).min(1, problem('hostPortNumber')).max(65535, problem('hostPortNumber'));

/** One published port in docker's `-p` syntax (ports.ts); with no host address Berth uses 127.0.0.1. */
export const portSpec = z.string().superRefine((value, ctx) => {
  const result = parsePortSpec(value);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: portProblemText(result), params: parserIssueParams('port', result.code, result.params) });
});

export const volumeName = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, problem('volumeNamePattern'));

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
    const found = mountProblem(mount);
    if (found) ctx.addIssue({ code: 'custom', message: mountProblemText(found), params: parserIssueParams('mount', found.code, found.params) });
  });

/** One KEY=value for the container's environment, by docker's env-file rules (env.ts). */
export const envLine = z.string().superRefine((value, ctx) => {
  const found = envLineProblem(value);
  if (found) ctx.addIssue({ code: 'custom', message: envProblemText(found), params: parserIssueParams('env', found.code, found.params) });
});

export const restartPolicies = ['no', 'always', 'unless-stopped', 'on-failure'] as const;

export const containerRunInput = z.object({
  /** A reference, or the ID of an image already on the engine (never pulled). */
  image: z.string().superRefine((value, ctx) => {
    if (imageIdPattern.test(value.trim())) return;
    const result = parseImageReference(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.problem, params: parserIssueParams('reference', result.code, result.params) });
  }),
  name: z.union([z.literal(''), containerName]).default(''),
  /** docker -p specs, e.g. 127.0.0.1:8080:80, 8000-8010:8000-8010, [::1]:53:53/udp. */
  ports: z.array(portSpec).max(100, problem('portsTooMany')).default([]),
  mounts: z.array(mountInput).max(50, problem('mountsTooMany')).default([]),
  env: z.array(envLine).max(500, problem('envTooMany')).default([]),
  /** Replaces the image's CMD when not empty. */
  command: z.array(z.string().max(4096).refine((word) => !word.includes('\0'), problem('commandNul'))).max(200).default([]),
  restart: z.enum(restartPolicies, { error: problem('restartPolicy') }).default('no'),
  autoRemove: z.boolean().default(false),
  network: z.string().max(128).default(''),
});
export type ContainerRunInput = z.output<typeof containerRunInput>;

export const portCheckInput = z.object({
  // zod's own formats rather than a refine: the contract fuzz can generate what they accept.
  hostIp: z.union([z.ipv4(), z.ipv6()], { error: problem('ipAddress') }),
  hostPort,
});

const labelsText = z.record(
  z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9._/-]*$/, problem('labelKey')),
  z.string().max(4096),
);

export const volumeCreateInput = z.object({
  name: z.union([z.literal(''), volumeName]).default(''),
  driver: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/, problem('volumeDriver')).default('local'),
  driverOptions: z.record(z.string().min(1), z.string()).default({}),
  labels: labelsText.default({}),
});
export const volumeNamesInput = z.object({
  names: z.array(volumeRef).min(1, problem('volumesNoneSelected')).max(1000),
});

const cidr = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;
export const networkName = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, problem('networkNamePattern'))
  .max(128);
export const networkCreateInput = z.object({
  name: networkName,
  subnet: z.union([z.literal(''), z.string().regex(cidr, problem('subnet'))]).default(''),
});
export const networkRefInput = z.object({ network: networkRef });
export const networkConnectInput = z.object({ network: networkRef, container: containerRef });

const terminalSize = {
  cols: z.number().int().min(1, problem('terminalColumnsTooFew')).max(1000, problem('terminalColumnsTooMany')),
  rows: z.number().int().min(1, problem('terminalRowsTooFew')).max(1000, problem('terminalRowsTooMany')),
};

export const execOpenInput = z.object({ id: containerRef, ...terminalSize });
const sessionId = z.string().uuid(problem('terminalSession'));
export const execSessionInput = z.object({ sessionId });
export const execInputInput = z.object({
  sessionId,
  data: z.string().max(65_536, problem('terminalPasteTooLong')),
});
export const execResizeInput = z.object({ sessionId, ...terminalSize });

export const engineIdInput = z.object({
  id: z.string().regex(/^[0-9a-f]{12}$/, problem('engineId')),
});

/** Trust an ssh:// engine's host key: the fingerprint the person was shown (OpenSSH's SHA256:base64, no padding). */
export const trustHostKeyInput = engineIdInput.extend({
  fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, problem('sshFingerprint')),
});

/**
 * Unlock a key file an ssh:// engine's login skipped (`lastErrorKind.sshKeyLocked`): its path as
 * shown, and the passphrase, which crosses once and is never kept (1,024 characters: OpenSSH's own
 * read_passphrase buffer).
 */
export const unlockKeyInput = engineIdInput.extend({
  key: z.string().min(1).max(4096, problem('pathTooLong')),
  passphrase: z.string().min(1, problem('sshPassphraseEmpty')).max(1024, problem('sshPassphraseTooLong')),
});

export type ContainerActionInput = z.infer<typeof containerActionInput>;
export type ContainerRenameInput = z.infer<typeof containerRenameInput>;
export type ContainerRemoveInput = z.input<typeof containerRemoveInput>;

/**
 * The first problem with a value as one English sentence, or undefined when it is valid: for the
 * trusted side's own refusals (HTTP 400 bodies, logs). The renderer words problems in the person's
 * language instead (renderer/src/ui/inputProblem.ts).
 */
export function firstProblem(schema: z.ZodType, value: unknown): string | undefined {
  return firstInputProblem(schema, value)?.message;
}

export const imageBuildInput = z.object({
  context: z.string().regex(/^\//, problem('buildContext')),
  dockerfile: fileName.default('Dockerfile'),
  tag: z.union([z.literal(''), referenceText]).default(''),
  buildArgs: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, problem('buildArgName')), z.string()).default({}),
});
export type ImageBuildInput = z.output<typeof imageBuildInput>;

export const volumeCloneInput = z.object({ source: volumeRef, target: volumeName, transfer: transferId.optional() });

export const vmSettingsInput = z.object({
  cpus: z.number({ error: problem('cpusWhole') }).int(problem('cpusWhole')).min(1, problem('cpusTooFew')).max(64, problem('cpusTooMany')),
  memoryMiB: z.number({ error: problem('memoryWhole') }).int(problem('memoryWhole')).min(512, problem('memoryTooSmall')).max(262_144, problem('memoryTooBig')),
  diskGiB: z.number({ error: problem('diskWhole') }).int(problem('diskWhole')).min(4, problem('diskTooSmall')).max(4096, problem('diskTooBig')),
});
