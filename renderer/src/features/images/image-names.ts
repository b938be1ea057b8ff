import type { ImageRemoveReason } from '../../../../engine/contract/types';
import { shortId } from '../../ui/format';

/** How an image row is named: by a tag, by a digest (pulled by digest only), or by its id (no name at all). */
export type ImageNameKind = 'tag' | 'digest' | 'id';

/** `repo@sha256:0123456789ab…`: a digest reference short enough for a table cell (the full one goes in a tooltip). */
export function shortDigestReference(reference: string): string {
  return reference.replace(/@sha256:([0-9a-f]{12})[0-9a-f]{52}$/, '@sha256:$1…');
}

/**
 * The names an image is listed under, as `docker images --digests` shows it: each tag; else each
 * repository@digest (an image pulled by digest only has no tag but is not nameless); else its id.
 */
export function imageNames(image: { id: string; tags: readonly string[]; digests: readonly string[] }): { ref: string; kind: ImageNameKind }[] {
  if (image.tags.length) return image.tags.map((ref) => ({ ref, kind: 'tag' }));
  if (image.digests.length) return image.digests.map((ref) => ({ ref, kind: 'digest' }));
  return [{ ref: shortId(image.id), kind: 'id' }];
}

/** Whether "Remove anyway (force)" can remove an image whose removal failed for `reason`. */
export function forceCanRemoveImage(reason: string | undefined): boolean {
  const forceable: readonly ImageRemoveReason[] = ['imageUsedByStopped', 'imageHasTags'];
  return forceable.includes(reason as ImageRemoveReason);
}
