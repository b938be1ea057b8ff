import type Docker from 'dockerode';
import { UpdateChecker } from './update-check.js';
import { parseImageReference } from '../contract/reference.js';
import type { ImagesApi } from '../contract/service.js';
import type { ExposedPort, ImagePrunePreview, ImageSummary, PruneMode } from '../contract/types.js';
import { engineCall, forEachId } from './bulk.js';
import { fromDockerError } from './errors.js';
import { explainRemoveConflict } from './image-conflicts.js';
import { isBerthHelper, toImageSummary } from './mappers.js';
import type { z } from 'zod';
import type { ImageBuildInput, imageImportInput } from '../contract/schemas.js';
import type { TransferReporter } from '../contract/transfer.js';
import { importImage, loadImages, saveImages } from './image-moves.js';
import { buildImage } from './build.js';
import { imageDetail } from './image-detail.js';
import { pullImage, pushImage, referenceRefusal } from './pull.js';
import { logFor } from '../shared/log.js';
import type { KeptList } from './kept-list.js';

const log = logFor('images');

/**
 * The images, as `docker image ls` lists them (one entry per image, its names in `tags`), Berth's
 * own helper image left out. Which containers use each is not asked here: the page has the
 * containers list already, and listing every container again made this list as slow as that one
 * (issue 17: 1,000 images beside 1,000 containers took 1.9× the engine's own call). Rejects as the
 * engine's call does.
 */
export async function listImages(docker: Docker): Promise<ImageSummary[]> {
  const images = await engineCall(docker.listImages({ all: false }));
  return images.filter((image) => !isBerthHelper(image)).map(toImageSummary);
}

/**
 * Images on a Docker Engine API: list with usage, pull, remove, prune with a preview. The list comes
 * from `kept` (the connection's list kept between asks, engine/docker/kept-list.ts) when given.
 */
export class DockerImages implements ImagesApi {
  private readonly updates: UpdateChecker;
  constructor(
    private readonly docker: Docker,
    private readonly kept?: KeptList<ImageSummary>,
  ) {
    this.updates = new UpdateChecker(docker);
  }

  checkUpdates({ force }: { force: boolean }) {
    return this.updates.check(force);
  }

  list(): Promise<ImageSummary[]> {
    return this.kept ? this.kept.list() : listImages(this.docker);
  }

  /** The image's EXPOSEd ports, to prefill the run dialog; none when the image is not here yet. */
  async exposedPorts(reference: string): Promise<ExposedPort[]> {
    try {
      const info = await this.docker.getImage(reference).inspect();
      return Object.keys(info.Config?.ExposedPorts ?? {}).map((key) => {
        const [port, protocol] = key.split('/');
        return { containerPort: Number(port), protocol: protocol === 'udp' || protocol === 'sctp' ? protocol : 'tcp' };
      });
    } catch {
      return [];
    }
  }

  build(input: ImageBuildInput, signal: AbortSignal | undefined) {
    return buildImage(this.docker, input, signal);
  }

  detail(reference: string) {
    return imageDetail(this.docker, reference);
  }

  async tag({ source, target }: { source: string; target: string }) {
    const parsed = parseImageReference(target);
    if (!parsed.ok) throw referenceRefusal(parsed);
    // The engine normalises docker.io/library/x back to x, as the CLI shows it.
    await engineCall(this.docker.getImage(source).tag({ repo: parsed.reference.repository, tag: parsed.reference.tag ?? 'latest' }), `Image ${source}`);
  }

  push(reference: string, signal: AbortSignal | undefined) {
    return pushImage(this.docker, reference, signal);
  }

  pull(reference: string, signal: AbortSignal | undefined) {
    return pullImage(this.docker, reference, signal);
  }

  saveTo(names: readonly string[], sink: NodeJS.WritableStream, progress?: TransferReporter) {
    return saveImages(this.docker, names, sink, progress);
  }

  loadFrom(archive: NodeJS.ReadableStream, progress?: TransferReporter) {
    return loadImages(this.docker, archive, progress);
  }

  importFrom(archive: NodeJS.ReadableStream, input: z.output<typeof imageImportInput>, progress?: TransferReporter) {
    return importImage(this.docker, archive, input, progress);
  }

  remove({ ids, force }: { ids: string[]; force: boolean }) {
    return forEachId(ids, 'Image', (id) => this.removeOne(id, force));
  }

  /** Removes one image name (or id); a refusal names the containers that use it, running or stopped. */
  private async removeOne(reference: string, force: boolean): Promise<void> {
    try {
      await this.docker.getImage(reference).remove({ force });
    } catch (e) {
      const error = fromDockerError(e, `Image ${reference}`);
      if (error.code !== 'CONFLICT') throw error;
      const [info, containers] = await Promise.all([
        this.docker.getImage(reference).inspect().catch(log.fallback('inspecting an image before removing it', undefined)),
        this.docker.listContainers({ all: true }).catch(log.fallback('listing containers that use an image', [])),
      ]);
      if (!info) throw error;
      const users = containers
        .filter((c) => c.ImageID === info.Id)
        .map((c) => ({ name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''), state: c.State }));
      throw explainRemoveConflict(error, reference, users, info.RepoTags ?? []);
    }
  }

  async prunePreview({ mode }: { mode: PruneMode }): Promise<ImagePrunePreview> {
    const [listed, containers] = await Promise.all([listImages(this.docker), engineCall(this.docker.listContainers({ all: true }))]);
    const used = new Set(containers.map((c) => c.ImageID));
    const images = listed.filter((i) => !used.has(i.id) && (mode === 'unused' || i.dangling));
    return {
      mode,
      images: images.map(({ id, tags, digests, size }) => ({ id, tags, digests, size })),
      totalSize: images.reduce((sum, i) => sum + i.size, 0),
    };
  }

  prune({ ids }: { ids: string[] }) {
    // Exactly the previewed images, without force: one that came into use since is kept, and says so.
    return forEachId(ids, 'Image', (id) => this.removeOne(id, false));
  }
}
