import type { IncomingMessage, ServerResponse } from 'node:http';
import { BerthError } from '../contract/errors.js';
import { firstInputProblem, inputRefusal, inputRefusalError, type InputProblem } from '../contract/input-problems.js';
import { transferId } from '../contract/transfer.js';

/** How the web host's download and upload routes answer: plain text, refused input as JSON, transfer ids. */

export function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

/**
 * An upload's refused input, as JSON the page words in the person's language (the same shape as a
 * contract refusal: reason inputProblem, engine/contract/input-problems.ts); a download is a
 * browser navigation, so it answers `plain` English instead.
 */
export function refused(res: ServerResponse, problem: InputProblem): void {
  res.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(inputRefusal(problem)));
}

/**
 * The `transfer` query parameter: an id the page watches (engine.transfers) to show this request's
 * progress, since a browser shows a page nothing of a download's or an upload's bytes.
 */
export function transferParam(req: IncomingMessage): { id?: string; problem?: InputProblem } {
  const id = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('transfer') ?? undefined;
  return { id, problem: id === undefined ? undefined : firstInputProblem(transferId, id) };
}

/**
 * Input problems are the transfer's failure too, so a page watching it says what was wrong, in the
 * person's language (reason inputProblem, worded by the renderer).
 */
export function checked(problem: InputProblem | undefined): void {
  if (problem) throw inputRefusalError(problem);
}

/**
 * A route's failure as the structured error the page words in the person's language (upload.ts
 * hostRefusal reads it): a BerthError as it is, anything else as a plain `unexpected` (its text is
 * an internal detail). 404 for NOT_FOUND, else `status` (default 502).
 */
export function failed(res: ServerResponse, error: unknown, status?: number): void {
  const shape = error instanceof BerthError ? error.toShape() : { code: 'INTERNAL', message: 'Something went wrong inside Berth.', reason: 'unexpected' };
  res.writeHead(status ?? (shape.code === 'NOT_FOUND' ? 404 : 502), { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(shape));
}
