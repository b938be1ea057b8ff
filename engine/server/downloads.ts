import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BerthError } from '../contract/errors.js';
import { firstInputProblem } from '../contract/input-problems.js';
import { containerRef, fileName, filePath, firstProblem, volumeName, volumeRef } from '../contract/schemas.js';
import type { EngineApi } from '../contract/service.js';
import { countBytes } from '../shared/byte-counters.js';
import { withFileStream } from '../shared/read-file-stream.js';
import { maxTarFileBytes } from '../shared/tar.js';
import { checked, failed, plain, refused, transferParam } from './http-answers.js';
import { imageTransferRoutes } from './image-transfers.js';
import { logFor } from '../shared/log.js';

const log = logFor('downloads');

/** An HTTP endpoint of the web host beside the contract, for bytes that should not cross a WebSocket as JSON. */
export interface HttpRoute {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle(req: IncomingMessage, res: ServerResponse, params: string[]): Promise<void>;
}

/**
 * GET /download/logs/<container>: the container's whole log as a file, written by the trusted side
 * straight from the engine (the same bytes as `docker logs NAME > file 2>&1`).
 */
export function logDownloadRoute(engine: EngineApi): HttpRoute {
  return {
    method: 'GET',
    pattern: /^\/download\/logs\/([^/]+)$/,
    async handle(_req, res, [encoded]) {
      const id = decodeURIComponent(encoded ?? '');
      const problem = firstProblem(containerRef, id);
      if (problem) return plain(res, 400, problem);
      let fileName: string;
      try {
        fileName = await engine.logs.fileName(id);
      } catch (e) {
        return failed(res, e);
      }
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
        'Cache-Control': 'no-store',
      });
      try {
        await engine.logs.download(id, res);
        res.end();
      } catch (error) {
        log.caught('downloading a container log', error);
        // Headers are gone; a cut-off download is the only honest signal left.
        res.destroy();
      }
    },
  };
}



/** Largest file one upload takes: what one tar entry (the engine's archive API) can hold. */
export const maxUploadBytes = maxTarFileBytes;
// 8 GiB less one byte: "8 GiB" is what a person reads.
const maxUploadText = `${Math.round(maxUploadBytes / 2 ** 30)} GiB`;

export function uploadTooLarge(name: string): BerthError {
  return new BerthError('INVALID_INPUT', `${name} is larger than ${maxUploadText}, the most one upload can carry.`, 'Copy it with docker cp, or split it.', {
    reason: 'uploadTooLarge',
    params: { name, limit: maxUploadText },
  });
}

/**
 * Writes a request's body to a new file under `spoolDir` before any of it reaches the engine, so an
 * upload cut off halfway never replaces a good file with half of one, and memory holds none of it.
 */
