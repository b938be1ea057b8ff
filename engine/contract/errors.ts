/**
 * Errors that keep their meaning across the border: every failure that reaches the UI is a code a
 * program can branch on, a message a person can read, and (where we know one) a hint saying what
 * would make it work.
 */
export const errorCodes = [
  'ENGINE_UNAVAILABLE',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_INPUT',
  'NOT_RUNNING',
  'ENGINE_ERROR',
  'INTERNAL',
] as const;

export type BerthErrorCode = (typeof errorCodes)[number];

/** Values a reason's wording fills in: names, addresses, lists of names. */
export type ErrorParams = Record<string, string | number | readonly string[]>;

export interface BerthErrorShape {
  code: BerthErrorCode;
  message: string;
  hint?: string;
  /**
   * What exactly happened, when Berth knows (e.g. 'registry-login-required'): the renderer words it
   * from its catalogs (`errors.<reason>`) with `params`. Beside those words it quotes `message` when
   * that is the engine's or registry's own text; an INVALID_INPUT refusal is Berth's own, so its
   * English `message` is never shown where the catalog has words (renderer/src/ui/errorText.ts).
   */
  reason?: string;
  params?: ErrorParams;
}

export class BerthError extends Error implements BerthErrorShape {
  override readonly name = 'BerthError';
  constructor(
    readonly code: BerthErrorCode,
    message: string,
    readonly hint?: string,
    readonly detail?: { reason: string; params?: ErrorParams },
  ) {
    super(message);
  }

  get reason(): string | undefined {
    return this.detail?.reason;
  }

  get params(): ErrorParams | undefined {
    return this.detail?.params;
  }

  toShape(): BerthErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.detail ? { reason: this.detail.reason, ...(this.detail.params ? { params: this.detail.params } : {}) } : {}),
    };
  }
}

/** Any thrown value as an error shape: a BerthError keeps its own; anything else gets `code` (and `hint`). */
export function toErrorShape(error: unknown, code: BerthErrorCode, hint?: string): BerthErrorShape {
  if (error instanceof BerthError) return error.toShape();
  const message = error instanceof Error ? error.message : String(error);
  return hint === undefined ? { code, message } : { code, message, hint };
}

export function isBerthErrorShape(value: unknown): value is BerthErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.message === 'string' &&
    typeof v.code === 'string' &&
    (errorCodes as readonly string[]).includes(v.code)
  );
}
