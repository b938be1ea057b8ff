import type { IncomingMessage, ServerResponse } from 'node:http';
import { BerthError } from '../contract/errors.js';
import { containerRef, fileName, filePath, firstProblem, volumeName, volumeRef } from '../contract/schemas.js';
import type { EngineApi } from '../contract/service.js';
import { transferId } from '../contract/transfer.js';

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
        return plain(res, e instanceof BerthError && e.code === 'NOT_FOUND' ? 404 : 502, (e as Error).message);
      }
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
        'Cache-Control': 'no-store',
      });
      try {
        await engine.logs.download(id, res);
        res.end();
      } catch {
        // Headers are gone; a cut-off download is the only honest signal left.
        res.destroy();
      }
    },
  };
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

/** Largest upload the web host takes in one request. */
export const maxUploadBytes = 100 * 1024 * 1024;

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
      } catch {
        res.destroy();
      }
    },
  };
}

/** POST /upload/(volume|container)/<name>?path=/folder&name=file.txt with the file's bytes as the body. */
export function fileUploadRoute(engine: EngineApi): HttpRoute {
  return {
    method: 'POST',
    pattern: /^\/upload\/(volume|container)\/([^/]+)$/,
    async handle(req, res, [kind, encoded]) {
      const target = decodeURIComponent(encoded ?? '');
      const targetProblem = firstProblem(kind === 'container' ? containerRef : volumeRef, target);
      if (targetProblem) return plain(res, 400, targetProblem);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const folder = url.searchParams.get('path') ?? '/';
      const name = url.searchParams.get('name') ?? '';
      const problem = firstProblem(filePath, folder) ?? firstProblem(fileName, name);
      if (problem) return plain(res, 400, problem);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxUploadBytes) return plain(res, 413, `Upload at most ${maxUploadBytes / 1024 / 1024} MB at a time.`);
        chunks.push(chunk);
      }
      try {
        if (kind === 'container') await engine.containers.uploadFile(target, folder, name, Buffer.concat(chunks));
        else await engine.volumes.upload(target, folder, name, Buffer.concat(chunks));
        plain(res, 200, 'uploaded');
      } catch (e) {
        plain(res, e instanceof BerthError && e.code === 'NOT_FOUND' ? 404 : 502, (e as Error).message);
      }
    },
  };
}

/**
 * The `transfer` query parameter: an id the page watches (engine.transfers) to show this request's
 * progress, since a browser shows a page nothing of a download's or an upload's bytes.
 */
function transferParam(req: IncomingMessage): { id?: string; problem?: string } {
  const id = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('transfer') ?? undefined;
  return { id, problem: id === undefined ? undefined : firstProblem(transferId, id) };
}

/** Input problems are the transfer's failure too, so a page watching it says what was wrong. */
function checked(problem: string | undefined): void {
  if (problem) throw new BerthError('INVALID_INPUT', problem);
}

/** GET /download/volume-export/<name>[?transfer=<id>]: the whole volume as a .tar.gz. */
export function volumeExportRoute(engine: EngineApi): HttpRoute {
  return {
    method: 'GET',
    pattern: /^\/download\/volume-export\/([^/]+)$/,
    async handle(req, res, [encoded]) {
      const volume = decodeURIComponent(encoded ?? '');
      const transfer = transferParam(req);
      if (transfer.problem) return plain(res, 400, transfer.problem);
      const problem = firstProblem(volumeRef, volume);
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
      if (transfer.problem) return plain(res, 400, transfer.problem);
      const problem = firstProblem(volumeName, volume);
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
        plain(res, problem ? 400 : e instanceof BerthError && e.code === 'CONFLICT' ? 409 : 502, (e as Error).message);
      }
    },
  };
}

/** Every HTTP endpoint the web host serves beside the contract. */
export function webHostRoutes(engine: EngineApi): HttpRoute[] {
  return [logDownloadRoute(engine), fileDownloadRoute(engine), fileUploadRoute(engine), volumeExportRoute(engine), volumeImportRoute(engine)];
}
