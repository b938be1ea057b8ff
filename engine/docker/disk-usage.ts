import type { DiskUsage } from '../contract/types.js';

/** The parts of GET /system/df that `docker system df` reads. */
export interface RawDiskUsage {
  LayersSize?: number;
  Images?: { Size?: number; SharedSize?: number; Containers?: number }[] | null;
  Containers?: { SizeRw?: number; State?: string }[] | null;
  Volumes?: { UsageData?: { Size?: number; RefCount?: number } }[] | null;
  BuildCache?: { Size?: number; InUse?: boolean; Shared?: boolean }[] | null;
}

/**
 * Disk use by kind, computed as `docker system df` does: images count their layers once, and what an
 * unused image holds beyond layers it shares is reclaimable; stopped containers' writable layers,
 * unreferenced volumes and unused build cache are reclaimable.
 */
export function toDiskUsage(raw: RawDiskUsage): DiskUsage {
  const images = raw.Images ?? [];
  const containers = raw.Containers ?? [];
  const volumes = raw.Volumes ?? [];
  const cache = raw.BuildCache ?? [];
  const positive = (n: number | undefined) => (n && n > 0 ? n : 0);
  return {
    images: {
      count: images.length,
      size: positive(raw.LayersSize),
      reclaimable: images.filter((i) => !i.Containers || i.Containers <= 0).reduce((n, i) => n + positive((i.Size ?? 0) - positive(i.SharedSize)), 0),
    },
    containers: {
      count: containers.length,
      size: containers.reduce((n, c) => n + positive(c.SizeRw), 0),
      reclaimable: containers.filter((c) => c.State !== 'running' && c.State !== 'paused').reduce((n, c) => n + positive(c.SizeRw), 0),
    },
    volumes: {
      count: volumes.length,
      size: volumes.reduce((n, v) => n + positive(v.UsageData?.Size), 0),
      reclaimable: volumes.filter((v) => (v.UsageData?.RefCount ?? 0) === 0).reduce((n, v) => n + positive(v.UsageData?.Size), 0),
    },
    buildCache: {
      count: cache.length,
      size: cache.filter((c) => !c.Shared).reduce((n, c) => n + positive(c.Size), 0),
      reclaimable: cache.filter((c) => !c.InUse && !c.Shared).reduce((n, c) => n + positive(c.Size), 0),
    },
  };
}
