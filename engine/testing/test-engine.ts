import Docker from 'dockerode';
import { afterAll } from 'vitest';
import { dockerOptionsFor } from '../docker/client.js';
import { fixtureImage, requireDockerHost } from './engine-env.js';

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

/**
 * Starts a container the engine keeps restarting (`sh -c 'exit 3'`, restart policy always; back-off
 * from 100 ms, doubling), put in `made` for cleanup.
 */
export async function startRestartLoop(docker: Docker, made: string[]): Promise<Docker.Container> {
  const container = await docker.createContainer({
    Image: fixtureImage,
    Cmd: ['sh', '-c', 'exit 3'],
    Labels: { 'dev.berth.e2e': '1' },
    HostConfig: { RestartPolicy: { Name: 'always' } },
  });
  made.push(container.id);
  await container.start();
  return container;
}
