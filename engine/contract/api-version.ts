/**
 * Engine API versions, negotiated per engine the way the docker CLI does (moby client
 * `negotiateAPIVersionPing`): Berth speaks the lower of the engine's `ApiVersion` and the highest
 * version Berth knows, never a pinned one. Docker 29 refuses clients older than 1.44 (its
 * `MinAPIVersion`); Podman's Docker-compatible socket answers 1.41.
 */

/** The highest Engine API version Berth knows (Docker 27). */
export const berthMaxApiVersion = '1.47';

/** What an engine that reports no version is taken to speak: the last version before negotiation existed (moby `fallbackAPIVersion`). */
export const fallbackApiVersion = '1.24';

/** Compares dotted versions numerically ("1.9" < "1.10"); negative, zero or positive like a sort comparator. */
export function compareApiVersions(a: string, b: string): number {
  const left = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const right = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export interface NegotiatedApi {
  /** The version Berth sends in every request's path (/v1.xx/…). */
  version: string;
  /** The engine's own minimum is above what Berth knows: requests would be refused. */
  tooNew: boolean;
}

/**
 * The version to speak with an engine whose /version said `apiVersion` (and `minApiVersion`):
 * min(apiVersion, berthMaxApiVersion); an empty apiVersion means 1.24. `tooNew` when the engine's
 * minimum is above Berth's highest.
 */
export function negotiateApiVersion(apiVersion: string | undefined, minApiVersion?: string, berthMax = berthMaxApiVersion): NegotiatedApi {
  const engine = apiVersion?.trim() || fallbackApiVersion;
  const version = compareApiVersions(engine, berthMax) < 0 ? engine : berthMax;
  const tooNew = Boolean(minApiVersion) && compareApiVersions(minApiVersion!, version) > 0;
  return { version, tooNew };
}

/** Features that need a newer Engine API than the oldest Berth works with, and the version each needs. */
export const apiFeatures = {
  /** GET /system/df?type=volume: volume sizes without scanning images and build cache (API 1.42). */
  volumeOnlyDiskUsage: '1.42',
} as const;

export type ApiFeature = keyof typeof apiFeatures;

/** Whether an engine spoken to at `apiVersion` has the feature. */
export function hasApiFeature(apiVersion: string | undefined, feature: ApiFeature): boolean {
  return apiVersion !== undefined && compareApiVersions(apiVersion, apiFeatures[feature]) >= 0;
}

/** Features the engine lacks at that version, for the Engine view to explain. */
export function missingApiFeatures(apiVersion: string | undefined): ApiFeature[] {
  if (apiVersion === undefined) return [];
  return (Object.keys(apiFeatures) as ApiFeature[]).filter((feature) => !hasApiFeature(apiVersion, feature));
}
