import type { ContainerSummary } from '../../../../engine/contract/types';

/**
 * Which containers use each volume and image, read from the containers list the page already keeps
 * fresh by engine events. The volumes and images lists no longer list every container on the engine
 * themselves: doing so made them as slow as the containers list (issue 17: 1,000 volumes beside
 * 1,000 containers answered in 24× the engine's own `GET /volumes`).
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
}

const none: readonly string[] = [];

/**
 * Indexes `containers` (undefined while the list is loading, or when it `failed`) by the volumes they
 * mount and the image they run.
 */
export function containerUsers(containers: readonly ContainerSummary[] | undefined, failed = false): ContainerUsers {
  const byVolume = new Map<string, string[]>();
  const byImage = new Map<string, string[]>();
  const add = (index: Map<string, string[]>, key: string, name: string) => {
    const names = index.get(key);
    if (names) names.push(name);
    else index.set(key, [name]);
  };
  for (const c of containers ?? []) {
    // A container mounting one volume at two places is one user of it.
    for (const volume of new Set(c.volumes.map((v) => v.name))) add(byVolume, volume, c.name);
    add(byImage, c.imageId, c.name);
  }
  return {
    known: containers !== undefined,
    failed: containers === undefined && failed,
    ofVolume: (volume) => byVolume.get(volume) ?? none,
    ofImage: (imageId) => byImage.get(imageId) ?? none,
  };
}
