import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { ContainerLogsInput } from '../contract/schemas.js';
import type { LogEvent } from '../contract/types.js';
import { AsyncQueue } from '../shared/async-queue.js';
import { OutputBatcher } from '../shared/output-batcher.js';
import { engineCall } from './bulk.js';
import { JsonLineParser } from './json-lines.js';

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
  const { Config } = await engineCall(container.inspect(), `Container ${input.id}`);
  const tty = Config.Tty;
  let since: number | string = sinceSeconds[input.since] ? Math.floor(Date.now() / 1000) - sinceSeconds[input.since] : 0;
  // Beyond a million lines "tail" means everything, which is what the engine's "all" does fastest.
  let tail: number | undefined = input.tail >= 1_000_000 ? undefined : input.tail;
  // Resuming after an engine restart: everything from the exact moment the last lines arrived.
  if (input.sinceTime) [since, tail] = [input.sinceTime, undefined];
  while (!signal?.aborted) {
    yield* readLogs(container, { tty, since, tail, timestamps: input.timestamps, follow: input.follow }, signal);
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
  options: { tty: boolean; since: number | string; tail: number | undefined; timestamps: boolean; follow: boolean },
  signal: AbortSignal | undefined,
): AsyncGenerator<LogEvent> {
  const raw = (await engineCall(
    container.logs({
      follow: options.follow as true,
      stdout: true,
      stderr: true,
      timestamps: options.timestamps,
      // The engine also takes "seconds.nanoseconds"; dockerode's types only know numbers.
      since: options.since as number,
      ...(options.tail !== undefined ? { tail: options.tail } : {}),
      ...(signal ? { abortSignal: signal } : {}),
    }),
  )) as NodeJS.ReadableStream | Buffer;
  const source = Buffer.isBuffer(raw) ? Readable.from([raw]) : raw;
  const queue = new AsyncQueue<LogEvent>(16, (paused) => (paused ? source.pause() : source.resume()));
  const batcher = new OutputBatcher((segments) => queue.push({ kind: 'output', segments }));
  const sink = (stream: 'stdout' | 'stderr') => ({ write: (chunk: Buffer) => batcher.write(stream, chunk) });
  if (options.tty) source.on('data', (chunk: Buffer) => batcher.write('stdout', chunk));
  else container.modem.demuxStream(source, sink('stdout'), sink('stderr'));
  // Not every stream emits 'end'; 'close' covers the rest.
  const finish = () => {
    batcher.finish();
    queue.end();
  };
  source.on('end', finish);
  source.on('close', finish);
  source.on('error', (error: unknown) => (signal?.aborted ? finish() : queue.fail(error)));
  try {
    yield* queue.drain(signal);
  } finally {
    (source as Readable).destroy?.();
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
    // It may have started again (a restart policy) or gone before the events stream opened.
    const now = await container.inspect().then(
      (info) => (info.State.Running ? Math.floor(new Date(info.State.StartedAt).getTime() / 1000) : null),
      (e: { statusCode?: number }) => (e.statusCode === 404 ? 'removed' : null),
    );
    if (now !== null) return now;
    return await fromEvents;
  } catch {
    return undefined;
  } finally {
    watch.abort();
    signal?.removeEventListener('abort', stop);
  }
}

/**
 * Writes a container's whole log to `sink` exactly as `docker logs NAME > file 2>&1` would: stdout
 * and stderr demultiplexed into one byte stream. For downloads: the trusted side writes the file
 * straight from the engine; the bytes never pass through the renderer.
 */
export async function writeContainerLogs(docker: Docker, id: string, sink: NodeJS.WritableStream): Promise<void> {
  const container = docker.getContainer(id);
  const { Config } = await engineCall(container.inspect(), `Container ${id}`);
  const raw = await engineCall(openLogStream(docker, id));
  await new Promise<void>((resolve, reject) => {
    const out = { write: (chunk: Buffer) => sink.write(chunk) };
    if (Config.Tty) raw.on('data', (chunk: Buffer) => sink.write(chunk));
    else container.modem.demuxStream(raw, out, out);
    raw.on('end', resolve);
    raw.on('close', resolve);
    raw.on('error', reject);
  });
}

/**
 * The whole log as a stream that ends at the present. dockerode returns a not-following log as one
 * Buffer (all of it in memory), so this asks the engine directly with isStream.
 */
function openLogStream(docker: Docker, id: string): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/containers/${encodeURIComponent(id)}/logs?`,
        method: 'GET',
        options: { stdout: true, stderr: true, follow: false },
        isStream: true,
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
      },
      (error: unknown, stream: unknown) => (error ? reject(error) : resolve(stream as NodeJS.ReadableStream)),
    );
  });
}
