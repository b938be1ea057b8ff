/**
 * Environment lines as docker reads an env file (github.com/docker/cli opts/file.go
 * parseKeyValueFile, opts/env.go ValidateEnv): one KEY=value per line; leading whitespace is
 * dropped, blank lines and lines starting with "#" are skipped, the value is kept exactly (trailing
 * spaces too, only a CRLF's "\r" goes), and the key is anything non-empty without spaces or tabs
 * (spring.profiles.active, my-var and with.dots are all fine).
 *
 * Where Berth differs on purpose: docker reads a bare `KEY` line from the shell running the CLI
 * (and drops it when unset). Berth has no such shell (the engine may be remote and Berth's own
 * environment is not the person's), so a bare KEY is refused with a problem saying to write
 * KEY=value, or KEY= for an empty value.
 */
export type EnvProblemCode = 'noKey' | 'keySpaces' | 'noValue' | 'nul';

export interface EnvProblem {
  /** 1-based line number in the text. */
  line: number;
  code: EnvProblemCode;
  params: Record<string, string | number>;
}

/** The lines as the engine's Env list, and every problem (empty when there is none). */
export function parseEnvText(text: string): { env: string[]; problems: EnvProblem[] } {
  const env: string[] = [];
  const problems: EnvProblem[] = [];
  text.split('\n').forEach((rawLine, index) => {
    const line = (index === 0 ? rawLine.replace(/^\uFEFF/, '') : rawLine).replace(/\r$/, '').replace(/^\s+/, '');
    if (!line || line.startsWith('#')) return;
    const problem = envLineProblem(line);
    if (problem) problems.push({ line: index + 1, ...problem });
    else env.push(line);
  });
  return { env, problems };
}

/** What is wrong with one KEY=value entry, or undefined when the engine may have it. */
export function envLineProblem(line: string): Omit<EnvProblem, 'line'> | undefined {
  const eq = line.indexOf('=');
  const key = eq === -1 ? line : line.slice(0, eq);
  if (line.includes('\0')) return { code: 'nul', params: {} };
  if (key === '') return { code: 'noKey', params: { text: line } };
  if (/[ \t]/.test(key)) return { code: 'keySpaces', params: { key } };
  if (eq === -1) return { code: 'noValue', params: { key } };
  return undefined;
}

const messages: Record<EnvProblemCode, (p: Record<string, string | number>) => string> = {
  noKey: (p) => `"${p.text}" has no name before "="; write NAME=value.`,
  keySpaces: (p) => `The name "${p.key}" has spaces; a variable name has none, e.g. LOG_LEVEL=debug.`,
  noValue: (p) => `"${p.key}" has no value. Berth does not copy variables from a shell as docker does: write ${p.key}=value, or ${p.key}= for an empty value.`,
  nul: () => 'An environment variable cannot hold a NUL character.',
};

export function envProblemText(problem: Omit<EnvProblem, 'line'>): string {
  return messages[problem.code](problem.params);
}

/** Keys whose values are secrets by their name (issue 11): masked in printed commands until revealed. */
const secretKey = /PASS|PWD|TOKEN|SECRET|KEY|PRIVATE|CREDENTIAL|AUTH|CERT|SALT|SESSION|COOKIE/i;

export function isSecretKey(key: string): boolean {
  return secretKey.test(key);
}
