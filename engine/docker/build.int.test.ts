import { closeSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { buildImage } from './build.js';
import { dockerOptionsFor } from './client.js';

const docker = new Docker(dockerOptionsFor(requireDockerHost()));

/** Whether this process holds `path` open. */
function isOpen(path: string): boolean {
  return readdirSync('/proc/self/fd').some((n) => {
    try {
      return readlinkSync(`/proc/self/fd/${n}`) === path;
    } catch {
      return false;
    }
  });
}

describe('build context on its way to the engine', () => {
  it('cancelling while a 3 GiB context is sent ends the build and stops reading the folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'berth-build-'));
    writeFileSync(join(folder, 'Dockerfile'), `FROM ${fixtureImage}\nCOPY big.bin /\n`);
    const big = join(folder, 'big.bin');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 3 * 1024 ** 3); // sparse: no disk is used on this side
    closeSync(fd);
    const cancel = new AbortController();
    const events = buildImage(docker, { context: folder, dockerfile: 'Dockerfile', tag: '', buildArgs: {} }, cancel.signal);
    const first = events.next().then(
      (r) => r,
      (e: unknown) => e,
    );
    // The upload is under way once Berth has the big file open.
    for (let i = 0; i < 500 && !isOpen(big); i++) await new Promise((r) => setTimeout(r, 10));
    expect(isOpen(big)).toBe(true);
    cancel.abort();
    await first;
    await events.return(undefined);
    for (let i = 0; i < 500 && isOpen(big); i++) await new Promise((r) => setTimeout(r, 10));
    expect(isOpen(big)).toBe(false);
  });
});

describe('a build that fails', () => {
  it('leaves no container of its failed step behind (as BuildKit does; the classic builder keeps it without --force-rm)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'berth-build-'));
    const marker = `berth-int-fail-${process.pid}`;
    writeFileSync(join(folder, 'Dockerfile'), `FROM ${fixtureImage}\nRUN echo ${marker} && false\n`);
    const failure = await (async () => {
      for await (const event of buildImage(docker, { context: folder, dockerfile: 'Dockerfile', tag: '', buildArgs: {} }, undefined)) void event;
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(Error);
    const left = (await docker.listContainers({ all: true })).filter((c) => c.Command.includes(marker));
    expect(left).toEqual([]);
  });
});
