import { describe, expect, it } from 'vitest';
import {
  composeArgv,
  composeCommandLine,
  composeProgram,
  composeRunInput,
  defaultProjectName,
  targetFromLabels,
  type ComposeAction,
  type ComposeTarget,
} from './compose-cli.js';

const target: ComposeTarget = {
  projectName: 'shop',
  files: ['/srv/shop/base.yml', '/srv/shop/override.yml'],
  envFiles: ['/srv/shop/prod.env'],
  projectDirectory: '/srv/shop',
};
const globals = ['-p', 'shop', '-f', '/srv/shop/base.yml', '-f', '/srv/shop/override.yml', '--env-file', '/srv/shop/prod.env', '--project-directory', '/srv/shop'];

describe('composeArgv', () => {
  // Each action in both shapes: the v2 plugin (`docker compose`, which cannot be installed here, so
  // this table is its only check) and v1's `docker-compose` (1.29 takes --env-file and
  // --project-directory as global options, before the subcommand).
  const table: [ComposeAction, string | undefined, string[]][] = [
    ['up', undefined, ['up', '-d']],
    ['down', undefined, ['down']],
    ['pull', undefined, ['pull']],
    ['recreate', undefined, ['up', '-d', '--force-recreate']],
    ['restartService', 'web', ['restart', 'web']],
    ['recreateService', 'web', ['up', '-d', '--force-recreate', '--no-deps', 'web']],
    ['services', undefined, ['config', '--services']],
  ];
  for (const [action, service, sub] of table) {
    it(`${action}: docker compose … and docker-compose …`, () => {
      expect(composeArgv(composeProgram('plugin'), target, action, service)).toEqual(['docker', 'compose', ...globals, ...sub]);
      expect(composeArgv(composeProgram('standalone'), target, action, service)).toEqual(['docker-compose', ...globals, ...sub]);
    });
  }

  it('passes every -f file, in order, and leaves out what an opened file does not have', () => {
    const opened: ComposeTarget = { files: ['/a/compose.yaml', '/a/b.yml', '/a/c.yml'], envFiles: [] };
    expect(composeArgv(['docker-compose'], opened, 'up')).toEqual(['docker-compose', '-f', '/a/compose.yaml', '-f', '/a/b.yml', '-f', '/a/c.yml', 'up', '-d']);
  });

  it('prints a command a shell runs with the same words', () => {
    const spaced: ComposeTarget = { projectName: 'shop', files: ['/home/me/my app/compose.yaml'], envFiles: [] };
    expect(composeCommandLine(composeArgv(composeProgram('plugin'), spaced, 'down'))).toBe("docker compose -p shop -f '/home/me/my app/compose.yaml' down");
  });
});

describe('targetFromLabels', () => {
  it('v1: file names relative to working_dir become absolute; no env file label', () => {
    // As Compose 1.29.2 labels a project started with `-f base.yml -f override.yml` in /srv/shop.
    expect(
      targetFromLabels({
        'com.docker.compose.project': 'shop',
        'com.docker.compose.project.working_dir': '/srv/shop',
        'com.docker.compose.project.config_files': 'base.yml,override.yml',
        'com.docker.compose.service': 'web',
      }),
    ).toEqual({ projectName: 'shop', files: ['/srv/shop/base.yml', '/srv/shop/override.yml'], envFiles: [], projectDirectory: '/srv/shop' });
  });

  it('v1: a file given as ../x.yml or ./x.yml is resolved against the folder', () => {
    const t = targetFromLabels({
      'com.docker.compose.project': 'p',
      'com.docker.compose.project.working_dir': '/srv/shop',
      'com.docker.compose.project.config_files': './compose.yml,../shared/extra.yml',
    });
    expect(t?.files).toEqual(['/srv/shop/compose.yml', '/srv/shared/extra.yml']);
  });

  it('v2: absolute paths kept as written, env files read, order kept', () => {
    expect(
      targetFromLabels({
        'com.docker.compose.project': 'shop',
        'com.docker.compose.project.working_dir': '/srv/shop',
        'com.docker.compose.project.config_files': '/srv/shop/compose.yaml,/srv/shop/compose.override.yaml',
        'com.docker.compose.project.environment_file': '/srv/shop/.env,/srv/shop/prod.env',
      }),
    ).toEqual({
      projectName: 'shop',
      files: ['/srv/shop/compose.yaml', '/srv/shop/compose.override.yaml'],
      envFiles: ['/srv/shop/.env', '/srv/shop/prod.env'],
      projectDirectory: '/srv/shop',
    });
  });

  it('a working_dir Compose never writes (relative) names no folder, and relative files with it are dropped, not resolved against Berth’s own folder', () => {
    const t = targetFromLabels({
      'com.docker.compose.project': 'p',
      'com.docker.compose.project.working_dir': '../../',
      'com.docker.compose.project.config_files': 'compose.yml,/srv/abs/compose.yml',
    });
    expect(t).toEqual({ projectName: 'p', files: ['/srv/abs/compose.yml'], envFiles: [] });
  });

  it('a Windows folder (Compose on Docker Desktop for Windows) is absolute too', () => {
    const t = targetFromLabels({
      'com.docker.compose.project': 'p',
      'com.docker.compose.project.working_dir': 'C:\\Users\\me\\shop',
      'com.docker.compose.project.config_files': 'C:\\Users\\me\\shop\\compose.yaml',
    });
    expect(t).toEqual({ projectName: 'p', files: ['C:\\Users\\me\\shop\\compose.yaml'], envFiles: [], projectDirectory: 'C:\\Users\\me\\shop' });
  });

  it('a container without the project label is no project; one without files has none', () => {
    expect(targetFromLabels({ 'com.docker.compose.service': 'web' })).toBeUndefined();
    expect(targetFromLabels({ 'com.docker.compose.project': 'p' })).toEqual({ projectName: 'p', files: [], envFiles: [] });
  });
});

describe('composeRunInput', () => {
  it('takes a service only for the per-service actions', () => {
    const source = { kind: 'project', name: 'shop' } as const;
    expect(composeRunInput.safeParse({ source, action: 'restartService', service: 'web' }).success).toBe(true);
    expect(composeRunInput.safeParse({ source, action: 'restartService' }).success).toBe(false);
    expect(composeRunInput.safeParse({ source, action: 'up', service: 'web' }).success).toBe(false);
    // A service word Compose would read as an option is refused.
    expect(composeRunInput.safeParse({ source, action: 'recreateService', service: '--rm' }).success).toBe(false);
    expect(composeRunInput.safeParse({ source, action: 'restartService', service: '-t0' }).success).toBe(false);
  });

  it('opened files are absolute paths without ".." and a project name is Compose v2’s form', () => {
    const ok = { source: { kind: 'files', files: ['/a/compose.yaml'], projectName: 'my-app_2' }, action: 'up' };
    expect(composeRunInput.safeParse(ok).success).toBe(true);
    for (const source of [
      { kind: 'files', files: ['compose.yaml'] },
      { kind: 'files', files: ['/a/../etc/compose.yaml'] },
      { kind: 'files', files: [] },
      { kind: 'files', files: ['/a/compose.yaml'], projectName: 'My App' },
      { kind: 'files', files: ['/a/compose.yaml'], projectName: '-p' },
    ]) {
      expect(composeRunInput.safeParse({ source, action: 'up' }).success).toBe(false);
    }
  });
});

describe('defaultProjectName', () => {
  it('is the folder name, lowercased, without characters Compose drops', () => {
    expect(defaultProjectName('/home/me/My App.v2/')).toBe('myappv2');
    expect(defaultProjectName('/srv/shop')).toBe('shop');
  });
});
