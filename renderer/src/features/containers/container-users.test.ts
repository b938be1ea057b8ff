import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../../engine/contract/types';
import { containerUsers } from './container-users';

const container = (name: string, imageId: string, volumes: string[]): ContainerSummary => ({
  id: `${name}-id`,
  name,
  image: 'busybox',
  imageId,
  state: 'exited',
  status: '',
  created: 0,
  ports: [],
  exposed: [],
  volumes: volumes.map((v, i) => ({ name: v, destination: `/d${i}`, anonymous: false })),
});

describe('containerUsers', () => {
  it('names every container that mounts a volume or runs an image, running or not', () => {
    const users = containerUsers([container('web', 'sha256:a', ['data', 'cache']), container('job', 'sha256:a', ['data']), container('db', 'sha256:b', [])]);
    expect(users.known).toBe(true);
    expect(users.ofVolume('data')).toEqual(['web', 'job']);
    expect(users.ofVolume('cache')).toEqual(['web']);
    expect(users.ofImage('sha256:a')).toEqual(['web', 'job']);
    expect(users.ofImage('sha256:b')).toEqual(['db']);
  });

  it('counts a container mounting one volume at two places once', () => {
    expect(containerUsers([container('twice', 'sha256:a', ['data', 'data'])]).ofVolume('data')).toEqual(['twice']);
  });

  it('says "not known" while the containers list has not answered, and "none" for what nothing uses', () => {
    const loading = containerUsers(undefined);
    expect(loading.known).toBe(false);
    expect(loading.ofVolume('data')).toEqual([]);
    expect(containerUsers([]).ofImage('sha256:a')).toEqual([]);
    expect(containerUsers(undefined, true)).toMatchObject({ known: false, failed: true });
    expect(containerUsers([], true)).toMatchObject({ known: true, failed: false }); // an older list still answers
  });
});
