import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { tKnown, type CatalogKey } from '../i18n/keys';
import { firstInputProblem, issueProblem, problemValues, type InputProblem } from '../../../engine/contract/input-problems';

/** A problem's words in the current language: `problems.<key>` filled from its params. */
export function problemText(t: TFunction, problem: Pick<InputProblem, 'key' | 'params'>): string {
  // A problem's key is one of input-problems.ts's codes; catalogs.test.ts checks each is worded.
  return tKnown(t, `problems.${problem.key}` as CatalogKey, problemValues(problem.params));
}

/**
 * What is wrong with a value by a contract schema, worded in the current language, or undefined
 * when the schema takes it. For validate-as-you-type: the same rule the trusted side applies.
 */
export function firstProblemText(t: TFunction, schema: z.ZodType, value: unknown): string | undefined {
  const problem = firstInputProblem(schema, value);
  return problem && problemText(t, problem);
}

/** One zod issue (e.g. of a form's several fields) worded in the current language. */
export function issueText(t: TFunction, issue: z.core.$ZodIssue): string {
  return problemText(t, issueProblem(issue));
}
