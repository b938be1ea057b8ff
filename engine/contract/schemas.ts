import { z } from 'zod';

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

export const containerLogsInput = z.object({
  id: containerRef,
  /** Lines from the end to start with (docker logs --tail). */
  tail: z.number().int('Tail is a whole number of lines.').min(0).max(100_000, 'Tail is at most 100,000 lines; use "all" history with since instead.').default(1000),
  since: z.enum(logSinceChoices, { error: 'Since is one of: 5m, 1h, all.' }).default('all'),
  timestamps: z.boolean().default(false),
  follow: z.boolean().default(true),
});
export type ContainerLogsInput = z.output<typeof containerLogsInput>;

export const containerIdInput = z.object({ id: containerRef });

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
