import { TRPCClientError } from '@trpc/client';
import type { TFunction } from 'i18next';
import { isBerthErrorShape, type BerthErrorShape } from '../../../engine/contract/errors';

/** Any failure from a contract call, as the structured error the trusted side sent. */
export function toBerthError(error: unknown): BerthErrorShape {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? undefined) as { berth?: unknown } | undefined;
    if (isBerthErrorShape(data?.berth)) return data.berth;
    return { code: 'ENGINE_UNAVAILABLE', message: error.message, hint: 'Berth lost its link to the engine host; it reconnects by itself.' };
  }
  if (isBerthErrorShape(error)) return error;
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/**
 * An error in the person's language: the catalog's `errors.<reason>` (and `errors.<reason>Hint`)
 * filled from its params when the engine named a reason the catalog words, else the engine's own
 * message and hint as they came.
 */
export function wordError(t: TFunction, i18nHas: (key: string) => boolean, error: BerthErrorShape): { message: string; hint?: string } {
  const key = error.reason && `errors.${error.reason}`;
  if (!key || !i18nHas(key)) return error.hint === undefined ? { message: error.message } : { message: error.message, hint: error.hint };
  const message = t(key, { ...error.params });
  const hint = i18nHas(`${key}Hint`) ? t(`${key}Hint`, { ...error.params }) : error.hint;
  return hint === undefined ? { message } : { message, hint };
}
