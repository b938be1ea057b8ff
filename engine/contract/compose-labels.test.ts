import { describe, expect, it } from 'vitest';
import { composeConfigFiles, composeLabelsOf } from './compose-labels.js';

// The shapes Compose writes into com.docker.compose.project.config_files. v1 (docker/compose 1.29,
// compose/cli/command.py: `','.join(config_files)` of the paths as given to -f, relative to the
// project folder) and v2 (docker/compose v2 pkg/compose/create.go: `strings.Join(project.ComposeFiles, ",")`,
// absolute paths). Written from our knowledge of those sources, not copied from an upstream table;
// the v1 rows were checked against Debian's docker-compose 1.29.2 on this machine.
const table: [workingDir: string | undefined, label: string | undefined, expected: string[], why: string][] = [
  ['/home/me/shop', 'docker-compose.yml', ['/home/me/shop/docker-compose.yml'], 'v1: one default file, relative'],
  ['/home/me/shop', 'base.yml,override.yml', ['/home/me/shop/base.yml', '/home/me/shop/override.yml'], 'v1: -f base -f override, in order'],
  ['/home/me/shop', './compose.yaml', ['/home/me/shop/compose.yaml'], 'v1: ./ as typed'],
  ['/home/me/shop', '../common/base.yml,local.yml', ['/home/me/common/base.yml', '/home/me/shop/local.yml'], 'v1: a file outside the folder'],
  ['/home/me/shop', 'deploy/prod.yml', ['/home/me/shop/deploy/prod.yml'], 'v1: a file in a subfolder'],
  ['/home/me/shop/', 'compose.yaml', ['/home/me/shop/compose.yaml'], 'a folder with a trailing slash'],
  ['/home/me/shop', '/home/me/shop/compose.yaml', ['/home/me/shop/compose.yaml'], 'v2: absolute'],
  ['/home/me/shop', '/home/me/shop/compose.yaml,/home/me/shop/compose.override.yaml', ['/home/me/shop/compose.yaml', '/home/me/shop/compose.override.yaml'], 'v2: base and override'],
  ['/home/me/shop', '/srv/base.yml,extra.yml', ['/srv/base.yml', '/home/me/shop/extra.yml'], 'absolute and relative mixed'],
  ['/home/me/my shop', 'docker compose.yml', ['/home/me/my shop/docker compose.yml'], 'spaces are part of the name'],
  ['C:\\Users\\me\\shop', 'C:\\Users\\me\\shop\\compose.yaml', ['C:\\Users\\me\\shop\\compose.yaml'], 'v2 on Windows: absolute'],
  ['C:\\Users\\me\\shop', 'compose.yaml,..\\base.yml', ['C:\\Users\\me\\shop\\compose.yaml', 'C:\\Users\\me\\base.yml'], 'Windows folder, relative names'],
  ['/home/me/shop', 'a.yml,,b.yml', ['/home/me/shop/a.yml', '/home/me/shop/b.yml'], 'empty entries skipped'],
  [undefined, 'compose.yaml', ['compose.yaml'], 'no folder label: the name as written'],
  ['/home/me/shop', '', [], 'empty label'],
  ['/home/me/shop', undefined, [], 'no label (made before Compose wrote it)'],
];

describe('composeConfigFiles', () => {
  it.each(table)('%s + %s → %j (%s)', (workingDir, label, expected) => {
    expect(composeConfigFiles(workingDir, label)).toEqual(expected);
  });
});

describe('composeLabelsOf', () => {
  it('reads service, replica number, folder and files; nothing for a container Compose did not make', () => {
    expect(
      composeLabelsOf({
        'com.docker.compose.project': 'shop',
        'com.docker.compose.service': 'web',
        'com.docker.compose.container-number': '2',
        'com.docker.compose.project.working_dir': '/srv/shop',
        'com.docker.compose.project.config_files': 'base.yml,override.yml',
        'com.docker.compose.oneoff': 'False',
      }),
    ).toEqual({ project: 'shop', service: 'web', number: 2, workingDir: '/srv/shop', configFiles: ['/srv/shop/base.yml', '/srv/shop/override.yml'] });
    expect(composeLabelsOf({ 'com.docker.compose.project': 'x', 'com.docker.compose.oneoff': 'True' })).toEqual({ project: 'x', service: '', configFiles: [], oneOff: true });
    expect(composeLabelsOf({ 'com.docker.compose.service': 'web' })).toBeUndefined();
    expect(composeLabelsOf(undefined)).toBeUndefined();
  });
});
