import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';
import type { NetworksApi } from '../contract/service.js';
import type { NetworkSummary } from '../contract/types.js';
import { engineCall } from './bulk.js';
import { logFor } from '../shared/log.js';

const log = logFor('networks');

const builtIn = new Set(['bridge', 'host', 'none']);

/** Networks on a Docker Engine API: list, create, remove, connect, disconnect. */
export class DockerNetworks implements NetworksApi {
  constructor(private readonly docker: Docker) {}

  /**
   * `docker network ls` as rows. Which containers are attached is not asked here: it comes with each
   * container's row (ContainerSummary.networks), which the page keeps fresh by events; listing every
   * container took ~60 ms of the engine's time at 1,000 containers, against ~1 ms for the networks.
   */
  async list(): Promise<NetworkSummary[]> {
    const networks = await engineCall(this.docker.listNetworks());
    return networks.map((n: Docker.NetworkInspectInfo) => ({
      id: n.Id,
      name: n.Name,
      driver: n.Driver,
      scope: n.Scope,
      subnets: (n.IPAM?.Config ?? []).map((c) => c.Subnet).filter((s): s is string => Boolean(s)),
      builtIn: builtIn.has(n.Name),
    }));
  }

  async create({ name, subnet }: { name: string; subnet: string }) {
    const network = await engineCall(
      this.docker.createNetwork({
        Name: name,
        Driver: 'bridge',
        CheckDuplicate: true,
        ...(subnet ? { IPAM: { Driver: 'default', Config: [{ Subnet: subnet }] } } : {}),
      }),
      `Network ${name}`,
    );
    return { id: network.id };
  }

  /**
   * The name a network given by name or id goes by, for messages: the page acts by id (names may
   * be any text and need not be unique), a person reads names. The reference itself when the
   * engine does not know it (the action that follows says so).
   */
  private async nameOf(network: string): Promise<string> {
    try {
      return (await this.docker.getNetwork(network).inspect()).Name ?? network;
    } catch {
      return network;
    }
  }

  async remove(network: string) {
    const name = await this.nameOf(network);
    if (builtIn.has(name)) {
      throw new BerthError('INVALID_INPUT', `${name} comes with the engine and cannot be removed.`, undefined, { reason: 'networkBuiltIn', params: { network: name } });
    }
    try {
      await this.docker.getNetwork(network).remove();
    } catch (e) {
      const error = await engineCall(Promise.reject(e), `Network ${name}`).catch((mapped: BerthError) => mapped);
      if (!/active endpoints/i.test(error.message)) throw error;
      // The engine's words name only the network's id: name the containers still running on it.
      const running = await this.runningOn(network);
      throw new BerthError(error.code, error.message, 'Disconnect its containers (or remove them) first.', {
        reason: running.length ? 'networkInUseBy' : 'networkInUse',
        params: running.length ? { network: name, containers: running } : { network: name },
        engineText: error.message,
      });
    }
  }

  /**
   * The names of the containers running on `network` (those with an endpoint on it), the first
   * `runningShown` and then '…'; [] when the engine would not say.
   */
  private async runningOn(network: string): Promise<string[]> {
    const inspected = await this.docker.getNetwork(network).inspect().catch(() => undefined) as { Containers?: Record<string, { Name?: string }> } | undefined;
    const names = Object.values(inspected?.Containers ?? {}).map((c) => c.Name ?? '').filter(Boolean).sort();
    return names.length > runningShown ? [...names.slice(0, runningShown), '…'] : names;
  }

  async connect(network: string, container: string) {
    const name = await this.nameOf(network);
    await engineCall(this.docker.getNetwork(network).connect({ Container: container }), `Network ${name}`);
  }

  async disconnect(network: string, container: string) {
    const name = await this.nameOf(network);
    await engineCall(this.docker.getNetwork(network).disconnect({ Container: container }), `Network ${name}`);
  }
}

/** How many running containers a refused network removal names before '…'. */
const runningShown = 5;

/** The engine's words when a container's network is gone: `network <name or 64-hex id> not found`. */
const missingNetwork = /^network (\S+) not found/i;

/**
 * Rewords the engine's refusal to start a container whose network was removed: the engine names the
 * network by ID once the container has been connected to it, but the container's own settings still
 * hold the name (NetworkSettings.Networks is keyed by name, each entry with its NetworkID). Any other
 * failure comes back as it was.
 */
export async function explainMissingNetwork(docker: Docker, container: string, error: BerthError): Promise<BerthError> {
  const named = missingNetwork.exec(error.message)?.[1];
  if (!named) return error;
  const info = await docker.getContainer(container).inspect().catch(log.fallback('inspecting a container for its networks', undefined));
  if (!info) return error;
  const networks = Object.entries(info.NetworkSettings?.Networks ?? {});
  const network = networks.find(([name, settings]) => name === named || (settings.NetworkID && settings.NetworkID === named))?.[0] ?? named;
  const containerName = info.Name.replace(/^\//, '');
  // Removed and made again under the same name: the container still holds the old one's id, and
  // making the network again would not help; connecting it to the new one does.
  const current = await docker.listNetworks({ filters: { name: [network] } }).catch(log.fallback('listing networks by name', []));
  if (named !== network && current.some((n) => n.Name === network)) {
    return new BerthError('NOT_FOUND', error.message, `Connect ${containerName} to the network ${network} made since, then start it.`, {
      reason: 'networkReplaced',
      params: { network, container: containerName },
      engineText: error.message,
    });
  }
  return new BerthError(
    'NOT_FOUND',
    error.message,
    `Connect ${containerName} to another network, or create a network named ${network} again.`,
    { reason: 'networkMissing', params: { network, container: containerName }, engineText: error.message },
  );
}
