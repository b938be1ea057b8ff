import type { ILinkHandler } from '@xterm/xterm';
import { i18n } from '../i18n';

/**
 * Where a link a program wrote into a terminal (OSC 8) may lead: an http(s) address other than
 * Berth's own page. Berth's own origin is refused: a tab opened there would be Berth itself, at a
 * place the program chose. `ownOrigin` is the page's `location.origin`. Returns the address to open,
 * or why not (`notWeb`: another scheme, or not an address at all; `own`: Berth's own, with the
 * address as parsed). `url` is always the parsed form (percent-encoded, one line): the program's own
 * text could carry paragraph separators or bidi overrides that would lay out a dialog's words.
 */
export function linkTarget(uri: string, ownOrigin: string): { url: string } | { refused: 'notWeb' } | { refused: 'own'; url: string } {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    return { refused: 'notWeb' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { refused: 'notWeb' };
  if (parsed.origin === ownOrigin || sameLoopbackPort(parsed, ownOrigin)) return { refused: 'own', url: parsed.href };
  return { url: parsed.href };
}

/** localhost, 127.0.0.1 and [::1] on one port are the same web host (it listens on all three). */
function sameLoopbackPort(url: URL, ownOrigin: string): boolean {
  let own: URL;
  try {
    own = new URL(ownOrigin);
  } catch {
    return false;
  }
  const loopback = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  return loopback(url.hostname) && loopback(own.hostname) && url.port === own.port;
}

/**
 * A terminal's link handler in place of xterm's own, which asks in English and then opens the link
 * in a new window that shares the page's session storage (the web host's session): asks in the
 * person's language, naming the address; opens it with noopener and noreferrer (no session storage
 * is copied, no way back to Berth); refuses Berth's own address and says so.
 */
export const terminalLinkHandler: ILinkHandler = {
  activate(_event, uri) {
    const target = linkTarget(uri, window.location.origin);
    if ('refused' in target) {
      if (target.refused === 'own') window.alert(i18n.t('terminalLinks.ownAddress', { url: target.url }));
      return;
    }
    if (window.confirm(i18n.t('terminalLinks.open', { url: target.url }))) window.open(target.url, '_blank', 'noopener,noreferrer');
  },
};
