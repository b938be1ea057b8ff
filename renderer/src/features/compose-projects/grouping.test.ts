import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../../engine/contract/types';
import { groupContainers, hasProjects, projectState, replicaCounts, serviceLabel } from './grouping';

function container(name: string, state: ContainerSummary['state'], created: number, compose?: { project: string; service: string; number?: number }): ContainerSummary {
  return {
    id: `${name}-id`,
    name,
    image: 'busybox',
    imageId: 'sha256:b',
    state,
    status: '',
    created,
    ports: [],
    exposed: [],
    volumes: [],
    networks: [],
    ...(compose ? { compose: { ...compose, workingDir: `/srv/${compose.project}`, configFiles: [`/srv/${compose.project}/compose.yaml`] } } : {}),
  };
}

const all = [
  container('shop-web-1', 'running', 10, { project: 'shop', service: 'web', number: 1 }),
  container('shop-web-2', 'exited', 11, { project: 'shop', service: 'web', number: 2 }),
  container('shop-db-1', 'running', 9, { project: 'shop', service: 'db', number: 1 }),
  container('blog-app-1', 'exited', 5, { project: 'blog', service: 'app', number: 1 }),
  container('lonely', 'running', 7),
  container('old', 'exited', 1),
];
const rowNames = (rows: ReturnType<typeof groupContainers>['rows']) =>
  rows.map((r) => (r.kind === 'project' ? `[${r.group.name}]` : r.project ? `  ${r.container.name}` : r.container.name));

describe('groupContainers', () => {
  it('makes a row per project among the loose rows, newest first, closed until opened', () => {
    const { rows, projects } = groupContainers(all, '', 'all', new Set());
    expect(projects).toBe(2);
    expect(rowNames(rows)).toEqual(['[shop]', 'lonely', '[blog]', 'old']);
  });

  it('opens a project to its containers by service, then replica number', () => {
    const { rows } = groupContainers(all, '', 'all', new Set(['shop']));
    expect(rowNames(rows)).toEqual(['[shop]', '  shop-db-1', '  shop-web-1', '  shop-web-2', 'lonely', '[blog]', 'old']);
  });

  it('summarises the state and keeps the folder and files', () => {
    const shop = groupContainers(all, '', 'all', new Set()).rows[0]!;
    if (shop.kind !== 'project') throw new Error('expected a project row');
    expect(projectState(shop.group)).toEqual({ running: 2, total: 3, paused: 0, oneOff: 0 });
    expect(shop.group.services).toEqual(['db', 'web']);
    expect(shop.group.workingDir).toBe('/srv/shop');
    expect(shop.group.configFiles).toEqual(['/srv/shop/compose.yaml']);
  });

  // docker compose ps lists a project's services; one-off containers of `compose run` only with -a
  // (docker/compose-cli#1649), and "one-off containers must not have impact on the compose application
  // status" (a Compose maintainer, docker/roadmap#656).
  it('leaves one-off containers (compose run) out of the state, and counts them apart', () => {
    const oneOff = (name: string, state: ContainerSummary['state']) => {
      const c = container(name, state, 12, { project: 'shop', service: 'web' });
      return { ...c, compose: { ...c.compose!, oneOff: true } };
    };
    const shop = groupContainers([...all, oneOff('shop-web-run-1', 'exited'), oneOff('shop-web-run-2', 'running')], '', 'all', new Set()).rows[0]!;
    if (shop.kind !== 'project') throw new Error('expected a project row');
    expect(projectState(shop.group)).toEqual({ running: 2, total: 3, paused: 0, oneOff: 2 });
    expect(shop.group.containers).toHaveLength(5); // still listed under the project when opened
  });

  it('filters across groups: a project shows when any container matches, opened to the matches', () => {
    const running = groupContainers(all, '', 'running', new Set());
    expect(rowNames(running.rows)).toEqual(['[shop]', '  shop-db-1', '  shop-web-1', 'lonely']);
    expect(running.matching.map((c) => c.name).sort()).toEqual(['lonely', 'shop-db-1', 'shop-web-1']);
    const shop = running.rows[0]!;
    expect(shop.kind === 'project' && shop.group.matching.length).toBe(2);
  });

  it('keeps a project the person closed closed while searching', () => {
    expect(rowNames(groupContainers(all, 'shop', 'all', new Set(), new Set(['shop'])).rows)).toEqual(['[shop]']);
  });

  it('searches container names, images, services and project names', () => {
    expect(rowNames(groupContainers(all, 'DB', 'all', new Set()).rows)).toEqual(['[shop]', '  shop-db-1']);
    expect(rowNames(groupContainers(all, 'blog', 'all', new Set()).rows)).toEqual(['[blog]', '  blog-app-1']);
    expect(rowNames(groupContainers(all, 'lone', 'all', new Set()).rows)).toEqual(['lonely']);
    expect(groupContainers(all, 'nothing', 'all', new Set()).rows).toEqual([]);
  });

  it('knows when there is anything to group', () => {
    expect(hasProjects(all)).toBe(true);
    expect(hasProjects(all.filter((c) => !c.compose))).toBe(false);
  });
});

describe('serviceLabel', () => {
  it('names a container by its service, with the replica number only when the service has several', () => {
    const counts = replicaCounts(all);
    expect(all.map((c) => serviceLabel(c, counts.get(c.compose?.service ?? '') ?? 1))).toEqual(['web #1', 'web #2', 'db', 'app', 'lonely', 'old']);
  });
});
