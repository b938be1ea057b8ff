import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { ContainerLogsInput } from '../contract/schemas.js';
import type { LogEvent } from '../contract/types.js';
import { pipeline } from 'node:stream/promises';
import { batchOutput } from '../shared/output-batcher.js';
import { BerthError } from '../contract/errors.js';
import { engineCall } from './bulk.js';
import { JsonLineParser } from './json-lines.js';
import { logFrames, openLogStream } from './log-frames.js';
import { logFor } from '../shared/log.js';
import { fromDockerError } from './errors.js';

const log = logFor('logs');

const sinceSeconds: Record<ContainerLogsInput['since'], number> = { '5m': 300, '1h': 3600, all: 0 };

/**
 * A container's logs as the contract streams them: the last lines, then (when following) new ones
 * as they come, batched; stdout and stderr told apart unless the container has a TTY (decided from
 * inspect, never by sniffing bytes). A container that stops and starts again keeps streaming; one
 * that is removed ends the stream with a notice.
 */
export async function* streamContainerLogs(
  docker: Docker,
  input: ContainerLogsInput,
  signal: AbortSignal | undefined,
): AsyncGenerator<LogEvent> {
  const container = docker.getContainer(input.id);
  const { Config, HostConfig } = await engineCall(container.inspect(), `Container ${input.id}`);
  const tty = Config.Tty;
  const driver = HostConfig.LogConfig?.Type ?? '';
  let since: number | string = sinceSeconds[input.since] ? Math.floor(Date.now() / 1000) - sinceSeconds[input.since] : 0;
  // Beyond a million lines "tail" means everything, which is what the engine's "all" does fastest.
  let tail: number | undefined = input.tail >= 1_000_000 ? undefined : input.tail;
  // Resuming after an engine restart: everything from the exact moment the last lines arrived.
  if (input.sinceTime) [since, tail] = [input.sinceTime, undefined];
  while (!signal?.aborted) {
    yield* readLogs(container, { tty, since, tail, timestamps: input.timestamps, follow: input.follow, driver }, signal);
    if (!input.follow || signal?.aborted) return;
    const next = await nextStart(docker, container, signal);
    if (next === 'removed') {
      yield { kind: 'notice', notice: 'removed' };
      return;
    }
    if (next === undefined) return;
    yield { kind: 'notice', notice: 'stopped' };
    yield { kind: 'notice', notice: 'restarted' };
    // Everything since the new start; nothing older twice.
    since = next;
    tail = undefined;
  }
}

async function* readLogs(
  container: Docker.Container,
  options: { tty: boolean; since: number | string; tail: number | undefined; timestamps: boolean; follow: boolean; driver: string },
  signal: AbortSignal | undefined,
): AsyncGenerator<LogEvent> {
  const source = await engineCall(
    openLogStream(
      container.modem,
      container.id,
      {
        follow: options.follow,
        stdout: true,
        stderr: true,
        timestamps: options.timestamps,
        since: options.since,
        ...(options.tail !== undefined ? { tail: options.tail } : {}),
      },
      signal,
    ).catch((error: unknown) => {
      throw notKept(error, options.driver) ?? error;
    }),
  );
  try {
    for await (const segments of batchOutput(logFrames(source, options.tty))) yield { kind: 'output', segments };
  } catch (error) {
    // A cut mid-stream (the engine went away: ECONNRESET) is said as the engine being away, not as a refusal.
    if (!signal?.aborted) throw fromDockerError(error);
  } finally {
    (source as unknown as Readable).destroy();
  }
}

/**
 * After a followed log stream ends: waits for the container to start again (→ its start time in
 * seconds), or learns it was removed (→ 'removed'), or is cancelled (→ undefined).
 */
async function nextStart(
  docker: Docker,
  container: Docker.Container,
  signal: AbortSignal | undefined,
): Promise<number | 'removed' | undefined> {
  const watch = new AbortController();
  const stop = () => watch.abort();
  signal?.addEventListener('abort', stop);
  try {
    const events = (await docker.getEvents({
      filters: { container: [container.id], event: ['start', 'destroy'] },
      abortSignal: watch.signal,
    })) as NodeJS.ReadableStream;
    const parser = new JsonLineParser<{ Action?: string; status?: string; time?: number }>();
    const fromEvents = new Promise<number | 'removed' | undefined>((resolve) => {
      events.on('data', (chunk: Buffer) => {
        for (const event of parser.push(chunk)) {
          const action = event.Action ?? event.status;
          if (action === 'destroy') resolve('removed');
          if (action === 'start') resolve(event.time ?? Math.floor(Date.now() / 1000));
        }
      });
      events.on('close', () => resolve(undefined));
      events.on('error', () => resolve(undefined));
    });
    // It may have started again (a restart policy) or gone before the events stream opened. A
    // container waiting out its restart back-off also says Running (with Restarting): its StartedAt
    // is the run whose log just ended, and reading from there again looped, the same lines and
    // notices many times a second, until the next start.
    const now = await container.inspect().then(
      (info) => (info.State.Running && !info.State.Restarting ? Math.floor(new Date(info.State.StartedAt).getTime() / 1000) : null),
      (e: { statusCode?: number }) => (e.statusCode === 404 ? 'removed' : null),
    );
    if (now !== null) return now;
    return await fromEvents;
  } catch (error) {
    log.caught('waiting for the container’s start time', error);
    return undefined;
  } finally {
    watch.abort();
    signal?.removeEventListener('abort', stop);
  }
}

/**
 * Writes a container's whole log to `sink` exactly as `docker logs NAME > file 2>&1` would: stdout
 * and stderr demultiplexed into one byte stream. For downloads: the trusted side writes the file
 * straight from the engine; the bytes never pass through the renderer. A stream pipeline, so a slow
 * sink slows the engine down instead of filling memory. `sink` is left open.
 */
export async function writeContainerLogs(docker: Docker, id: string, sink: NodeJS.WritableStream): Promise<void> {
  const container = docker.getContainer(id);
  const { Config } = await engineCall(container.inspect(), `Container ${id}`);
  const raw = await engineCall(openLogStream(docker.modem, id, { stdout: true, stderr: true, follow: false }));
  await pipeline(
    raw,
    async function* (source: AsyncIterable<Buffer>) {
      for await (const frames of logFrames(source, Config.Tty)) yield Buffer.concat(frames.map((f) => f.bytes));
    },
    sink,
    { end: false },
  );
}

/**
 * The engine's 501 for a container whose logging driver keeps nothing it can read back (`none`;
 * syslog, gelf, fluentd… with their local cache turned off), as BerthError reason logsNotKept
 * (params `driver`, the engine's words in engineText); undefined for any other failure.
 */
function notKept(error: unknown, driver: string): BerthError | undefined {
  const e = error as { statusCode?: number; json?: { message?: string }; message?: string };
  if (e?.statusCode !== 501) return undefined;
  const said = e.json?.message ?? e.message ?? '';
  return new BerthError('ENGINE_ERROR', `This container's logging driver ("${driver}") keeps no logs Docker can read back.`, undefined, {
    reason: 'logsNotKept',
    params: { driver },
    engineText: said,
  });
}
