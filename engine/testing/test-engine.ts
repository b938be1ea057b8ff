import Docker from 'dockerode';
import { afterAll } from 'vitest';
import { dockerOptionsFor } from '../docker/client.js';
import { requireDockerHost } from './engine-env.js';

/**
 * A dockerode client on the test engine, and a list the test file puts the ids of containers it
 * makes in: they are removed (forced) once the file's tests are done, passed or failed.
 */
export function testEngineClient(): { docker: Docker; made: string[] } {
  const docker = new Docker(dockerOptionsFor(requireDockerHost()));
  const made: string[] = [];
  afterAll(async () => {
    for (const id of made) await docker.getContainer(id).remove({ force: true }).catch(() => undefined);
  });
  return { docker, made };
}
