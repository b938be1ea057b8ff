import type { TFunction } from 'i18next';
import type { EngineStatus, SshLinkProblem } from '../../../engine/contract/types';
import { tKnown } from '../i18n/keys';

/**
 * Why the link to the engine was lost, in the person's language where the engine host says which
 * kind it was (`lastErrorKind`); otherwise the text it sent (the engine's own words).
 */
export function engineLinkError(t: TFunction, status: Pick<EngineStatus, 'lastError' | 'lastErrorKind'>): string | undefined {
  const known = status.lastErrorKind;
  // An ssh:// engine's refusals (host key, login) are worded by their own part, filled from the kind's fields.
  if (known?.kind.startsWith('ssh')) return tKnown(t, `ssh.linkLost.${known.kind as SshLinkProblem['kind']}`, known as Record<string, unknown>);
  if (known) return known.kind === 'noAnswer' ? t('banner.linkLost.noAnswer', { code: known.code }) : tKnown(t, `banner.linkLost.${known.kind as 'timeout' | 'closed'}`);
  return status.lastError;
}
