import { envLineProblem, envProblemText, type EnvProblemCode } from '../../../engine/contract/env';

/**
 * "key=value" lines (labels, driver options, build arguments) as a record, or the first line that is
 * not one. Read by docker's env-file rules (engine/contract/env.ts, after docker/cli opts/file.go):
 * blank lines and "#" comments are skipped, leading whitespace goes, the value is kept exactly,
 * the key is anything without spaces. A bare `key` is refused (docker would read a build argument
 * from its shell, and give a label an empty value; Berth asks for key= to say so).
 */
export function parseKeyValueLines(
  text: string,
): { values: Record<string, string> } | { problem: string; line: number; code: EnvProblemCode; params: Record<string, string | number> } {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '').replace(/^\s+/, '');
    if (!line || line.startsWith('#')) continue;
    const problem = envLineProblem(line);
    if (problem) return { ...problem, line: index + 1, problem: `Line ${index + 1}: ${envProblemText(problem)}` };
    const eq = line.indexOf('=');
    values[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return { values };
}
