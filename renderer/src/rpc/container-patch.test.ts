import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../engine/contract/types';
import { applyContainerPatch } from './container-patch';

const c = (id: string, state: ContainerSummary['state'] = 'running'): ContainerSummary => ({
  id,
  name: id,
  image: 'busybox',
  state,
  status: '',
  created: 0,
  ports: [],
  exposed: [],
  volumes: [],
});

describe('applyContainerPatch', () => {
  it('replaces changed rows in place, adds new ones and drops removed ones', () => {
    const next = applyContainerPatch([c('a'), c('b'), c('c')], {
      upserted: [c('b', 'exited'), c('d')],
      removed: ['c'],
    });
    expect(next.map((x) => [x.id, x.state])).toEqual([
      ['a', 'running'],
      ['b', 'exited'],
      ['d', 'running'],
    ]);
  });

  it('ignores removals of containers it never had', () => {
    expect(applyContainerPatch([c('a')], { upserted: [], removed: ['zzz'] })).toEqual([c('a')]);
  });
});
