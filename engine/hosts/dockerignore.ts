import { posix } from 'node:path';
import { BerthError } from '../contract/errors.js';

/**
 * .dockerignore as docker reads it: the lines as moby/patternmatcher's ignorefile.ReadAll cleans
 * them, and each path judged as PatternMatcher.MatchesOrParentMatches judges it (a pattern matching
 * a parent folder matches everything in it; later patterns win; "!" re-includes).
 *
 * Matching runs a small automaton over the path (Thompson's construction) instead of a JavaScript
 * regular expression: docker compiles patterns for Go's RE2, which never backtracks, and a
 * backtracking engine would stall on patterns like `**∕**∕**∕x` against a deep path. Time is
 * linear in the path's length times the pattern's.
 *
 * Not @balena/dockerignore (dockerode's): version 1.0.2 disagrees with 15 of the 126 rows of
 * patternmatcher's tables ported in dockerignore.test.ts, names holding "(" or "+" among them.
 */

/** One cleaned pattern: `pattern` has no leading "!"; `line` is 1-based in the .dockerignore. */
export interface IgnorePattern {
  pattern: string;
  exclusion: boolean;
  line: number;
  match: (path: string) => boolean;
}

/**
 * The patterns of a .dockerignore, cleaned as docker cleans them.
 * Throws BerthError INVALID_INPUT, reason `dockerignorePattern` with params `{ line, pattern }`,
 * where docker refuses the build (a lone "!", an unterminated or malformed "[...]", a trailing "\").
 */
export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((raw, index) => {
      // bufio.ScanLines drops a trailing \r; comments are recognised before trimming.
      const line = raw.replace(/\r$/, '');
      if (line.startsWith('#')) return;
      let pattern = line.trim();
      if (!pattern) return;
      const exclusion = pattern.startsWith('!');
      if (exclusion) pattern = pattern.slice(1).trim();
      if (pattern) {
        pattern = clean(pattern);
        if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
      }
      // patternmatcher.New cleans once more (with the "!" still on, as docker does).
      const again = clean((exclusion ? '!' : '') + pattern);
      const cleaned = exclusion ? again.slice(1) : again;
      if (exclusion && !cleaned) throw badPattern(index + 1, line.trim(), 'A lone “!” re-includes nothing.');
      const problem = syntaxProblem(cleaned);
      if (problem) throw badPattern(index + 1, line.trim(), problem);
      patterns.push({ pattern: cleaned, exclusion, line: index + 1, match: compile(cleaned) });
    });
  return patterns;
}

function badPattern(line: number, pattern: string, why: string): BerthError {
  return new BerthError('INVALID_INPUT', `.dockerignore line ${line}: “${pattern}” is not a valid pattern. ${why}`, 'Fix or remove that line; docker refuses it too.', {
    reason: 'dockerignorePattern',
    params: { line, pattern },
  });
}

/** Go's filepath.Clean on slash paths: "./a/../b" → "b", "a//b/" → "a/b", "" → ".". */
export function clean(path: string): string {
  if (!path) return '.';
  const normal = posix.normalize(path);
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

/**
 * Whether `path` (context-relative, forward slashes, no leading "./") is left out of the context:
 * MatchesOrParentMatches, which also tries each parent folder against each pattern.
 */
export function isIgnored(path: string, patterns: readonly IgnorePattern[]): boolean {
  const parts = path.split('/');
  let matched = false;
  for (const p of patterns) {
    // An inclusion cannot change a path already left out, nor an exception one still in.
    if (p.exclusion !== matched) continue;
    let hit = p.match(path);
    for (let i = 1; !hit && i < parts.length; i++) hit = p.match(parts.slice(0, i).join('/'));
    if (hit) matched = !p.exclusion;
  }
  return matched;
}

/**
 * Whether some exception ("!") could re-include a path inside the left-out folder `dir`, so the
 * walk must look inside it. Docker's classic builder asks only whether an exception's text starts
 * with `dir/`; BuildKit (docker build's default) looks wherever an exception with wildcards could
 * reach. This follows BuildKit: part by part, "**" reaches anything below.
 */
export function mayReincludeInside(dir: string, patterns: readonly IgnorePattern[]): boolean {
  const dirParts = dir.split('/');
  return patterns.some((p) => {
    if (!p.exclusion) return false;
    const parts = p.pattern.split('/');
    for (let i = 0; i < dirParts.length; i++) {
      const part = parts[i];
      if (part === undefined) return false;
      // "**", or a part that only makes sense whole (a "/" inside "[...]"): it may reach inside.
      if (part.includes('**') || syntaxProblem(part)) return true;
      if (!compile(part)(dirParts[i]!)) return false;
    }
    return parts.length > dirParts.length;
  });
}

// ---- syntax, as Go's filepath.Match reports ErrBadPattern (and RE2 refuses a reversed range) ----

/** Why `pattern` is malformed, or undefined when it is fine. */
function syntaxProblem(pattern: string): string | undefined {
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\') {
      if (i + 1 >= chars.length) return 'It ends in a lone “\\”.';
      i++;
    } else if (c === '[') {
      const parsed = parseClass(chars, i + 1);
      if (typeof parsed === 'string') return parsed;
      i = parsed.end;
    }
  }
  return undefined;
}

interface CharClass {
  negate: boolean;
  ranges: [number, number][];
  /** Index of the closing "]". */
  end: number;
}

