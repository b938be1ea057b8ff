import { z } from 'zod';
import type { BerthErrorShape } from './errors.js';

/** How long an automatic update check stays good: a registry is asked at most this often unless the person asks. */
export const updateCheckIntervalMs = 3 * 60 * 60 * 1000;

export const updateCheckInput = z.object({
  /** Ask the registries now, even when the last check is recent ("Check for updates"). */
  force: z.boolean().default(false),
});

/**
 * One image reference some containers run from: 'available' when the registry's digest for its tag
 * differs from every digest the local image was pulled as; 'current' when one matches; 'unknown'
 * when the image never came from a registry (built or loaded here) or is pinned by digest;
 * 'failed' when the registry could not be asked (`error`).
 */
export interface ImageUpdate {
  /** As the containers name it (Config.Image), e.g. nginx:1.27. */
  reference: string;
  containerIds: string[];
  status: 'current' | 'available' | 'unknown' | 'failed';
  localDigests: string[];
  remoteDigest?: string;
  error?: BerthErrorShape;
  /** Milliseconds since the epoch of this reference's last registry answer. */
  checkedAt: number;
}

export interface UpdateCheck {
  checkedAt: number;
  images: ImageUpdate[];
}
