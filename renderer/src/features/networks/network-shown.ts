import type { NetworkSummary } from '../../../../engine/contract/types';

/**
 * How a network is named in the docker command a person is shown: its name when that picks it out,
 * else its id. The engine takes one name for several networks (API callers that skip
 * CheckDuplicate, older Swarm and Compose), and then `docker network rm NAME` answers "network
 * name is ambiguous"; a name that is the id (or id prefix) of another network would pick that
 * other one, since docker looks a network up by full id, then exact name, then id prefix
 * (moby daemon/network.go FindNetwork).
 */
export function networkShown(network: Pick<NetworkSummary, 'id' | 'name'>, all: readonly Pick<NetworkSummary, 'id' | 'name'>[]): string {
  const clash = all.some((other) => other.id !== network.id && (other.name === network.name || other.id.startsWith(network.name)));
  return clash ? network.id : network.name;
}