/** Parses a "[...]" whose contents start at `start`; a string is the reason it is malformed. */
function parseClass(chars: string[], start: number): CharClass | string {
  let i = start;
  const negate = chars[i] === '^';
  if (negate) i++;
  const ranges: [number, number][] = [];
  const escaped = (): number | string => {
    const c = chars[i];
    if (c === undefined) return 'A “[” is never closed.';
    if (c === '-' || c === ']') return `A “${c}” inside “[...]” needs a “\\” before it.`;
    if (c === '\\') {
      i++;
      if (chars[i] === undefined) return 'A “[” is never closed.';
    }
    return chars[i++]!.codePointAt(0)!;
  };
  for (;;) {
    if (chars[i] === ']' && ranges.length > 0) return { negate, ranges, end: i };
    const lo = escaped();
    if (typeof lo === 'string') return lo;
    let hi = lo;
    if (chars[i] === '-') {
      i++;
      const h = escaped();
      if (typeof h === 'string') return h;
      hi = h;
      if (hi < lo) return `The range “${String.fromCodePoint(lo)}-${String.fromCodePoint(hi)}” runs backwards.`;
    }
    ranges.push([lo, hi]);
  }
}

// ---- matching ----

type Node = { kind: 'char'; test: (c: string) => boolean; out: number } | { kind: 'split'; a: number; b: number } | { kind: 'accept' };

/**
 * A matcher for one valid pattern, following patternmatcher's compile: an exact, prefix ("dir/**")
 * or suffix ("**∕name", "**name") comparison where the pattern allows, else an automaton for the
 * regular expression docker would build.
 */
function compile(pattern: string): (path: string) => boolean {
  const chars = [...pattern];
  type Token = { kind: 'lit'; c: string } | { kind: 'one'; test: (c: string) => boolean } | { kind: 'star' } | { kind: 'dirs' } | { kind: 'rest' };
  const tokens: Token[] = [];
  let type: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  for (let i = 0, step = 0; i < chars.length; step++) {
    const c = chars[i++]!;
    if (c === '*' && chars[i] === '*') {
      i++;
      if (chars[i] === '/') i++;
      if (i >= chars.length) {
        if (type === 'exact') type = 'prefix';
        else {
          tokens.push({ kind: 'rest' });
          type = 'regexp';
        }
      } else {
        tokens.push({ kind: 'dirs' });
        type = 'regexp';
      }
      if (step === 0) type = 'suffix';
    } else if (c === '*') {
      tokens.push({ kind: 'star' });
      type = 'regexp';
    } else if (c === '?') {
      tokens.push({ kind: 'one', test: (x) => x !== '/' });
      type = 'regexp';
    } else if (c === '\\' && i < chars.length) {
      tokens.push({ kind: 'lit', c: chars[i++]! });
      type = 'regexp';
    } else if (c === '[') {
      const parsed = parseClass(chars, i) as CharClass;
      i = parsed.end + 1;
      const { negate, ranges } = parsed;
      tokens.push({
        kind: 'one',
        test: (x) => {
          const code = x.codePointAt(0)!;
          return ranges.some(([lo, hi]) => code >= lo && code <= hi) !== negate;
        },
      });
      type = 'regexp';
    } else tokens.push({ kind: 'lit', c });
  }

  if (type === 'exact') return (path) => path === pattern;
  if (type === 'prefix') {
    const prefix = pattern.slice(0, -2);
    return (path) => path.startsWith(prefix);
  }
  if (type === 'suffix') {
    const suffix = pattern.slice(2);
    return (path) => path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
  }

  // Thompson NFA, built back to front so each node knows where it goes next.
  const nodes: Node[] = [{ kind: 'accept' }];
  const add = (node: Node): number => nodes.push(node) - 1;
  const notSlash = (x: string) => x !== '/';
  const notNewline = (x: string) => x !== '\n'; // RE2's "." stops at a newline, as in docker
  let next = 0;
  for (let t = tokens.length - 1; t >= 0; t--) {
    const token = tokens[t]!;
    if (token.kind === 'lit') next = add({ kind: 'char', test: (x) => x === token.c, out: next });
    else if (token.kind === 'one') next = add({ kind: 'char', test: token.test, out: next });
    else if (token.kind === 'star' || token.kind === 'rest') {
      // split → (char → split) | next
      const split = add({ kind: 'split', a: -1, b: next });
      const loop = add({ kind: 'char', test: token.kind === 'star' ? notSlash : notNewline, out: split });
      (nodes[split] as { a: number }).a = loop;
      next = split;
    } else {
      // (.*/)? : skip, or loop over any characters and leave on a "/"
      const inner = add({ kind: 'split', a: -1, b: -1 });
      const any = add({ kind: 'char', test: notNewline, out: inner });
      const slash = add({ kind: 'char', test: (x) => x === '/', out: next });
      Object.assign(nodes[inner]!, { a: any, b: slash });
      next = add({ kind: 'split', a: inner, b: next });
    }
  }
  const start = next;
  return (path) => {
    let current = closure([start], nodes);
    for (const c of path) {
      const moved: number[] = [];
      for (const n of current) {
        const node = nodes[n]!;
        if (node.kind === 'char' && node.test(c)) moved.push(node.out);
      }
      if (moved.length === 0) return false;
      current = closure(moved, nodes);
    }
    return current.some((n) => nodes[n]!.kind === 'accept');
  };
}

/** The nodes reachable from `from` without reading a character, each once. */
function closure(from: number[], nodes: Node[]): number[] {
  const seen = new Set<number>();
  const stack = [...from];
  const out: number[] = [];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    const node = nodes[n]!;
    if (node.kind === 'split') stack.push(node.a, node.b);
    else out.push(n);
  }
  return out;
}
