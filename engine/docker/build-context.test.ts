import { chmodSync, closeSync, ftruncateSync, linkSync, openSync, readdirSync, readlinkSync, mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { extract, type Header } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { BerthError } from '../contract/errors.js';
import { buildContext } from './build-context.js';

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'berth-context-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

/** The entries of the context tar Berth would send, by name (folders without a trailing "/"). */
async function contextOf(folder: string, dockerfile = 'Dockerfile'): Promise<Map<string, Header>> {
  const context = await buildContext(folder, dockerfile);
  const entries = new Map<string, Header>();
  const reader = extract();
  const read = (async () => {
    for await (const entry of reader) {
      entries.set(entry.header.name.replace(/\/$/, ''), entry.header);
      entry.resume();
    }
  })();
  for await (const chunk of context.tar) reader.write(chunk);
  reader.end(undefined);
  await read;
  await context.done;
  return entries;
}

// Ported as data from moby's integration-cli/docker_cli_build_test.go (TestBuildDockerignore,
// ...CleanPaths, ...Exceptions, ...ingWholeDir, ...ingOnlyDotfiles, ...ingWildTopDir,
// ...ingWildDirs), read from the upstream file: the files, the .dockerignore, and what the RUN
// checks say is (present) or is not (absent) in the context. The engine itself drops the
// Dockerfile and .dockerignore from COPY when .dockerignore names them, so those rows are not here.
const dockerignoreCases: { name: string; files: Record<string, string>; dockerignore: string; present: string[]; absent: string[] }[] = [
  {
    name: 'TestBuildDockerignore',
    files: { Makefile: 'all:', '.git/HEAD': 'ref: foo', 'src/x.go': 'package main', 'src/_vendor/v.go': 'package main', 'src/_vendor/v.cc': 'package main', 'src/v.cc': 'package main', 'v.cc': 'package main', 'dir/foo': '', '.gitignore': '', 'README.md': 'readme' },
    dockerignore: '\n.git\npkg\n.gitignore\nsrc/_vendor\n*.md\n**/*.cc\ndir',
    present: ['src/x.go', 'Makefile'],
    absent: ['src/_vendor', '.gitignore', 'README.md', 'dir/foo', 'foo', '.git', 'v.cc', 'src/v.cc', 'src/_vendor/v.cc'],
  },
  {
    name: 'TestBuildDockerignoreCleanPaths',
    files: { foo: 'foo', foo2: 'foo2', 'dir1/foo': 'foo in dir1' },
    dockerignore: './foo\ndir1//foo\n./dir1/../foo2',
    present: [],
    absent: ['foo', 'foo2', 'dir1/foo'],
  },
  {
    name: 'TestBuildDockerignoreExceptions',
    files: { Makefile: 'all:', '.git/HEAD': 'ref: foo', 'src/x.go': 'package main', 'src/_vendor/v.go': 'package main', 'dir/foo': '', 'dir/foo1': '', 'dir/dir/f1': '', 'dir/dir/foo': '', 'dir/e': '', 'dir/e-dir/foo': '', '.gitignore': '', 'README.md': 'readme', 'dir/a.cc': 'hello' },
    dockerignore: '\n.git\npkg\n.gitignore\nsrc/_vendor\n*.md\ndir\n!dir/e*\n!dir/dir/foo\n**/*.cc\n!**/*.cc',
    present: ['src/x.go', 'Makefile', 'dir/dir/foo', 'dir/e', 'dir/e-dir/foo', 'dir/a.cc'],
    absent: ['src/_vendor', '.gitignore', 'README.md', 'dir/foo1', 'foo', '.git'],
  },
  { name: 'TestBuildDockerignoringWholeDir', files: { Makefile: 'all:', '.gitignore': '' }, dockerignore: '*\n', present: [], absent: ['.gitignore', 'Makefile'] },
  { name: 'TestBuildDockerignoringOnlyDotfiles', files: { Makefile: 'all:', '.gitignore': '' }, dockerignore: '.*', present: ['Makefile'], absent: ['.gitignore'] },
  ...['**', '**/', '**/**', '*'].map((variant) => ({
    name: `TestBuildDockerignoringWildTopDir ${variant}`,
    files: { file1: '', 'dir/file1': '' },
    dockerignore: variant,
    present: [],
    absent: ['file1', 'dir'],
  })),
  {
    name: 'TestBuildDockerignoringWildDirs',
    files: Object.fromEntries(
      ['dir1/file0', 'dir1/dir2/file0', 'file1', 'dir1/file1', 'dir1/dir2/file1', 'dir1/file2', 'dir1/dir2/file2', 'dir1/dir2/file4', 'dir1/dir2/file5', 'dir1/dir2/file6', 'dir1/dir3/file7', 'dir1/dir3/file8', 'dir1/dir4/file9', 'dir1/dir5/fileAA', 'dir1/dir5/fileAB', 'dir1/dir5/fileB'].map((f) => [f, '']),
    ),
    dockerignore: '\n**/file0\n**/*file1\n**/dir1/file2\ndir1/**/file4\n**/dir2/file5\n**/dir1/dir2/file6\ndir1/dir3/**\n**/dir4/**\n**/file?A\n**/file\\?B\n**/dir5/file.\n',
    present: ['dir1/dir2/file2', 'dir1/dir3', 'dir1/dir4', 'dir1/dir5/fileAB', 'dir1/dir5/fileB'],
    absent: ['file0', 'dir1/file0', 'dir2/file0', 'file1', 'dir1/file1', 'dir1/dir2/file1', 'dir1/file2', 'dir1/dir2/file4', 'dir1/dir2/file5', 'dir1/dir2/file6', 'dir1/dir3/file7', 'dir1/dir3/file8', 'dir1/dir5/fileAA'],
  },
];

describe('build context', () => {
  it.each(dockerignoreCases)('$name: the context holds what docker sends', async ({ files, dockerignore, present, absent }) => {
    const folder = folderWith({ ...files, Dockerfile: 'FROM scratch\n', '.dockerignore': dockerignore });
    const entries = await contextOf(folder);
    for (const path of present) expect(entries.has(path), `${path} should be sent`).toBe(true);
    for (const path of absent) expect(entries.has(path), `${path} should not be sent`).toBe(false);
    // The engine needs these two whatever .dockerignore says.
    expect(entries.has('Dockerfile') && entries.has('.dockerignore')).toBe(true);
  });

  it('walks into a left-out folder when an exception starts inside it: node_modules + !node_modules/keep.js, * + !src/**', async () => {
    const folder = folderWith({ Dockerfile: 'FROM scratch\n', 'node_modules/keep.js': 'k', 'node_modules/drop.js': 'd', 'node_modules/deep/x.js': 'x', 'src/a/b.ts': 'b', 'other.txt': 'o' });
    writeFileSync(join(folder, '.dockerignore'), 'node_modules\n!node_modules/keep.js\n');
    expect([...(await contextOf(folder)).keys()].sort()).toEqual(['.dockerignore', 'Dockerfile', 'node_modules', 'node_modules/keep.js', 'other.txt', 'src', 'src/a', 'src/a/b.ts']);
    writeFileSync(join(folder, '.dockerignore'), '*\n!src/**\n');
    expect([...(await contextOf(folder)).keys()].sort()).toEqual(['.dockerignore', 'Dockerfile', 'src', 'src/a', 'src/a/b.ts']);
  });

  it('keeps symbolic and hard links as links, and modes and modification times as on disk', async () => {
    const folder = folderWith({ Dockerfile: 'FROM scratch\n', 'bin/run.sh': '#!/bin/sh\n' });
    chmodSync(join(folder, 'bin/run.sh'), 0o750);
    symlinkSync('bin/run.sh', join(folder, 'run'));
    symlinkSync('../nowhere/그림 파일.png', join(folder, 'dangling'));
    linkSync(join(folder, 'bin/run.sh'), join(folder, 'same.sh'));
    const then = new Date('2021-03-04T05:06:07Z');
    utimesSync(join(folder, 'bin/run.sh'), then, then);
    const entries = await contextOf(folder);
    expect(entries.get('run')).toMatchObject({ type: 'symlink', linkname: 'bin/run.sh' });
    expect(entries.get('dangling')).toMatchObject({ type: 'symlink', linkname: '../nowhere/그림 파일.png' });
    expect(entries.get('bin/run.sh')).toMatchObject({ type: 'file', mode: 0o750, size: 10, uid: 0, gid: 0 });
    expect(entries.get('bin/run.sh')?.mtime.getTime()).toBe(then.getTime());
    expect(entries.get('same.sh')).toMatchObject({ type: 'link', linkname: 'bin/run.sh' });
  });

  // docker build sends whole seconds, the fraction cut off (measured here: docker CLI 28.2.2 against
  // dockerd 20.10.24, legacy builder, --no-cache: a file at 09.7 s and one at 09.3 s are both at 09 s
  // in the image), not rounded as Go's archive/tar would with no format named.
  it.each([
    ['2021-03-04T05:06:07.000Z', '2021-03-04T05:06:07.000Z'],
    ['2021-03-04T05:06:07.300Z', '2021-03-04T05:06:07.000Z'],
    ['2021-03-04T05:06:07.700Z', '2021-03-04T05:06:07.000Z'],
    ['2021-03-04T05:06:07.999Z', '2021-03-04T05:06:07.000Z'],
  ])('a file modified at %s is sent as modified at %s, as docker build sends it', async (modified, sent) => {
    const folder = folderWith({ Dockerfile: 'FROM scratch\n', 'a.txt': 'a\n' });
    utimesSync(join(folder, 'a.txt'), new Date(modified), new Date(modified));
    expect((await contextOf(folder)).get('a.txt')?.mtime.toISOString()).toBe(sent);
  });

  it('refuses a .dockerignore docker refuses, before sending anything', async () => {
    const folder = folderWith({ Dockerfile: 'FROM scratch\n', '.dockerignore': 'ok\nlog[0-9.txt\n' });
    await expect(buildContext(folder, 'Dockerfile')).rejects.toMatchObject({ code: 'INVALID_INPUT', reason: 'dockerignorePattern', params: { line: 2, pattern: 'log[0-9.txt' } });
    await expect(buildContext(folder, 'Dockerfile')).rejects.toBeInstanceOf(BerthError);
  });

  it('streams: the start of the tar arrives while a 3 GiB file is still unread, nothing is held whole', async () => {
    const folder = folderWith({ Dockerfile: 'FROM scratch\n' });
    const fd = openSync(join(folder, 'big.bin'), 'w');
    ftruncateSync(fd, 3 * 1024 ** 3); // sparse: no disk is used
    closeSync(fd);
    const context = await buildContext(folder, 'Dockerfile');
    let settled = false;
    void context.done.then(() => (settled = true), () => (settled = true));
    let received = 0;
    for await (const chunk of context.tar) {
      received += (chunk as Buffer).length;
      if (received > 4 * 1024 ** 2) break;
    }
    expect(received).toBeGreaterThan(4 * 1024 ** 2);
    expect(settled).toBe(false);
  });

  it('a tar destroyed mid-file (a cancelled build) ends the walk and closes the file', async () => {
    const folder = folderWith({ Dockerfile: 'FROM scratch\n' });
    const big = join(folder, 'big.bin');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 3 * 1024 ** 3);
    closeSync(fd);
    const context = await buildContext(folder, 'Dockerfile');
    let received = 0;
    for await (const chunk of context.tar) {
      received += (chunk as Buffer).length;
      if (received > 1024 ** 2) break; // leaving the loop destroys the tar
    }
    await expect(context.done).rejects.toBeInstanceOf(BerthError);
    const open = readdirSync('/proc/self/fd').filter((n) => {
      try {
        return readlinkSync(`/proc/self/fd/${n}`) === big;
      } catch {
        return false;
      }
    });
    expect(open).toEqual([]);
  });
});
