import type Docker from 'dockerode';
import { parseImageReference } from '../contract/reference.js';
import type { ContainerRunInput } from '../contract/schemas.js';
import { engineCall } from './bulk.js';

/** The Engine API body for the run dialog's choices: the same container `docker run` would make. */
export function createOptions(input: ContainerRunInput): Docker.ContainerCreateOptions {
  const parsed = parseImageReference(input.image);
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const port of input.ports) {
    const key = `${port.containerPort}/${port.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: port.hostIp, HostPort: port.hostPort ? String(port.hostPort) : '' });
  }
  return {
    // The engine resolves familiar names itself; keep what the person typed when it parses.
    Image: parsed.ok ? input.image.trim() : input.image,
    ...(input.name ? { name: input.name } : {}),
    ...(input.command.length ? { Cmd: input.command } : {}),
    Env: input.env,
    ExposedPorts: exposed,
    HostConfig: {
      PortBindings: bindings,
      Binds: input.mounts.map((m) => `${m.source}:${m.target}${m.readOnly ? ':ro' : ''}`),
      RestartPolicy: { Name: input.restart === 'no' ? '' : input.restart },
      AutoRemove: input.autoRemove,
      ...(input.network ? { NetworkMode: input.network } : {}),
    },
  };
}

/** Creates and starts a container; if it cannot start, the created container is left for the person to see, as docker run does. */
export async function runContainer(docker: Docker, input: ContainerRunInput): Promise<{ id: string; name: string }> {
  const container = await engineCall(docker.createContainer(createOptions(input)), input.name ? `Container ${input.name}` : undefined);
  await engineCall(container.start(), input.name ? `Container ${input.name}` : undefined);
  const info = await engineCall(container.inspect());
  return { id: info.Id, name: info.Name.replace(/^\//, '') };
}
