import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from './types.js';
import { applyContainerPatch } from './container-patch.js';

const c = (id: string, state: ContainerSummary['state'] = 'running'): ContainerSummary => ({
  id,
  name: id,
  image: 'busybox',
  imageId: 'sha256:b',
  state,
  status: '',
  created: 0,
  ports: [],
  exposed: [],
  volumes: [],
  networks: [],
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

describe('applyContainerPatch ordering: a row never moves to an older event', () => {
  const at = (state: ContainerSummary['state'], eventTime?: string): ContainerSummary => ({ ...c('x', state), ...(eventTime ? { eventTime } : {}) });
  // timeNano values exceed Number.MAX_SAFE_INTEGER; these differ only past the 16th digit.
  const t1 = '1796036772842914300';
  const t2 = '1796036772842914301';
  const t3 = '1796036772865985300';
  // Interleavings of replies: [replies in the order they land] → the state the row ends in.
  const table: { name: string; replies: [ContainerSummary['state'], string | undefined][]; expected: ContainerSummary['state'] }[] = [
    { name: 'in order', replies: [['running', t1], ['restarting', t3]], expected: 'restarting' },
    { name: 'a late reply to an older event', replies: [['restarting', t3], ['running', t1]], expected: 'restarting' },
    { name: 'one nanosecond apart, late', replies: [['exited', t2], ['running', t1]], expected: 'exited' },
    { name: 'three, the oldest last', replies: [['running', t2], ['restarting', t3], ['running', t1]], expected: 'restarting' },
    { name: 'the same event twice', replies: [['running', t1], ['exited', t1]], expected: 'exited' },
    { name: 'a longer number is later', replies: [['exited', '999999999999999999'], ['running', t1]], expected: 'running' },
    { name: 'an untimed reply (a full list) always applies', replies: [['restarting', t3], ['exited', undefined]], expected: 'exited' },
  ];
  it.each(table)('$name', ({ replies, expected }) => {
    let list: ContainerSummary[] = [at('created')];
    for (const [state, time] of replies) list = applyContainerPatch(list, { upserted: [at(state, time)], removed: [] });
    expect(list[0]!.state).toBe(expected);
  });
});
