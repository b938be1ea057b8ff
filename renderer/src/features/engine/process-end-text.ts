import type { TFunction } from 'i18next';
import { tKnown } from '../../i18n/keys';
import type { ProcessEnd } from '../../../../engine/contract/types';

/** How Berth's dockerd or QEMU last ended, in the person's language (the process's own words quoted). */
export function processEndText(t: TFunction, end: ProcessEnd | undefined): string | undefined {
  if (!end) return undefined;
  const kind = end.said ? 'said' : end.wentAway ? 'wentAway' : end.signal ? 'signal' : 'code';
  return tKnown(t, `engine.own.ended.${kind}`, { process: end.process, code: end.code, signal: end.signal, said: end.said });
}
