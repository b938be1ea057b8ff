import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';
import { defaultHostIp, parsePortSpec, portProblemText } from '../contract/ports.js';
import { imageIdPattern, parseImageReference } from '../contract/reference.js';
import type { ContainerRunInput } from '../contract/schemas.js';
import { engineCall } from './bulk.js';

/**
 * The Engine API body for the run dialog's choices: the same container the printed `docker run`
 * makes. Ports follow docker's -p rules (ports.ts) with Berth's 127.0.0.1 when no address is given;
 * volumes and host folders go in HostConfig.Mounts (as `--mount` does), not Binds, whose
 * "source:target:mode" string cannot carry a path with ":". Unlike `-v`, a missing host folder is
 * then an error from the engine rather than an empty root-owned folder made for it.
 */
export function createOptions(input: ContainerRunInput): Docker.ContainerCreateOptions {
  const parsed = parseImageReference(input.image);
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const spec of input.ports) {
    const result = parsePortSpec(spec);
    if (!result.ok) throw new BerthError('INVALID_INPUT', portProblemText(result), undefined, { reason: 'inputProblem', params: { ...result.params, problem: `port.${result.code}` } });
    for (const port of result.bindings) {
      const key = `${port.containerPort}/${port.protocol}`;
      exposed[key] = {};
      (bindings[key] ??= []).push({ HostIp: port.hostIp || defaultHostIp, HostPort: port.hostPort });
    }
  }
  return {
    // The engine resolves familiar names (and IDs) itself; keep what the person typed when it parses.
    Image: parsed.ok || imageIdPattern.test(input.image.trim()) ? input.image.trim() : input.image,
    ...(input.name ? { name: input.name } : {}),
    ...(input.command.length ? { Cmd: input.command } : {}),
    Env: input.env,
    ExposedPorts: exposed,
    HostConfig: {
      PortBindings: bindings,
      Mounts: input.mounts.map((m) => ({
        Type: m.source.startsWith('/') ? ('bind' as const) : ('volume' as const),
        Source: m.source,
        Target: m.target,
        ReadOnly: m.readOnly,
      })),
      RestartPolicy: { Name: input.restart === 'no' ? '' : input.restart },
      AutoRemove: input.autoRemove,
      ...(input.network ? { NetworkMode: input.network } : {}),
    },
  };
}

/**
 * Creates and starts a container; if it cannot start, the created container is left for the person to
 * see, as docker run does. A host port someone else holds is `hostPortTaken` (params port, name).
 */
export async function runContainer(docker: Docker, input: ContainerRunInput): Promise<{ id: string; name: string }> {
  const container = await engineCall(docker.createContainer(createOptions(input)), input.name ? `Container ${input.name}` : undefined).catch((e: unknown) => {
    throw missingHostFolder(e) ?? e;
  });
  await engineCall(container.start(), input.name ? `Container ${input.name}` : undefined).catch(async (e: unknown) => {
    const port = takenHostPort(e);
    if (!port) throw e;
    const name = input.name || (await container.inspect().then((i) => i.Name.replace(/^\//, ''), () => container.id.slice(0, 12)));
    throw new BerthError(
      'CONFLICT',
      `Host port ${port} is already taken, so container ${name} was created but not started.`,
      `Choose another host port or leave it empty for any free port, then remove ${name} or start it once the port is free.`,
      { reason: 'hostPortTaken', params: { port, name }, engineText: e instanceof BerthError ? e.engineText : undefined },
    );
  });
  const info = await engineCall(container.inspect());
  return { id: info.Id, name: info.Name.replace(/^\//, '') };
}

/**
 * The host address and port a start failed on because something else holds it, from the engine's
 * own words: "Bind for 127.0.0.1:8080 failed: port is already allocated" (another container) or
 * "listen tcp4 0.0.0.0:8080: bind: address already in use" (another program), as Docker 20.10–27
 * say it; Docker 28 and later say "failed to bind host port [for] 0.0.0.0:8080…: address already in
 * use". Undefined otherwise.
 */
export function takenHostPort(error: unknown): string | undefined {
  const message = error instanceof BerthError ? (error.engineText ?? error.message) : error instanceof Error ? error.message : '';
  return (
    /Bind for (\S+) failed: port is already allocated/.exec(message)?.[1] ??
    /listen \w+ (\S+): bind: address already in use/.exec(message)?.[1] ??
    /failed to bind host port (?:for )?((?:\[[^\]]+\]|[^\s:/[]+):\d+)/.exec(message)?.[1]
  );
}

/**
 * `--mount type=bind` (unlike `-v`) does not make a missing host folder, and the engine says so in
 * its own words; Berth adds what to do.
 */
function missingHostFolder(error: unknown): BerthError | undefined {
  const message = error instanceof Error ? error.message : '';
  if (!/bind source path does not exist/i.test(message)) return undefined;
  return new BerthError(
    'INVALID_INPUT',
    message,
    'Create the folder on the engine’s machine first, or check the path: Berth does not make missing host folders (docker -v would, owned by root).',
    { reason: 'hostFolderMissing', engineText: message },
  );
}
