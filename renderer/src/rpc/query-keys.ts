import type { ResourceKind } from '../../../engine/contract/types';

/**
 * Query keys are [engine id, resource]: an events notice for one engine invalidates exactly the lists
 * it touches, and switching engines never shows one engine's containers under another's name.
 */
export const queryKeys = {
  status: ['engine-status'] as const,
  resource: (engineId: string, resource: ResourceKind | 'info') => [engineId, resource] as const,
};
