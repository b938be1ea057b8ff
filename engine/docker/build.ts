import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';
import type { ImageBuildInput } from '../contract/schemas.js';
import type { BuildEvent } from '../contract/types.js';
import { isIgnored, parseDockerignore, type IgnoreRule } from '../hosts/dockerignore.js';
import { writeTar } from '../shared/tar.js';
import { engineCall } from './bulk.js';
import { JsonLineParser } from './json-lines.js';

const maxContextBytes = 1024 * 1024 * 1024;

/** The build context as the CLI sends it: the folder as a tar, minus what .dockerignore leaves out. */
export async function buildContext(folder: string, dockerfile: string): Promise<Buffer> {
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new BerthError('INVALID_INPUT', `${folder} is not a folder on this machine.`, 'Pick the folder that holds your Dockerfile.');
  if (!(await stat(join(folder, dockerfile)).catch(() => undefined))?.isFile()) {
    throw new BerthError('INVALID_INPUT', `${folder} has no ${dockerfile}.`, 'Put a Dockerfile in the folder, or name the file Berth should use.');
  }
  const rules: IgnoreRule[] = parseDockerignore(await readFile(join(folder, '.dockerignore'), 'utf8').catch(() => ''));
  const entries: { name: string; data?: Buffer; mode?: number }[] = [];
  let total = 0;
  async function walk(dir: string): Promise<void> {
    for (const item of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, item.name);
      const path = relative(folder, full).split(sep).join('/');
      // The Dockerfile and .dockerignore always go: the engine needs them (as the CLI does).
      const always = path === dockerfile || path === '.dockerignore';
      if (!always && isIgnored(path, rules)) continue;
      if (item.isDirectory()) {
        entries.push({ name: `${path}/` });
        await walk(full);
      } else if (item.isFile()) {
        const data = await readFile(full);
        total += data.length;
        if (total > maxContextBytes) throw new BerthError('INVALID_INPUT', 'The build folder holds over 1 GB.', 'Leave big files out with a .dockerignore.');
        entries.push({ name: path, data, mode: (await stat(full)).mode & 0o777 });
      }
    }
  }
  await walk(folder);
  return writeTar(entries);
}

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
  // dockerode's typings miss the promise form of buildImage with a stream (lib/docker.js returns one).
  const build = docker.buildImage.bind(docker) as unknown as (
    file: NodeJS.ReadableStream,
    options: object,
  ) => Promise<NodeJS.ReadableStream & { destroy(): void }>;
  const stream = await engineCall(
    build(Readable.from([context]), {
      dockerfile: input.dockerfile,
      ...(input.tag ? { t: input.tag } : {}),
      buildargs: input.buildArgs,
      rm: true,
      ...(signal ? { abortSignal: signal } : {}),
    }),
  );
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
    throw error;
  } finally {
    stream.destroy();
  }
  if (failure) throw new BerthError('ENGINE_ERROR', currentStep ? `${currentStep} failed: ${failure}` : failure, 'Fix that step in the Dockerfile and build again.');
  yield { kind: 'done', imageId, ...(input.tag ? { tag: input.tag } : {}) };
}
