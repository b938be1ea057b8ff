import type Docker from 'dockerode';
import type { ImageDetail, ImageLayer } from '../contract/types.js';
import { engineCall } from './bulk.js';
import { logFor } from '../shared/log.js';
import pLimit from 'p-limit';

const log = logFor('images');

interface HistoryEntry {
  Created: number;
  CreatedBy: string;
  Size: number;
}

const metadataOnly = /#\(nop\)|^(ENV|LABEL|CMD|ENTRYPOINT|EXPOSE|WORKDIR|USER|ARG|VOLUME|STOPSIGNAL|HEALTHCHECK|SHELL|ONBUILD|MAINTAINER)\b/;

/**
 * Whether a history step wrote a layer. The API's history has no "empty layer" flag, so: a step that
 * wrote bytes did; a metadata step (ENV, CMD, LABEL…) did not; and once as many layers as steps
 * remain, every remaining step did.
 */
function writesLayer(entry: HistoryEntry, layersLeft: number, stepsLeft: number): boolean {
  if (layersLeft <= 0) return false;
  if (layersLeft >= stepsLeft) return true;
  return entry.Size > 0 || !metadataOnly.test(entry.CreatedBy);
}

/** How many images are inspected at once to find shared layers. */
const inspectsAtOnce = 8;
/** Image id → its layer digests, per engine client. An id is a content digest (the config's, or the index's with the containerd store), so for a given id the layers on this engine's platform never change. */
const knownLayers = new WeakMap<Docker, Map<string, ReadonlySet<string>>>();

/** The layer digests (RootFS.Layers) of the image with id `id`; empty when it cannot be inspected (removed meanwhile). */
async function layersOf(docker: Docker, id: string): Promise<ReadonlySet<string>> {
  let known = knownLayers.get(docker);
  if (!known) knownLayers.set(docker, (known = new Map()));
  const remembered = known.get(id);
  if (remembered) return remembered;
  const inspected = await docker.getImage(id).inspect().catch(log.fallback('inspecting an image for shared layers', undefined));
  const layers = new Set(inspected?.RootFS?.Layers ?? []);
  if (inspected) known.set(id, layers);
  return layers;
}

/** Drops what is remembered of images no longer on the engine, so the memory stays that of the engine's images. */
function forgetAllBut(docker: Docker, present: ReadonlySet<string>): void {
  const known = knownLayers.get(docker);
  for (const id of known?.keys() ?? []) if (!present.has(id)) known!.delete(id);
}

/**
 * An image up close: its history as layers (each matched to its content digest when it wrote one),
 * which layers other local images share and the disk that saves, and its config. Which containers
 * use it the page reads from its containers list, as the images list does.
 */
export async function imageDetail(docker: Docker, reference: string): Promise<ImageDetail> {
  const image = docker.getImage(reference);
  const [info, history, images] = await Promise.all([
    engineCall(image.inspect(), `Image ${reference}`),
    engineCall(image.history() as Promise<HistoryEntry[]>, `Image ${reference}`),
    engineCall(docker.listImages({ all: false })),
  ]);
  const diffIds = info.RootFS?.Layers ?? [];

  // Which other images hold each layer digest: a few inspects at a time (a machine with 1,000 images
  // asked them all at once), each image's layers remembered by its id, which names its content.
  const others = await pLimit(inspectsAtOnce).map(
    images.filter((i) => i.Id !== info.Id),
    async (i) => {
      const name = i.RepoTags?.find((t) => t !== '<none>:<none>') ?? i.RepoDigests?.find((d) => d !== '<none>@<none>') ?? i.Id.slice(7, 19);
      return { name, layers: await layersOf(docker, i.Id) };
    },
  );
  forgetAllBut(docker, new Set(images.map((i) => i.Id)));

  // History is newest first; layers are oldest first. Walk history oldest first, pairing layer-writing steps with digests.
  const chronological = [...history].reverse();
  let next = 0;
  const layers: ImageLayer[] = chronological.map((entry, index) => {
    const stepsLeft = chronological.length - index;
    const layersLeft = diffIds.length - next;
    const diffId = writesLayer(entry, layersLeft, stepsLeft) ? diffIds[next++] : undefined;
    return {
      createdBy: entry.CreatedBy.replace(/^\/bin\/sh -c #\(nop\)\s*/, '').replace(/^\/bin\/sh -c /, 'RUN '),
      size: entry.Size,
      created: entry.Created,
      ...(diffId ? { diffId } : {}),
      sharedWith: diffId ? others.filter((o) => o.layers.has(diffId)).map((o) => o.name) : [],
    };
  });
  const config = info.Config ?? ({} as Docker.ImageInspectInfo['Config']);
  return {
    id: info.Id,
    tags: (info.RepoTags ?? []).filter((t) => t !== '<none>:<none>'),
    digests: (info.RepoDigests ?? []).filter((d) => d !== '<none>@<none>'),
    created: Math.floor(new Date(info.Created).getTime() / 1000),
    size: info.Size,
    architecture: info.Architecture,
    os: info.Os,
    entrypoint: toList(config.Entrypoint),
    cmd: toList(config.Cmd),
    env: config.Env ?? [],
    workingDir: config.WorkingDir ?? '',
    user: config.User ?? '',
    exposedPorts: Object.keys(config.ExposedPorts ?? {}),
    labels: (config.Labels as Record<string, string> | null) ?? {},
    layers: layers.reverse(),
    sharedSavings: layers.reduce((n, l) => n + l.size * l.sharedWith.length, 0),
  };
}

function toList(value: string | string[] | null | undefined): string[] {
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
}
