import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { archiveFileName } from '../contract/cli.js';
import { firstInputProblem, type InputProblem } from '../contract/input-problems.js';
import { containerRef, imageImportInput, imageSaveNames } from '../contract/schemas.js';
import type { EngineApi } from '../contract/service.js';
import type { HttpRoute } from './downloads.js';
import { checked, failed, plain, refused, transferParam } from './http-answers.js';

/**
 * The web host's doors for images and containers as files: docker save and export as downloads the
 * browser writes to disk, docker load and import as uploads streamed to the engine. The desktop
 * shell does the same through its own dialogs (electron/desktop-bridge.ts).
 */

function query(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
}

function sendJson(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

/** An upload the engine or Berth refused: its input problem, else the structured error the page words. */
function uploadFailed(res: ServerResponse, req: IncomingMessage, error: unknown, problem: InputProblem | undefined): void {
  req.resume();
  if (problem) return refused(res, problem);
  failed(res, error);
}

/** GET /download/image-save?name=<image>&name=…[&transfer=<id>]: docker save of those images as one .tar. */
export function imageSaveRoute(engine: EngineApi): HttpRoute {
  return {
    method: 'GET',
    pattern: /^\/download\/image-save$/,
    async handle(req, res) {
      const names = query(req).getAll('name');
      const transfer = transferParam(req);
      if (transfer.problem) return plain(res, 400, transfer.problem.message);
      const problem = firstInputProblem(imageSaveNames, names);
      await engine.transfers
        .track(transfer.id, async (progress) => {
          checked(problem);
          const answer = tarAttachment(res, archiveFileName(names[0] ?? 'images', '.tar'));
          await engine.images.saveTo(names, answer.sink, progress);
          answer.finish();
        })
        .catch((e: Error) => (res.headersSent ? res.destroy() : plain(res, problem ? 400 : 502, e.message)));
    },
  };
}

/** GET /download/container-export/<container>[?transfer=<id>]: docker export of its file system as a .tar. */
export function containerExportRoute(engine: EngineApi): HttpRoute {
  return {
    method: 'GET',
    pattern: /^\/download\/container-export\/([^/]+)$/,
    async handle(req, res, [encoded]) {
      const container = decodeURIComponent(encoded ?? '');
      const transfer = transferParam(req);
      if (transfer.problem) return plain(res, 400, transfer.problem.message);
      const problem = firstInputProblem(containerRef, container);
      await engine.transfers
        .track(transfer.id, async (progress) => {
          checked(problem);
          const answer = tarAttachment(res, archiveFileName(container, '.tar'));
          await engine.containers.exportTo(container, answer.sink, progress);
          answer.finish();
        })
        .catch((e: Error) => (res.headersSent ? res.destroy() : plain(res, problem ? 400 : 502, e.message)));
    },
  };
}

/**
 * The answer as a sink whose head (200, a .tar attachment) is written with the first byte: an engine
 * that refuses before sending anything (no such image) still gets a plain status, not an empty .tar
 * saved to disk. Back-pressure passes through.
 */
function tarAttachment(res: ServerResponse, fileName: string): { sink: Writable; finish(): void } {
  const head = () => {
    if (res.headersSent) return;
    res.writeHead(200, { 'Content-Type': 'application/x-tar', 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': 'no-store' });
  };
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      head();
      if (res.write(chunk)) callback();
      else res.once('drain', () => callback());
    },
  });
  // A download the person cancelled never drains: fail the copy, so the engine's stream is let go.
  res.once('close', () => {
    if (!res.writableFinished) sink.destroy(new Error('The download was closed before its end.'));
  });
  return {
    sink,
    finish() {
      head();
      res.end();
    },
  };
}

/** POST /upload/image-load[?transfer=<id>] with a docker save archive: answers { loaded: [names] }. */
export function imageLoadRoute(engine: EngineApi): HttpRoute {
  return {
    method: 'POST',
    pattern: /^\/upload\/image-load$/,
    async handle(req, res) {
      const transfer = transferParam(req);
      if (transfer.problem) return refused(res, transfer.problem);
      const length = Number(req.headers['content-length']);
      try {
        const result = await engine.transfers.track(transfer.id, (progress) => engine.images.loadFrom(req, progress), Number.isFinite(length) ? length : undefined);
        sendJson(res, result);
      } catch (e) {
        uploadFailed(res, req, e, undefined);
      }
    },
  };
}

/** POST /upload/image-import?reference=<name>&message=<text>&change=<line>…[&transfer=<id>] with a file system tar: answers { id }. */
export function imageImportRoute(engine: EngineApi): HttpRoute {
  return {
    method: 'POST',
    pattern: /^\/upload\/image-import$/,
    async handle(req, res) {
      const params = query(req);
      const transfer = transferParam(req);
      if (transfer.problem) return refused(res, transfer.problem);
      const input = { reference: params.get('reference') ?? '', message: params.get('message') ?? '', changes: params.getAll('change') };
      const parsed = imageImportInput.safeParse(input);
      const problem = parsed.success ? undefined : firstInputProblem(imageImportInput, input);
      const length = Number(req.headers['content-length']);
      try {
        const result = await engine.transfers.track(
          transfer.id,
          (progress) => {
            checked(problem);
            return engine.images.importFrom(req, parsed.data!, progress);
          },
          Number.isFinite(length) ? length : undefined,
        );
        sendJson(res, result);
      } catch (e) {
        uploadFailed(res, req, e, problem);
      }
    },
  };
}

export function imageTransferRoutes(engine: EngineApi): HttpRoute[] {
  return [imageSaveRoute(engine), containerExportRoute(engine), imageLoadRoute(engine), imageImportRoute(engine)];
}