async function spoolBody(req: IncomingMessage, spoolDir: string): Promise<{ path: string; size: number; remove: () => Promise<void> }> {
  await mkdir(spoolDir, { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(join(spoolDir, 'upload-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'body');
  let size = 0;
  try {
    const limit = countBytes((n) => {
      size += n;
      if (size > maxUploadBytes) limit.destroy(uploadTooLarge('The file'));
    });
    await pipeline(req, limit, createWriteStream(path, { mode: 0o600 }));
    return { path, size, remove };
  } catch (e) {
    await remove();
    throw e;
  }
}

/**
 * GET /download/(volume|container)/<name>?path=/a/b&as=file|folder: a file's bytes, or a folder as a
 * tar, read by the trusted side through the engine's archive API.
 */
export function fileDownloadRoute(engine: EngineApi): HttpRoute {
  return {
    method: 'GET',
    pattern: /^\/download\/(volume|container)\/([^/]+)$/,
    async handle(req, res, [kind, encoded]) {
      const target = decodeURIComponent(encoded ?? '');
      const targetProblem = firstProblem(kind === 'container' ? containerRef : volumeRef, target);
      if (targetProblem) return plain(res, 400, targetProblem);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.searchParams.get('path') ?? '/';
      const as = url.searchParams.get('as') === 'folder' ? 'folder' : 'file';
      const problem = firstProblem(filePath, path);
      if (problem) return plain(res, 400, problem);
      const base = path.split('/').filter(Boolean).at(-1) ?? target;
      res.writeHead(200, {
        'Content-Type': as === 'folder' ? 'application/x-tar' : 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${(as === 'folder' ? `${base}.tar` : base).replace(/[^\w.-]/g, '_')}"`,
        'Cache-Control': 'no-store',
      });
      try {
        if (kind === 'container') await engine.containers.downloadFile(target, path, as, res);
        else await engine.volumes.download(target, path, as, res);
        res.end();
      } catch (error) {
        log.caught('downloading files', error);
        res.destroy();
      }
    },
  };
}

/**
 * POST /upload/(volume|container)/<name>?path=/folder&name=file.txt with the file's bytes as the body,
 * spooled to a file under `spoolDir` first, then streamed to the engine.
 */
export function fileUploadRoute(engine: EngineApi, spoolDir: string): HttpRoute {
  return {
    method: 'POST',
    pattern: /^\/upload\/(volume|container)\/([^/]+)$/,
    async handle(req, res, [kind, encoded]) {
      const target = decodeURIComponent(encoded ?? '');
      const targetProblem = firstInputProblem(kind === 'container' ? containerRef : volumeRef, target);
      if (targetProblem) return refused(res, targetProblem);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const folder = url.searchParams.get('path') ?? '/';
      const name = url.searchParams.get('name') ?? '';
      const problem = firstInputProblem(filePath, folder) ?? firstInputProblem(fileName, name);
      if (problem) return refused(res, problem);
      if (Number(req.headers['content-length']) > maxUploadBytes) return failed(res, uploadTooLarge(name), 413);
      let body: Awaited<ReturnType<typeof spoolBody>>;
      try {
        body = await spoolBody(req, spoolDir);
      } catch (e) {
        if (e instanceof BerthError) return failed(res, uploadTooLarge(name), 413);
        // The page went away mid-upload: nothing reached the engine, and nobody is left to tell.
        if (req.destroyed) return void res.destroy();
        // Berth's own side failed (a full disk, a folder it may not write): say so.
        const code = (e as NodeJS.ErrnoException).code;
        const local = new BerthError('INTERNAL', `Berth could not take the upload in: ${(e as Error).message}`, undefined, { reason: 'localFileFailed', engineText: (e as Error).message });
        return failed(res, local, code === 'ENOSPC' ? 507 : 500);
      }
      try {
        await withFileStream(body.path, (bytes) =>
          kind === 'container' ? engine.containers.uploadFile(target, folder, name, { size: body.size, bytes }) : engine.volumes.upload(target, folder, name, { size: body.size, bytes }),
        );
        plain(res, 200, 'uploaded');
      } catch (e) {
        failed(res, e);
      } finally {
        await body.remove();
      }
    },
  };
}



/** GET /download/volume-export/<name>[?transfer=<id>]: the whole volume as a .tar.gz. */
export function volumeExportRoute(engine: EngineApi): HttpRoute {
  return {
    method: 'GET',
    pattern: /^\/download\/volume-export\/([^/]+)$/,
    async handle(req, res, [encoded]) {
      const volume = decodeURIComponent(encoded ?? '');
      const transfer = transferParam(req);
      if (transfer.problem) return plain(res, 400, transfer.problem.message);
      const problem = firstInputProblem(volumeRef, volume);
      await engine.transfers
        .track(transfer.id, async (progress) => {
          checked(problem);
          res.writeHead(200, {
            'Content-Type': 'application/gzip',
            'Content-Disposition': `attachment; filename="${volume.replace(/[^\w.-]/g, '_')}.tar.gz"`,
            'Cache-Control': 'no-store',
          });
          await engine.volumes.exportTo(volume, res, progress);
          res.end();
        })
        .catch((e: Error) => (res.headersSent ? res.destroy() : plain(res, problem ? 400 : 502, e.message)));
    },
  };
}

/** POST /upload/volume-import/<name>[?transfer=<id>] with a tar (or .tar.gz) body: unpacked into a new or empty volume. */
export function volumeImportRoute(engine: EngineApi): HttpRoute {
  return {
    method: 'POST',
    pattern: /^\/upload\/volume-import\/([^/]+)$/,
    async handle(req, res, [encoded]) {
      const volume = decodeURIComponent(encoded ?? '');
      const transfer = transferParam(req);
      if (transfer.problem) return refused(res, transfer.problem);
      const problem = firstInputProblem(volumeName, volume);
      const length = Number(req.headers['content-length']);
      try {
        await engine.transfers.track(
          transfer.id,
          (progress) => {
            checked(problem);
            return engine.volumes.importFrom(volume, req, progress);
          },
          Number.isFinite(length) ? length : undefined,
        );
        plain(res, 200, 'imported');
      } catch (e) {
        req.resume();
        if (problem) refused(res, problem);
        else plain(res, e instanceof BerthError && e.code === 'CONFLICT' ? 409 : 502, (e as Error).message);
      }
    },
  };
}

/** Every HTTP endpoint the web host serves beside the contract; uploads are spooled under `spoolDir`. */
export function webHostRoutes(engine: EngineApi, spoolDir: string): HttpRoute[] {
  return [
    logDownloadRoute(engine),
    fileDownloadRoute(engine),
    fileUploadRoute(engine, spoolDir),
    volumeExportRoute(engine),
    volumeImportRoute(engine),
    ...imageTransferRoutes(engine),
  ];
}
