import type { ContainerSummary, NetworkSummary } from '../../../../engine/contract/types';

/** A container attached to a network, as the network's row shows it. */
export interface NetworkMember {
  id: string;
  name: string;
  /** Running, paused or restarting: the engine refuses to remove a network such a container is on. */
  running: boolean;
}

/**
 * Which containers use each volume, image and network, read from the containers list the page
 * already keeps fresh by engine events. The volumes, images and networks lists no longer list every
 * container on the engine themselves: doing so made them as slow as the containers list (issue 17:
 * 1,000 volumes beside 1,000 containers answered in 24× the engine's own `GET /volumes`).
 */
export interface ContainerUsers {
  /** False until the containers list has answered: until then "unused" is not known. */
  known: boolean;
  /** The containers list failed (and has nothing older to show): "unused" stays unknown until it loads. */
  failed: boolean;
  /** Names of the containers (running or not) that mount the volume called `volume`, in list order. */
  ofVolume(volume: string): readonly string[];
  /** Names of the containers (running or not) made from the image whose id is `imageId` (sha256:…). */
  ofImage(imageId: string): readonly string[];
  /**
   * The containers (running or not) attached to `network`, in list order: those whose settings hold
   * its id, and those never started, whose settings hold only a name, by its name (on bridge, host
   * and none always by name).
   */
  ofNetwork(network: Pick<NetworkSummary, 'id' | 'name'>): readonly NetworkMember[];
}

const none: readonly never[] = [];

/**
 * The networks the engine makes itself and finds by name when a container starts, whatever id the
 * container's settings hold (moby runconfig NetworkMode.IsUserDefined, daemon/container_operations.go):
 * each engine start makes a new bridge, and a container stopped before it still holds the old id.
 */
const predefinedNetworks: ReadonlySet<string> = new Set(['bridge', 'host', 'none']);

/**
 * Indexes `containers` (undefined while the list is loading, or when it `failed`) by the volumes they
 * mount, the image they run and the networks they are attached to.
 */
export function containerUsers(containers: readonly ContainerSummary[] | undefined, failed = false): ContainerUsers {
  const byVolume = new Map<string, string[]>();
  const byImage = new Map<string, string[]>();
  // Keyed `id:<network id>` or `name:<network name>`; members keep their place in the list for merging.
  const byNetwork = new Map<string, { at: number; member: NetworkMember }[]>();
  const add = <T,>(index: Map<string, T[]>, key: string, value: T) => {
    const values = index.get(key);
    if (values) values.push(value);
    else index.set(key, [value]);
  };
  (containers ?? []).forEach((c, at) => {
    // A container mounting one volume at two places is one user of it.
    for (const volume of new Set(c.volumes.map((v) => v.name))) add(byVolume, volume, c.name);
    add(byImage, c.imageId, c.name);
    const member = { id: c.id, name: c.name, running: c.state === 'running' || c.state === 'paused' || c.state === 'restarting' };
    for (const network of c.networks) add(byNetwork, network.id && !predefinedNetworks.has(network.name) ? `id:${network.id}` : `name:${network.name}`, { at, member });
  });
  return {
    known: containers !== undefined,
    failed: containers === undefined && failed,
    ofVolume: (volume) => byVolume.get(volume) ?? none,
    ofImage: (imageId) => byImage.get(imageId) ?? none,
    ofNetwork: (network) => {
      const byId = byNetwork.get(`id:${network.id}`) ?? none;
      const byName = byNetwork.get(`name:${network.name}`) ?? none;
      const members = byName.length === 0 ? byId : byId.length === 0 ? byName : [...byId, ...byName].sort((a, b) => a.at - b.at);
      return members.map((m) => m.member);
    },
  };
}
