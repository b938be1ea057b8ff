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
});

describe('engineMessage', () => {
  it('strips docker-modem wrapping when no JSON body came', () => {
    expect(engineMessage(new Error('(HTTP code 500) server error - boom'))).toBe('boom');
  });
});
