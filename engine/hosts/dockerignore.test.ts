import { describe, expect, it } from 'vitest';
import { BerthError } from '../contract/errors.js';
import { clean, isIgnored, mayReincludeInside, parseDockerignore } from './dockerignore.js';

/** patternmatcher's Matches/MatchesOrParentMatches(file, patterns): "." is never left out. */
function matches(text: string, patterns: string[]): boolean {
  const file = clean(text);
  return file !== '.' && isIgnored(file, parseDockerignore(patterns.join('\n')));
}

/** MatchesOrParentMatches on the text as given (TestMatches passes it uncleaned). */
function matchesRaw(text: string, patterns: string[]): boolean {
  return isIgnored(text, parseDockerignore(patterns.join('\n')));
}

// Ported as data from moby/patternmatcher patternmatcher_test.go (commit 1d6a3f4, read from the
// upstream file): TestMatches' `tests` and `multiPatternTests`, checked the way its
// "MatchesOrParentMatches" subtest checks them (exact and inexact both mean "matches"). The
// Windows-only row is left out.
const fail = false;
const exact = true;
const inexact = true;
const testMatches: [pattern: string, text: string, pass: boolean][] = [
  ['**', 'file', exact],
  ['**', 'file/', exact],
  ['**/', 'file', exact], // weird one
  ['**/', 'file/', exact],
  ['**', '/', exact],
  ['**/', '/', exact],
  ['**', 'dir/file', exact],
  ['**/', 'dir/file', exact],
  ['**', 'dir/file/', exact],
  ['**/', 'dir/file/', exact],
  ['**/**', 'dir/file', exact],
  ['**/**', 'dir/file/', exact],
  ['dir/**', 'dir/file', exact],
  ['dir/**', 'dir/file/', exact],
  ['dir/**', 'dir/dir2/file', exact],
  ['dir/**', 'dir/dir2/file/', exact],
  ['**/dir', 'dir', exact],
  ['**/dir', 'dir/file', inexact],
  ['**/dir2/*', 'dir/dir2/file', exact],
  ['**/dir2/*', 'dir/dir2/file/', inexact],
  ['**/dir2/**', 'dir/dir2/dir3/file', exact],
  ['**/dir2/**', 'dir/dir2/dir3/file/', exact],
  ['**file', 'file', exact],
  ['**file', 'dir/file', exact],
  ['**/file', 'dir/file', exact],
  ['**file', 'dir/dir/file', exact],
  ['**/file', 'dir/dir/file', exact],
  ['**/file*', 'dir/dir/file', exact],
  ['**/file*', 'dir/dir/file.txt', exact],
  ['**/file*txt', 'dir/dir/file.txt', exact],
  ['**/file*.txt', 'dir/dir/file.txt', exact],
  ['**/file*.txt*', 'dir/dir/file.txt', exact],
  ['**/**/*.txt', 'dir/dir/file.txt', exact],
  ['**/**/*.txt2', 'dir/dir/file.txt', fail],
  ['**/*.txt', 'file.txt', exact],
  ['**/**/*.txt', 'file.txt', exact],
  ['a**/*.txt', 'a/file.txt', exact],
  ['a**/*.txt', 'a/dir/file.txt', exact],
  ['a**/*.txt', 'a/dir/dir/file.txt', exact],
  ['a/*.txt', 'a/dir/file.txt', fail],
  ['a/*.txt', 'a/file.txt', exact],
  ['a/*.txt**', 'a/file.txt', exact],
  ['a[b-d]e', 'ae', fail],
  ['a[b-d]e', 'ace', exact],
  ['a[b-d]e', 'aae', fail],
  ['a[^b-d]e', 'aze', exact],
  ['.*', '.foo', exact],
  ['.*', 'foo', fail],
  ['abc.def', 'abcdef', fail],
  ['abc.def', 'abc.def', exact],
  ['abc.def', 'abcZdef', fail],
  ['abc?def', 'abcZdef', exact],
  ['abc?def', 'abcdef', fail],
  ['**/foo/bar', 'foo/bar', exact],
  ['**/foo/bar', 'dir/foo/bar', exact],
  ['**/foo/bar', 'dir/dir2/foo/bar', exact],
  ['abc/**', 'abc', fail],
  ['abc/**', 'abc/def', exact],
  ['abc/**', 'abc/def/ghi', exact],
  ['**/.foo', '.foo', exact],
  ['**/.foo', 'bar.foo', fail],
  ['a(b)c/def', 'a(b)c/def', exact],
  ['a(b)c/def', 'a(b)c/xyz', fail],
  ['a.|)$(}+{bc', 'a.|)$(}+{bc', exact],
  ['dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', exact],
  ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', exact],
  // non-Windows rows
  ['a\\\\', 'a\\', exact],
  ['a\\*b', 'a*b', exact],
];
const multiPatternTests: [patterns: string[], text: string, pass: boolean][] = [
  [['**', '!util/docker/web'], 'util/docker/web/foo', fail],
  [['**', '!util/docker/web', 'util/docker/web/foo'], 'util/docker/web/foo', exact],
  [['**', '!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', fail],
  [['**', '!dist/*.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', fail],
];

// Same file, `matchTests` (its TestMatch, itself taken from Go's filepath.Match tests): pattern,
// name, match, and whether docker refuses the pattern (ErrBadPattern).
const bad = 'ErrBadPattern';
const matchTests: [pattern: string, name: string, match: boolean, err?: typeof bad][] = [
  ['abc', 'abc', true],
  ['*', 'abc', true],
  ['*c', 'abc', true],
  ['a*', 'a', true],
  ['a*', 'abc', true],
  ['a*', 'ab/c', true],
  ['a*/b', 'abc/b', true],
  ['a*/b', 'a/c/b', false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true],
  ['a*b?c*x', 'abxbbxdbxebxczzy', false],
  ['ab[c]', 'abc', true],
  ['ab[b-d]', 'abc', true],
  ['ab[e-g]', 'abc', false],
  ['ab[^c]', 'abc', false],
  ['ab[^b-d]', 'abc', false],
  ['ab[^e-g]', 'abc', true],
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'ab', false],
  ['a?b', 'a☺b', true],
  ['a[^a]b', 'a☺b', true],
  ['a???b', 'a☺b', false],
  ['a[^a][^a][^a]b', 'a☺b', false],
  ['[a-ζ]*', 'α', true],
  ['*[a-ζ]', 'A', false],
  ['a?b', 'a/b', false],
  ['a*b', 'a/b', false],
  ['[\\]a]', ']', true],
  ['[\\-]', '-', true],
  ['[x\\-]', 'x', true],
  ['[x\\-]', '-', true],
  ['[x\\-]', 'z', false],
  ['[\\-x]', 'x', true],
  ['[\\-x]', '-', true],
  ['[\\-x]', 'a', false],
  ['[]a]', ']', false, bad],
  ['[-]', '-', false, bad],
  ['[x-]', 'x', false, bad],
  ['[x-]', '-', false, bad],
  ['[x-]', 'z', false, bad],
  ['[-x]', 'x', false, bad],
  ['[-x]', '-', false, bad],
  ['[-x]', 'a', false, bad],
  ['\\', 'a', false, bad],
  ['[a-b-c]', 'a', false, bad],
  ['[', 'a', false, bad],
  ['[^', 'a', false, bad],
  ['[^bc', 'a', false, bad],
  ['a[', 'a', false, bad],
  ['a[', 'ab', false, bad],
  ['*x', 'xxx', true],
];

describe('.dockerignore patterns (moby/patternmatcher tables)', () => {
  it.each(testMatches)('TestMatches: %j against %j → %s', (pattern, text, pass) => {
    expect(matchesRaw(text, [pattern])).toBe(pass);
  });

  it.each(multiPatternTests)('TestMatches (several patterns): %j against %j → %s', (patterns, text, pass) => {
    expect(matchesRaw(text, patterns)).toBe(pass);
  });

  it.each(matchTests)('TestMatch: %j against %j → %s %s', (pattern, name, match, err) => {
    if (err) expect(() => matches(name, [pattern])).toThrow(BerthError);
    else expect(matches(name, [pattern])).toBe(match);
  });

  it('the single-case tests: wildcards, exceptions before and after, folders with exceptions, "." and "!"', () => {
    expect(matches('fileutils.go', ['*'])).toBe(true); // TestWildcardMatches
    expect(matches('fileutils.go', ['*.go'])).toBe(true); // TestPatternMatches
    expect(matches('fileutils.go', ['!fileutils.go', '*.go'])).toBe(true); // TestExclusionPatternMatchesPatternBefore
    expect(matches('docs/README.md', ['docs', '!docs/README.md'])).toBe(false); // TestPatternMatchesFolderExclusions
    expect(matches('docs/README.md', ['docs/', '!docs/README.md'])).toBe(false); // ...WithSlashExclusions
    expect(matches('docs/README.md', ['docs/*', '!docs/README.md'])).toBe(false); // ...WildcardExclusions
    expect(matches('fileutils.go', ['*.go', '!fileutils.go'])).toBe(false); // TestExclusionPatternMatchesPatternAfter
    expect(matches('.', ['*.go'])).toBe(false); // TestExclusionPatternMatchesWholeDirectory
    expect(() => matches('fileutils.go', ['!'])).toThrow(BerthError); // TestSingleExclamationError
    expect(matches('/any/path/there', [])).toBe(false); // TestMatchesWithNoPatterns
    expect(() => matches('/any/path/there', ['['])).toThrow(BerthError); // TestMatchesWithMalformedPatterns
    // TestMatchesOrParentMatchesMalformedPatternDoesNotPanicOnRepeatedCall: "[Local-Only]" has the
    // backwards range "l-O", which Go's regexp refuses when the pattern is first used.
    expect(() => parseDockerignore('[Local-Only]/')).toThrow(BerthError);
  });

  it('TestClean* and ignorefile TestReadAll: blanks dropped, spaces trimmed, leading "/" and "./" cleaned', () => {
    expect(parseDockerignore('docs\nconfig\n').map((p) => p.pattern)).toEqual(['docs', 'config']);
    expect(parseDockerignore('docs\n  !docs/README.md').map((p) => [p.pattern, p.exclusion])).toEqual([
      ['docs', false],
      ['docs/README.md', true],
    ]);
    expect(parseDockerignore('docs\n!docs/README.md  ')[1]).toMatchObject({ pattern: 'docs/README.md', exclusion: true });
    const readAll = 'test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path';
    expect(parseDockerignore(readAll).map((p) => (p.exclusion ? '!' : '') + p.pattern)).toEqual(['test1', 'test2', 'a/file/here', 'lastfile', '!inverted/abs/path']);
    expect(() => parseDockerignore(`${readAll}\n!\n! `)).toThrow(BerthError);
  });
});

describe('.dockerignore in Berth', () => {
  it('character classes and escapes match as docker matches them', () => {
    const rules = parseDockerignore('log[0-9].txt\n*.py[cod]\nweird\\[1\\].txt');
    expect(isIgnored('log7.txt', rules)).toBe(true);
    expect(isIgnored('logx.txt', rules)).toBe(false);
    expect(isIgnored('app.pyc', rules)).toBe(true);
    expect(isIgnored('app.pyo', rules)).toBe(true);
    expect(isIgnored('app.py', rules)).toBe(false);
    expect(isIgnored('weird[1].txt', rules)).toBe(true);
  });

  it('paths in patterns are cleaned: "./a/../b", "a//b" and a leading "/"', () => {
    const rules = parseDockerignore('./foo\ndir1//foo\n./dir1/../foo2\n/rooted\n!/rooted/keep');
    expect(['foo', 'dir1/foo', 'foo2', 'rooted/x'].every((p) => isIgnored(p, rules))).toBe(true);
    expect(isIgnored('rooted/keep', rules)).toBe(false);
    expect(isIgnored('dir1/foo2', rules)).toBe(false);
  });

  it('a malformed pattern is a structured error naming its line', () => {
    const error = (() => {
      try {
        parseDockerignore('ok\n# note\nlog[0-9.txt\n');
      } catch (e) {
        return e as BerthError;
      }
    })();
    expect(error?.toShape()).toMatchObject({ code: 'INVALID_INPUT', reason: 'dockerignorePattern', params: { line: 3, pattern: 'log[0-9.txt' } });
  });

  it('says when a left-out folder must still be walked: an exception could reach inside', () => {
    const rules = parseDockerignore('node_modules\n!node_modules/keep.js\n*\n!src/**\nbuild\n!**/*.keep\ncache\n!cache');
    expect(mayReincludeInside('node_modules', rules)).toBe(true);
    expect(mayReincludeInside('src', rules)).toBe(true);
    expect(mayReincludeInside('other', rules)).toBe(true); // "!**/*.keep" may match anywhere
    expect(mayReincludeInside('node_modules/deep', parseDockerignore('node_modules\n!node_modules/keep.js'))).toBe(false);
    expect(mayReincludeInside('vendor', parseDockerignore('vendor\n!src/a.txt\n!vendo?/x'))).toBe(true);
    expect(mayReincludeInside('vendor', parseDockerignore('vendor\n!src/a.txt'))).toBe(false);
  });

  it('stays linear: a pathological pattern against a long path answers at once', () => {
    // A backtracking regular expression for this pair takes exponential time; RE2 (docker) and the
    // automaton here take time proportional to the path.
    const rules = parseDockerignore(`${'*a'.repeat(30)}b\n${'**/'.repeat(20)}x`);
    // (A hang here, not a slow pass, is the failure this guards against.)
    expect(isIgnored('a'.repeat(5000), rules)).toBe(false);
    expect(isIgnored(`${'d/'.repeat(200)}y`, rules)).toBe(false);
  });
});
