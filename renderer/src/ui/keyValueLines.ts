import type { TFunction } from 'i18next';
import { tKnown } from '../i18n/keys';
import { envLineProblem, type EnvProblemCode } from '../../../engine/contract/env';

/**
 * "key=value" lines (labels, driver options, build arguments) as a record, or the first line that is
 * not one. Read by docker's env-file rules (engine/contract/env.ts, after docker/cli opts/file.go):
 * blank lines and "#" comments are skipped, leading whitespace goes, the value is kept exactly,
 * the key is anything without spaces. A bare `key` is refused (docker would read a build argument
 * from its shell, and give a label an empty value; Berth asks for key= to say so).
 */
export interface LineProblem {
  /** 1-based. */
  line: number;
  code: EnvProblemCode;
  params: Record<string, string | number>;
}

/** A refused line in the person's language ("Line 2: …"), from the same catalog keys as the Run dialog's env lines. */
export function lineProblemText(t: TFunction, problem: LineProblem): string {
  return t('run.envLine', { line: problem.line, problem: tKnown(t, `problems.env.${problem.code}`, problem.params) });
}

export function parseKeyValueLines(
  text: string,
): { values: Record<string, string> } | LineProblem {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '').replace(/^\s+/, '');
    if (!line || line.startsWith('#')) continue;
    const problem = envLineProblem(line);
    if (problem) return { ...problem, line: index + 1 };
    const eq = line.indexOf('=');
    values[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return { values };
}
