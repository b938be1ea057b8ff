/**
 * .dockerignore as the docker CLI reads it (moby/patternmatcher): one pattern per line, # comments,
 * "*" and "?" within a path part, "**" across parts, a leading "!" re-includes, the last match wins.
 */
export interface IgnoreRule {
  negate: boolean;
  pattern: RegExp;
}

export function parseDockerignore(text: string): IgnoreRule[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const cleaned = (negate ? line.slice(1) : line).trim().replace(/^\/+/, '').replace(/\/+$/, '').replace(/^\.\//, '');
      return { negate, pattern: toRegExp(cleaned) };
    });
}

function toRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      // "**/" matches any number of folders, "**" at the end anything.
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A pattern matching a folder also excludes everything in it.
  return new RegExp(`^${source}(?:/.*)?$`);
}

/** Whether a context-relative path (forward slashes) is left out of the build context. */
export function isIgnored(path: string, rules: readonly IgnoreRule[]): boolean {
  let ignored = false;
  for (const rule of rules) if (rule.pattern.test(path)) ignored = !rule.negate;
  return ignored;
}
