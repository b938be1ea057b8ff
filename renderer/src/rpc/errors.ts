import { TRPCClientError } from '@trpc/client';
import { isBerthErrorShape, type BerthErrorShape } from '../../../engine/contract/errors';

/** Any failure from a contract call, as the structured error the trusted side sent. */
export function toBerthError(error: unknown): BerthErrorShape {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? undefined) as { berth?: unknown } | undefined;
    if (isBerthErrorShape(data?.berth)) return data.berth;
    // The transport's own words (a closed socket, a failed fetch) are quoted beside the catalog's.
    return {
      code: 'ENGINE_UNAVAILABLE',
      message: error.message,
      hint: 'Berth lost its link to the engine host; it reconnects by itself.',
      reason: 'hostLinkLost',
      engineText: error.message,
    };
  }
  if (isBerthErrorShape(error)) return error;
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Whether `error` is a live engine's answer (it refused: no such container, a logging driver that
 * keeps no logs…) rather than a lost link to the engine or to Berth's host, or a failure inside
 * Berth: only the trusted side's structured errors other than ENGINE_UNAVAILABLE and INTERNAL are.
 */
export function isEngineAnswer(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const berth = (error.data as { berth?: unknown } | undefined)?.berth;
  return isBerthErrorShape(berth) && berth.code !== 'ENGINE_UNAVAILABLE' && berth.code !== 'INTERNAL';
}
