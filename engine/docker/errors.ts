import { BerthError } from '../contract/errors.js';

/** What docker-modem attaches to a failed request. */
interface DockerModemError {
  statusCode?: number;
  json?: { message?: string } | null;
  reason?: string;
  message?: string;
  code?: string;
}

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EACCES']);

/** The engine's own message, without docker-modem's "(HTTP code 409) unexpected - " wrapping. */
export function engineMessage(error: unknown): string {
  const e = error as DockerModemError;
  const fromJson = e?.json?.message;
  if (typeof fromJson === 'string' && fromJson.trim()) return fromJson.trim();
  const raw = e?.message ?? String(error);
  return raw.replace(/^\(HTTP code \d+\)\s*[a-z ]*-\s*/i, '').trim() || raw;
}

/**
 * Turns a dockerode failure into a BerthError with a hint a person can act on. `subject` names what
 * was being worked on ("container web-1"), so the message stays useful in a bulk result list.
 */
export function fromDockerError(error: unknown, subject?: string): BerthError {
  if (error instanceof BerthError) return error;
  const e = error as DockerModemError;
  if (e?.code && unreachableCodes.has(e.code)) {
    if (e.code === 'EACCES') {
      return new BerthError(
        'ENGINE_UNAVAILABLE',
        `Permission denied talking to the engine (${e.code}).`,
        'Add yourself to the "docker" group (then log in again), or choose another engine.',
        { reason: 'enginePermissionDenied', params: { code: e.code } },
      );
    }
    return new BerthError(
      'ENGINE_UNAVAILABLE',
      'The container engine is not answering.',
      'Is dockerd running? Berth reconnects by itself as soon as it is back.',
      { reason: 'engineUnavailable' },
    );
  }
  const message = engineMessage(error);
  const lower = message.toLowerCase();
  // Berth's words say what kind of failure it is; the engine's own sentence is quoted beside them.
  const engineText = message;
  switch (e?.statusCode) {
    case 404:
      return new BerthError(
        'NOT_FOUND',
        message,
        subject ? `${subject} may have been removed outside Berth; the list refreshes by itself.` : undefined,
        { reason: 'engineNotFound', engineText },
      );
    case 409:
      if (lower.includes('already in use')) {
        return new BerthError('CONFLICT', message, 'Choose another name, or rename or remove the container that has it.', { reason: 'nameInUse', engineText });
      }
      if (lower.includes('is not running') || lower.includes('not paused')) {
        return new BerthError('NOT_RUNNING', message, 'Start the container first.', { reason: 'containerNotRunning', engineText });
      }
      if (lower.includes('running container') || lower.includes('stop the container')) {
        return new BerthError('CONFLICT', message, 'Stop it first, or remove it with "force".', { reason: 'containerRunning', engineText });
      }
      if (lower.includes('is paused')) {
        return new BerthError('CONFLICT', message, 'Unpause it first.', { reason: 'containerPaused', engineText });
      }
      return new BerthError('CONFLICT', message, undefined, { reason: 'engineConflict', engineText });
    case 400:
      return new BerthError('INVALID_INPUT', message, undefined, { reason: 'engineRefusedInput', engineText });
    default:
      return new BerthError('ENGINE_ERROR', message, subject ? `The engine refused this for ${subject}.` : undefined, { reason: 'engineFailed', engineText });
  }
}
