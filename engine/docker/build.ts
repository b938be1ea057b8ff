import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';
import type { ImageBuildInput } from '../contract/schemas.js';
import type { BuildEvent } from '../contract/types.js';
import { buildContext } from './build-context.js';
import { engineCall } from './bulk.js';
import { JsonLineParser } from './json-lines.js';

interface RawBuildEvent {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string };
}

/** Builds an image, streaming its output; a failed step ends the stream with that step named. */
export async function* buildImage(docker: Docker, input: ImageBuildInput, signal: AbortSignal | undefined): AsyncGenerator<BuildEvent> {
  const context = await buildContext(input.context, input.dockerfile);
  // The tar streams while the engine reads it: a file Berth cannot read mid-walk stops the request,
  // and the build fails with that file named rather than the engine's "unexpected EOF".
  const abort = new AbortController();
  signal?.addEventListener('abort', () => abort.abort(), { once: true });
  let contextError: unknown;
  context.done.catch((e: unknown) => {
    // After a cancel the walk fails too (its tar is destroyed); that is no error of its own.
    if (!signal?.aborted) contextError = e;
    abort.abort();
  });
  // Cancelled, or the engine stopped reading early (a bad Dockerfile): the walk stops with it.
  abort.signal.addEventListener('abort', () => context.tar.destroy(), { once: true });
  // dockerode's typings miss the promise form of buildImage with a stream (lib/docker.js returns one).
  const build = docker.buildImage.bind(docker) as unknown as (
    file: NodeJS.ReadableStream,
    options: object,
  ) => Promise<NodeJS.ReadableStream & { destroy(): void }>;
  const stream = await engineCall(
    // docker-modem only calls pipe() and on('error') on it, which the streamx tar has.
    build(context.tar as unknown as NodeJS.ReadableStream, {
      dockerfile: input.dockerfile,
      ...(input.tag ? { t: input.tag } : {}),
      buildargs: input.buildArgs,
      rm: true,
      // A failed step's container goes too (the classic builder keeps it otherwise; BuildKit never leaves one).
      forcerm: true,
      abortSignal: abort.signal,
    }),
  ).catch((e: unknown) => {
    throw contextError ?? e;
  });
  const parser = new JsonLineParser<RawBuildEvent>();
  let currentStep = '';
  let imageId = '';
  let failure: string | undefined;
  // Read with `for await`: a slow page holds the engine back; nothing queues here.
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const event of parser.push(chunk)) {
        if (event.error || event.errorDetail) {
          failure ??= event.errorDetail?.message ?? event.error;
          continue;
        }
        if (event.aux?.ID) imageId = event.aux.ID;
        const text = event.stream ?? (event.status ? `${event.status}\n` : '');
        if (!text) continue;
        const step = /^Step (\d+)\/(\d+) : (.*)$/m.exec(text);
        if (step) {
          currentStep = `Step ${step[1]}/${step[2]} : ${step[3]}`;
          yield { kind: 'step', step: Number(step[1]), total: Number(step[2]), instruction: step[3]! };
        }
        yield { kind: 'output', text };
      }
    }
  } catch (error) {
    if (signal?.aborted) return;
    throw contextError ?? error;
  } finally {
    stream.destroy();
    context.tar.destroy();
  }
  if (contextError) throw contextError;
  if (failure) {
    // The step and the failure are the engine's words; Berth's sentence says a step failed and quotes them.
    throw new BerthError(
      'ENGINE_ERROR',
      currentStep ? `${currentStep} failed: ${failure}` : failure,
      'Fix that step in the Dockerfile and build again.',
      currentStep ? { reason: 'buildStepFailed', params: { step: currentStep }, engineText: failure } : { reason: 'buildFailed', engineText: failure },
    );
  }
  yield { kind: 'done', imageId, ...(input.tag ? { tag: input.tag } : {}) };
}
