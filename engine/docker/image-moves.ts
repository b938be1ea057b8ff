import type Docker from 'dockerode';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import { BerthError } from '../contract/errors.js';
import { parseImageReference } from '../contract/reference.js';
import type { containerCommitInput, imageImportInput } from '../contract/schemas.js';
import type { TransferReporter } from '../contract/transfer.js';
import { countBytes, countedSource } from '../shared/byte-counters.js';
import { engineCall } from './bulk.js';
import { JsonLineParser } from './json-lines.js';

/**
 * Images and containers as files and back: docker commit, save, load, export and import. The bytes
 * stream between the engine and a sink or source the caller gives (an HTTP answer or upload, a file
 * main opened), never held whole in memory.
 */

/** repository and tag for the engine's query, from a checked reference; none for an untagged image. */
function repoAndTag(reference: string): { repo?: string; tag?: string } {
  if (!reference) return {};
  const parsed = parseImageReference(reference);
  if (!parsed.ok) return {};
  return { repo: parsed.reference.repository, tag: parsed.reference.tag ?? 'latest' };
}

/**
 * The query without its unset keys: docker-modem sends an undefined value as an empty one
 * (`changes=`), which the engine reads as one empty Dockerfile line and refuses ("file with no
 * instructions"), so a commit or import without a --change line failed.
 */
function setOnly<T extends Record<string, unknown>>(query: T): Partial<T> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** docker commit (POST /commit): the new image's id. */
export async function commitContainer(docker: Docker, input: z.output<typeof containerCommitInput>): Promise<{ id: string }> {
  const answer = (await engineCall(
    docker.getContainer(input.container).commit(
      setOnly({
        ...repoAndTag(input.reference),
        comment: input.message || undefined,
        author: input.author || undefined,
        pause: input.pause,
        // Repeated `changes=` query values, as the CLI sends them.
        changes: input.changes.length ? input.changes : undefined,
      }),
    ),
    `Container ${input.container}`,
  )) as { Id?: string };
  return { id: answer.Id ?? '' };
}

/** docker save (GET /images/get?names=…): one tar of the images with their names, written into `sink`. */
export async function saveImages(docker: Docker, names: readonly string[], sink: NodeJS.WritableStream, progress?: TransferReporter): Promise<void> {
  // Each name is checked first, so a typo is "no such image" by name rather than a broken download.
  const sizes = await Promise.all(names.map((name) => engineCall(docker.getImage(name).inspect(), `Image ${name}`).then((i) => i.Size ?? 0)));
  progress?.setTotal(sizes.reduce((a, b) => a + b, 0));
  // dockerode has GET /images/get but its types do not: the query repeats `names=` per image.
  const withSave = docker as unknown as { getImages(options: { names: string[] }): Promise<NodeJS.ReadableStream> };
  const tar = await engineCall(withSave.getImages({ names: [...names] }));
  await pipeline(tar, countBytes((n) => progress?.add(n)), sink, { end: false });
}

/** docker export (GET /containers/{id}/export): the container's file system as a tar, written into `sink`. */
export async function exportContainer(docker: Docker, id: string, sink: NodeJS.WritableStream, progress?: TransferReporter): Promise<void> {
  const container = docker.getContainer(id);
  // ?size=1 adds SizeRootFs, the bytes the export will roughly hold.
  const inspectWithSize = container.inspect.bind(container) as unknown as (options: { size: boolean }) => Promise<{ SizeRootFs?: number }>;
  const { SizeRootFs } = await engineCall(inspectWithSize({ size: true }), `Container ${id}`);
  if (SizeRootFs) progress?.setTotal(SizeRootFs);
  const tar = (await engineCall(container.export(), `Container ${id}`)) as NodeJS.ReadableStream;
  await pipeline(tar, countBytes((n) => progress?.add(n)), sink, { end: false });
}

/**
 * docker load (POST /images/load): the images of a `docker save` archive, with their names. Answers
 * what the engine said it loaded ("Loaded image: web:1", "Loaded image ID: sha256:…").
 */
export async function loadImages(docker: Docker, archive: NodeJS.ReadableStream, progress?: TransferReporter): Promise<{ loaded: string[] }> {
  const counted = countedSource(archive, (n) => progress?.add(n));
  const answer = await engineCall(docker.loadImage(counted, { quiet: true }));
  return { loaded: await loadedNames(answer) };
}

/** docker import (POST /images/create?fromSrc=-): a file system tar as a new one-layer image. */
export async function importImage(
  docker: Docker,
  archive: NodeJS.ReadableStream,
  input: z.output<typeof imageImportInput>,
  progress?: TransferReporter,
): Promise<{ id: string }> {
  const counted = countedSource(archive, (n) => progress?.add(n));
  const answer = await engineCall(
    docker.importImage(
      counted,
      setOnly({
        ...repoAndTag(input.reference),
        message: input.message || undefined,
        changes: input.changes.length ? input.changes : undefined,
      }),
    ),
  );
  const lines = await readJsonLines(answer);
  const failed = lines.find((l) => l.error || l.errorDetail);
  if (failed) throw engineRefused(failed.errorDetail?.message ?? failed.error ?? '');
  // The last status line is the new image's id ("sha256:…").
  const id = [...lines].reverse().find((l) => /^sha256:[0-9a-f]{64}$/.test(l.status ?? ''))?.status ?? '';
  return { id };
}

interface EngineLine {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
}

async function readJsonLines(stream: NodeJS.ReadableStream): Promise<EngineLine[]> {
  const parser = new JsonLineParser<EngineLine>();
  const lines: EngineLine[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    lines.push(...parser.push(chunk));
    // The answer is a few lines per image; a stream that keeps talking is not an answer.
    if (lines.length > 10_000) throw engineRefused('The engine sent more than 10,000 lines.');
  }
  return lines;
}

async function loadedNames(stream: NodeJS.ReadableStream): Promise<string[]> {
  const lines = await readJsonLines(stream);
  const failed = lines.find((l) => l.error || l.errorDetail);
  if (failed) throw engineRefused(failed.errorDetail?.message ?? failed.error ?? '');
  return lines.flatMap((l) => {
    const match = /^Loaded image(?: ID)?: (.+)$/.exec((l.stream ?? '').trim());
    return match ? [match[1]!] : [];
  });
}

function engineRefused(text: string): BerthError {
  return new BerthError('ENGINE_ERROR', `The engine refused the archive: ${text}`, 'Is it an archive made by docker save (for load) or a file system tar (for import)?', {
    reason: 'archiveRefused',
    engineText: text,
  });
}
