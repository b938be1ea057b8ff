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

/** What removing one listed name will do, said before the person confirms. */
export type RemovalOutcome =
  /** Other names stay on the image: docker only untags this one. */
  | { kind: 'untag'; keeps: string[] }
  /** The image's last name, and a running container uses it: the engine refuses, even with force. */
  | { kind: 'refused'; running: string[] }
  /** The image goes (stopped containers made from it are named: the engine asks for force then). */
  | { kind: 'delete'; usedBy: string[] };

/**
 * The outcome of `docker rmi <ref>` for a row, given every name chosen in the same removal and the
 * names of running containers: names chosen together all go, so the last of them deletes the image.
 */
export function removalOutcome(
  ref: string,
  image: { tags: readonly string[]; usedBy: readonly string[] },
  chosen: readonly string[],
  running: ReadonlySet<string>,
): RemovalOutcome {
  const keeps = image.tags.filter((tag) => tag !== ref && !chosen.includes(tag));
  if (keeps.length) return { kind: 'untag', keeps };
  const runningUsers = image.usedBy.filter((name) => running.has(name));
  if (runningUsers.length) return { kind: 'refused', running: runningUsers };
  return { kind: 'delete', usedBy: [...image.usedBy] };
}
