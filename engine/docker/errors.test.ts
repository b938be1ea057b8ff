import { describe, expect, it } from 'vitest';
import { engineMessage, fromDockerError } from './errors.js';

describe('fromDockerError', () => {
  it('keeps the engine message of a name conflict and adds a hint', () => {
    const error = fromDockerError({
      statusCode: 409,
      message: '(HTTP code 409) unexpected - Conflict. The container name "/db" is already in use',
      json: { message: 'Conflict. The container name "/db" is already in use by container "abc".' },
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Conflict. The container name "/db" is already in use by container "abc".');
    expect(error.hint).toMatch(/another name/);
  });

  it('says the engine is not answering when the socket refuses', () => {
    const error = fromDockerError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(error.code).toBe('ENGINE_UNAVAILABLE');
    expect(error.hint).toMatch(/reconnects/);
  });

  it('tells a not-running container apart', () => {
    const error = fromDockerError({ statusCode: 409, json: { message: 'Container abc is not running' } });
    expect(error.code).toBe('NOT_RUNNING');
  });

  it('names the kind of failure as a reason and keeps the engine’s sentence to quote beside it', () => {
    // The engine's words as Docker 20.10 answers each status; Berth words only the kind.
    const cases: [number, string, string][] = [
      [404, 'No such container: web', 'engineNotFound'],
      [409, 'Conflict. The container name "/db" is already in use by container "abc".', 'nameInUse'],
      [409, 'Container abc is not running', 'containerNotRunning'],
      [409, 'You cannot remove a running container abc. Stop the container before attempting removal or force remove', 'containerRunning'],
      [409, 'Container abc is paused, unpause the container before stopping or killing', 'containerPaused'],
      [409, 'conflict: unable to delete 0123456789ab (cannot be forced) - image has dependent child images', 'engineConflict'],
      [400, 'invalid reference format', 'engineRefusedInput'],
      [500, 'driver failed programming external connectivity', 'engineFailed'],
    ];
    for (const [statusCode, message, reason] of cases) {
      expect(fromDockerError({ statusCode, json: { message } }).toShape(), message).toMatchObject({ message, reason, engineText: message });
    }
  });
});

describe('engineMessage', () => {
  it('strips docker-modem wrapping when no JSON body came', () => {
    expect(engineMessage(new Error('(HTTP code 500) server error - boom'))).toBe('boom');
  });
});
