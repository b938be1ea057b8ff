import type { TFunction } from 'i18next';
import type { EngineStatus } from '../../../engine/contract/types';

/**
 * Why the link to the engine was lost, in the person's language where the engine host says which
 * kind it was (`lastErrorKind`); otherwise the text it sent (the engine's own words).
 */
export function engineLinkError(t: TFunction, status: Pick<EngineStatus, 'lastError' | 'lastErrorKind'>): string | undefined {
  const known = status.lastErrorKind;
  if (known) return known.kind === 'noAnswer' ? t('banner.linkLost.noAnswer', { code: known.code }) : t(`banner.linkLost.${known.kind}`);
  return status.lastError;
}
