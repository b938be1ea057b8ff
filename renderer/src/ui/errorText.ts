import type { i18n as I18n } from 'i18next';
import type { BerthErrorShape } from '../../../engine/contract/errors';
import { problemValues } from '../../../engine/contract/input-problems';
import { tIfExists } from '../i18n/keys';

/** An error as a person reads it: Berth's own words where it knows the reason, the engine's beside them. */
export interface ErrorText {
  /** What went wrong, in the person's language when the reason is known; else the engine's text. */
  text: string;
  /** The engine's or registry's own words, shown quoted beside `text` when `text` is Berth's. */
  quoted?: string;
  hint?: string;
}

/**
 * Words a structured error from the catalogs: a refused input by its `problems.<problem>` words,
 * anything else by `errors.<reason>` (and `errors.<reason>Hint` when the catalog has one), list
 * params joined with commas. Without a reason (or a catalog entry for it) the
 * engine's message and Berth's English hint are shown as they came.
 */
export function errorText(i18n: Pick<I18n, 't' | 'exists'>, error: BerthErrorShape): ErrorText {
  // A value a schema refused names its own words (`problems.<problem>`, engine/contract/input-problems.ts).
  const problem = error.reason === 'inputProblem' ? error.params?.problem : undefined;
  if (typeof problem === 'string') {
    const { problem: _problem, field: _field, ...params } = error.params ?? {};
    const text = tIfExists(i18n, `problems.${problem}`, problemValues(params));
    if (text !== undefined) return { text };
  }
  const key = error.reason ? `errors.${error.reason}` : undefined;
  const values = Object.fromEntries(Object.entries(error.params ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
  const text = key === undefined ? undefined : tIfExists(i18n, key, values);
  if (text === undefined) return { text: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  const hint = tIfExists(i18n, `${key}Hint`, values);
  // `message` is Berth's English then; only what the engine itself said is shown beside the words.
  return { text, ...(error.engineText ? { quoted: error.engineText } : {}), ...(hint ? { hint } : {}) };
}
