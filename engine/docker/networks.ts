import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';
import type { NetworksApi } from '../contract/service.js';
import type { NetworkSummary } from '../contract/types.js';
import { engineCall } from './bulk.js';

const builtIn = new Set(['bridge', 'host', 'none']);

/** Networks on a Docker Engine API: list with attached containers, create, remove, connect, disconnect. */
export class DockerNetworks implements NetworksApi {
  constructor(private readonly docker: Docker) {}

  async list(): Promise<NetworkSummary[]> {
    const [networks, containers] = await Promise.all([
      engineCall(this.docker.listNetworks()),
      engineCall(this.docker.listContainers({ all: true })),
    ]);
    // A network's own Containers lists only running endpoints; the containers' settings list stopped ones too.
    const members = new Map<string, { id: string; name: string }[]>();
    for (const c of containers) {
      for (const [network, settings] of Object.entries(c.NetworkSettings?.Networks ?? {})) {
        const list = members.get(settings.NetworkID || network) ?? [];
        list.push({ id: c.Id, name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, '') });
        members.set(settings.NetworkID || network, list);
        if (!settings.NetworkID) members.set(network, list);
      }
    }
    return networks.map((n: Docker.NetworkInspectInfo) => ({
      id: n.Id,
      name: n.Name,
      driver: n.Driver,
      scope: n.Scope,
      subnets: (n.IPAM?.Config ?? []).map((c) => c.Subnet).filter((s): s is string => Boolean(s)),
      builtIn: builtIn.has(n.Name),
      containers: members.get(n.Id) ?? members.get(n.Name) ?? [],
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

  async remove(network: string) {
    if (builtIn.has(network)) {
      throw new BerthError('INVALID_INPUT', `${network} comes with the engine and cannot be removed.`);
    }
    try {
      await this.docker.getNetwork(network).remove();
    } catch (e) {
      const error = await engineCall(Promise.reject(e), `Network ${network}`).catch((mapped: BerthError) => mapped);
      throw new BerthError(
        error.code,
        error.message,
        /active endpoints/i.test(error.message) ? 'Disconnect its containers (or remove them) first.' : error.hint,
      );
    }
  }

  async connect(network: string, container: string) {
    await engineCall(this.docker.getNetwork(network).connect({ Container: container }), `Network ${network}`);
  }

  async disconnect(network: string, container: string) {
    await engineCall(this.docker.getNetwork(network).disconnect({ Container: container }), `Network ${network}`);
  }
}
