import { BerthError } from '../contract/errors.js';
import type { ImageRemoveReason } from '../contract/types.js';

/** A container made from the image being removed, as the engine's container list gives it. */
export interface ImageUser {
  name: string;
  /** running, paused, restarting…: the engine's State. */
  state: string;
}

/**
 * The engine refuses to delete an image a running (or paused, or restarting) container uses even
 * with force: daemon/images/image_delete.go calls it a "hard" conflict ("cannot be forced"), and a
 * forced removal of its last tag only untags it, leaving the image in place. A stopped container or
 * several tags are "soft" conflicts that force overrides.
 */
const runningStates = new Set(['running', 'paused', 'restarting']);

/**
 * Explains the engine's refusal to remove `image` (the name or id asked for): which containers use
 * it (running ones first, since force cannot help there), or which other tags it has. Any other
 * failure comes back as it was.
 *
 * `message` is the engine's text, e.g. (Docker 20.10):
 * - `conflict: unable to remove repository reference "x:1" (must force) - container 0a1b… is using its referenced image 9f8e…`
 * - `conflict: unable to delete 9f8e… (cannot be forced) - image is being used by running container 0a1b…`
 * - `conflict: unable to delete 9f8e… (must be forced) - image is being used by stopped container 0a1b…`
 * - `conflict: unable to delete 9f8e… (must be forced) - image is referenced in multiple repositories`
 */
export function explainRemoveConflict(error: BerthError, image: string, users: readonly ImageUser[], tags: readonly string[]): BerthError {
  if (error.code !== 'CONFLICT' && !/^conflict:/i.test(error.message)) return error;
  const running = users.filter((u) => runningStates.has(u.state)).map((u) => u.name);
  const stopped = users.filter((u) => !runningStates.has(u.state)).map((u) => u.name);
  if (running.length && /container|running/i.test(error.message)) {
    return new BerthError('CONFLICT', error.message, `Stop and remove ${running.join(', ')} first.`, {
      reason: 'imageUsedByRunning' satisfies ImageRemoveReason,
      params: { image, containers: running },
      engineText: error.message,
    });
  }
  if (stopped.length && /container/i.test(error.message)) {
    return new BerthError('CONFLICT', error.message, 'Remove it with force to delete it anyway.', {
      reason: 'imageUsedByStopped' satisfies ImageRemoveReason,
      params: { image, containers: stopped },
      engineText: error.message,
    });
  }
  if (/multiple repositories/i.test(error.message)) {
    return new BerthError('CONFLICT', error.message, 'Remove it with force to delete every tag.', {
      reason: 'imageHasTags' satisfies ImageRemoveReason,
      params: { image, tags: [...tags] },
      engineText: error.message,
    });
  }
  return error;
}
