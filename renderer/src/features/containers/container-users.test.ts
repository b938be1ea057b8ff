import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../../engine/contract/types';
import { containerUsers } from './container-users';

const container = (name: string, imageId: string, volumes: string[], networks: ContainerSummary['networks'] = [], state: ContainerSummary['state'] = 'exited'): ContainerSummary => ({
  id: `${name}-id`,
  name,
  image: 'busybox',
  imageId,
  state,
  status: '',
  created: 0,
  ports: [],
  exposed: [],
  volumes: volumes.map((v, i) => ({ name: v, destination: `/d${i}`, anonymous: false })),
  networks,
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

  describe('ofNetwork', () => {
    const app = { id: 'a'.repeat(64), name: 'app' };
    const twin = { id: 'b'.repeat(64), name: 'app' }; // the engine takes one name for two networks
    const recreated = { id: 'c'.repeat(64), name: 'old' };

    it('names every container attached to a network, running or not, by the network id it holds', () => {
      const users = containerUsers([
        container('web', 'sha256:a', [], [{ name: 'app', id: app.id }, { name: 'bridge', id: 'd'.repeat(64) }], 'running'),
        container('job', 'sha256:a', [], [{ name: 'app', id: app.id }], 'paused'),
        container('db', 'sha256:a', [], [{ name: 'app', id: twin.id }]),
      ]);
      expect(users.ofNetwork(app)).toEqual([
        { id: 'web-id', name: 'web', running: true },
        { id: 'job-id', name: 'job', running: true },
      ]);
      expect(users.ofNetwork(twin)).toEqual([{ id: 'db-id', name: 'db', running: false }]);
    });

    it('joins a never-started container by the network name its settings hold, and a stale id to nothing', () => {
      // The engine starts a container on the NetworkID its settings hold, else on the name
      // (moby daemon/container_operations.go getNetworkID): a network removed and made again under
      // the same name is not the one that container is on.
      const users = containerUsers([
        container('fresh', 'sha256:a', [], [{ name: 'app' }]),
        container('stale', 'sha256:a', [], [{ name: 'old', id: 'e'.repeat(64) }]),
        container('web', 'sha256:a', [], [{ name: 'app', id: app.id }], 'running'),
      ]);
      expect(users.ofNetwork(app).map((c) => c.name)).toEqual(['fresh', 'web']);
      expect(users.ofNetwork(recreated)).toEqual([]);
    });

    it('joins a container on bridge, host or none by that name whatever id it last held (each engine start makes a new bridge)', () => {
      // Measured on dockerd 20.10: after a restart, a container stopped before it still holds the old
      // bridge's NetworkID, and starts on the new one, since the engine looks the predefined networks
      // up by name (moby runconfig NetworkMode.IsUserDefined; daemon/container_operations.go).
      const bridge = { id: 'f'.repeat(64), name: 'bridge' };
      const users = containerUsers([
        container('before-restart', 'sha256:a', [], [{ name: 'bridge', id: '1'.repeat(64) }]),
        container('web', 'sha256:a', [], [{ name: 'bridge', id: bridge.id }], 'running'),
        container('proxy', 'sha256:a', [], [{ name: 'host', id: '2'.repeat(64) }]),
      ]);
      expect(users.ofNetwork(bridge).map((c) => c.name)).toEqual(['before-restart', 'web']);
      expect(users.ofNetwork({ id: '3'.repeat(64), name: 'host' }).map((c) => c.name)).toEqual(['proxy']);
    });
  });
});
