import type { TFunction } from 'i18next';
import { isRemoteAddress } from '../../../../engine/contract/engine-address';
import type { EngineEndpoint } from '../../../../engine/contract/types';

/** The name a person knows an engine by: its saved name, its context's name, else where Berth found it. */
export function engineDisplayName(t: TFunction, endpoint: EngineEndpoint): string {
  if (endpoint.source === 'saved' && endpoint.name) return endpoint.name;
  if (endpoint.source === 'context' && endpoint.contextName) return endpoint.contextName;
  if (endpoint.source === 'berth') return t('engine.choices.berth');
  return t(`engine.sources.${endpoint.source}`);
}

/** The engine runs on another computer (ssh://, or tcp:// beyond loopback). */
export function isRemoteEngine(endpoint: EngineEndpoint): boolean {
  return isRemoteAddress(endpoint.url);
}
