import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../../engine/contract/types';
import { eligibleFor, matchesFilter, visibleContainers } from './filter';

const container = (name: string, state: ContainerSummary['state'], created: number, image = 'busybox'): ContainerSummary => ({
  id: `${name}-id`,
  name,
  image,
  imageId: `sha256:${image}`,
  state,
  status: '',
  created,
  ports: [],
  exposed: [],
  volumes: [],
  networks: [],
});

const list = [container('web', 'running', 3, 'nginx'), container('db', 'exited', 2, 'postgres'), container('cache', 'paused', 1)];

describe('visibleContainers', () => {
  it('shows newest first and filters running ones', () => {
    expect(visibleContainers(list, '', 'all').map((c) => c.name)).toEqual(['web', 'db', 'cache']);
    expect(visibleContainers(list, '', 'running').map((c) => c.name)).toEqual(['web']);
  });

  it('searches names and images, ignoring case', () => {
    expect(visibleContainers(list, 'POST', 'all').map((c) => c.name)).toEqual(['db']);
    expect(visibleContainers(list, 'cac', 'all').map((c) => c.name)).toEqual(['cache']);
  });
});

describe('health filter', () => {
  const withHealth = (name: string, state: ContainerSummary['state'], health?: ContainerSummary['health']) => ({
    ...container(name, state, 1),
    ...(health ? { health } : {}),
  });
  const rows = [
    withHealth('ok', 'running', 'healthy'),
    withHealth('sick', 'running', 'unhealthy'),
    withHealth('new', 'running', 'starting'),
    withHealth('plain', 'running'),
    // A stopped container's last verdict no longer says anything.
    withHealth('stopped', 'exited', 'unhealthy'),
  ];
  it.each([
    ['healthy', ['ok']],
    ['unhealthy', ['sick']],
    ['starting', ['new']],
    ['running', ['ok', 'sick', 'new', 'plain']],
    ['all', ['ok', 'sick', 'new', 'plain', 'stopped']],
  ] as const)('%s', (filter, names) => {
    expect(rows.filter((c) => matchesFilter(c, filter)).map((c) => c.name)).toEqual(names);
  });
});

describe('eligibleFor', () => {
  it('sends each action only to containers that can take it', () => {
    expect(eligibleFor('start', list).map((c) => c.name)).toEqual(['db']);
    expect(eligibleFor('stop', list).map((c) => c.name)).toEqual(['web', 'cache']);
    expect(eligibleFor('pause', list).map((c) => c.name)).toEqual(['web']);
    expect(eligibleFor('unpause', list).map((c) => c.name)).toEqual(['cache']);
  });
});
