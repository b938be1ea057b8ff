import type { IncomingMessage, ServerResponse } from 'node:http';
import { BerthError } from '../contract/errors.js';
import { containerRef, firstProblem } from '../contract/schemas.js';
import type { EngineApi } from '../contract/service.js';

/** An HTTP endpoint of the web host beside the contract, for bytes that should not cross a WebSocket as JSON. */
export interface HttpRoute {
  pattern: RegExp;
  handle(req: IncomingMessage, res: ServerResponse, params: string[]): Promise<void>;
}

/**
 * GET /download/logs/<container>: the container's whole log as a file, written by the trusted side
 * straight from the engine (the same bytes as `docker logs NAME > file 2>&1`).
 */
export function logDownloadRoute(engine: EngineApi): HttpRoute {
  return {
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
