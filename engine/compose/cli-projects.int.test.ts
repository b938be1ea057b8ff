import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import type { ComposeEvent } from '../contract/compose-cli.js';
import { BerthError } from '../contract/errors.js';
import { dockerOptionsFor } from '../docker/client.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { createComposeCli } from './cli-projects.js';

// The real `docker-compose` (Debian's 1.29.2) against the test engine; the engine's address reaches
// Compose only through createComposeCli (DOCKER_HOST is dropped from its environment below).
const engineUrl = requireDockerHost();
const docker = new Docker(dockerOptionsFor(engineUrl));
const { DOCKER_HOST: _host, ...withoutHost } = process.env;
const compose = createComposeCli(docker, engineUrl, withoutHost);
const folders: string[] = [];
const projects: string[] = [];

function projectFolder(name: string, files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), `berth-compose-${name}-`));
  folders.push(folder);
  projects.push(name);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  return folder;
}

async function collect(events: AsyncIterable<ComposeEvent>): Promise<ComposeEvent[]> {
  const all: ComposeEvent[] = [];
  for await (const e of events) all.push(e);
  return all;
}

afterAll(() => {
  for (const p of projects) {
    for (const c of execFileSync('docker', ['ps', '-aq', '--filter', `label=com.docker.compose.project=${p}`], { encoding: 'utf8' }).split('\n').filter(Boolean)) {
      execFileSync('docker', ['rm', '-f', c]);
    }
    // The project's network Compose made: each left behind holds an address pool on the shared test engine.
    for (const n of execFileSync('docker', ['network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${p}`], { encoding: 'utf8' }).split('\n').filter(Boolean)) {
      execFileSync('docker', ['network', 'rm', n]);
    }
  }
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

const base = `version: "3"\nservices:\n  web:\n    image: ${fixtureImage}\n    stop_grace_period: 1s\n    environment:\n      LEVEL: base\n`;
const override = `version: "3"\nservices:\n  web:\n    environment:\n      LEVEL: override\n`;

// Compose v1 is a Python program: each run takes seconds on a busy machine.
describe('Compose CLI on the real engine', { timeout: 90_000 }, () => {
  it('finds docker-compose 1.29 when the v2 plugin is missing', async () => {
    expect(await compose.tool()).toMatchObject({ found: true, flavor: 'standalone', command: ['docker-compose'], version: '1.29.2' });
  });

  it('reads a project started with -f base -f override from its labels and recreates it with both files', async () => {
    const folder = projectFolder('berthint', { 'base.yml': base, 'override.yml': override });
    execFileSync('docker-compose', ['-p', 'berthint', '-f', 'base.yml', '-f', 'override.yml', 'up', '-d'], { cwd: folder, stdio: 'ignore' });
    const project = await compose.project('berthint');
    expect(project.target).toEqual({ projectName: 'berthint', files: [join(folder, 'base.yml'), join(folder, 'override.yml')], envFiles: [], projectDirectory: folder });
    expect(project.filesProblem).toBeUndefined();
    expect(project.services.map((s) => [s.name, s.containers.map((c) => c.number)])).toEqual([['web', [1]]]);
    const before = project.services[0]!.containers[0]!.id;

    expect(await compose.services({ kind: 'project', name: 'berthint' })).toEqual(['web']);

    // Compose writes "Recreating berthint_web_1 ... done" to stderr: it must reach the stream.
    const events = await collect(compose.run({ source: { kind: 'project', name: 'berthint' }, action: 'recreate' }, undefined));
    expect(events[0]).toEqual({ kind: 'command', argv: ['docker-compose', '-p', 'berthint', '-f', join(folder, 'base.yml'), '-f', join(folder, 'override.yml'), '--project-directory', folder, 'up', '-d', '--force-recreate'] });
    expect(events.filter((e) => e.kind === 'output').map((e) => e.text).join('')).toMatch(/Recreating berthint_web_1/);
    expect(events.at(-1)).toEqual({ kind: 'done', project: 'berthint' });
    const after = (await compose.project('berthint')).services[0]!.containers[0]!.id;
    expect(after).not.toBe(before);
    expect((await docker.getContainer(after).inspect()).Config.Env).toContain('LEVEL=override');
  });

  it('a project whose folder is gone says so instead of running Compose', async () => {
    const folder = projectFolder('berthgone', { 'compose.yml': base });
    execFileSync('docker-compose', ['-p', 'berthgone', 'up', '-d'], { cwd: folder, stdio: 'ignore' });
    rmSync(folder, { recursive: true });
    expect((await compose.project('berthgone')).filesProblem).toEqual({ reason: 'composeFolderMissing', path: folder });
    const error = await collect(compose.run({ source: { kind: 'project', name: 'berthgone' }, action: 'up' }, undefined)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BerthError);
    expect(error).toMatchObject({ reason: 'composeFolderMissing', params: { path: folder } });
  });

  it('a bad file fails with Compose’s own words quoted', async () => {
    const folder = projectFolder('berthbad', { 'compose.yml': 'services:\n  web:\n    image: [unclosed\n' });
    const error = await compose.services({ kind: 'files', files: [join(folder, 'compose.yml')], envFiles: [], projectName: '' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'composeFailed' });
    expect((error as BerthError).engineText).toMatch(/compose\.yml|yaml|while parsing/i);
  });

  it('an opened file comes up under its folder’s name, and cancelling stops Compose', async () => {
    const folder = projectFolder('unused', { 'compose.yml': base });
    const events = await collect(compose.run({ source: { kind: 'files', files: [join(folder, 'compose.yml')], envFiles: [], projectName: '' }, action: 'up' }, undefined));
    const done = events.at(-1);
    expect(done?.kind).toBe('done');
    const name = (done as { project: string }).project;
    projects.push(name);
    expect(name).toMatch(/^berth-compose-unused-/);
    expect((await compose.project(name)).services[0]!.containers[0]!.state).toBe('running');

    const cancel = new AbortController();
    const run = compose.run({ source: { kind: 'project', name }, action: 'down' }, cancel.signal)[Symbol.asyncIterator]();
    expect((await run.next()).value).toMatchObject({ kind: 'command' });
    cancel.abort();
    // The stream ends (no hang) once Compose is stopped.
    for (let r = await run.next(); !r.done; r = await run.next());
  });
});
