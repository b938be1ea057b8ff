import { describe, expect, it } from 'vitest';
import { isIgnored, parseDockerignore } from './dockerignore.js';

describe('.dockerignore', () => {
  const rules = parseDockerignore(['# comment', 'node_modules', '*.log', '**/secret.txt', 'build/', '!build/keep.txt', ''].join('\n'));

  it('leaves out what the patterns name, folders with everything in them', () => {
    expect(isIgnored('node_modules', rules)).toBe(true);
    expect(isIgnored('node_modules/a/b.js', rules)).toBe(true);
    expect(isIgnored('debug.log', rules)).toBe(true);
    expect(isIgnored('deep/inside/secret.txt', rules)).toBe(true);
    expect(isIgnored('secret.txt', rules)).toBe(true);
    expect(isIgnored('build/out.bin', rules)).toBe(true);
  });

  it('keeps the rest, and what "!" brings back', () => {
    expect(isIgnored('src/app.js', rules)).toBe(false);
    expect(isIgnored('logs/debug.txt', rules)).toBe(false);
    expect(isIgnored('sub/debug.log', rules)).toBe(false);
    expect(isIgnored('build/keep.txt', rules)).toBe(false);
  });
});
