/**
 * The web host's door checks, as pure functions that never throw, whatever a request carries.
 *
 * Browsers send cookies to every port of 127.0.0.1, so the web page of any container a person opens
 * would receive a cookie of ours; the door therefore takes no cookies at all. What opens it is a
 * session secret the page holds in sessionStorage and sends only where the page itself chooses: in
 * the WebSocket's Sec-WebSocket-Protocol list, in an `Authorization: Berth-Session …` header of a
 * fetch, or as a single-use ticket in a download/upload URL (./keys.ts).
 */

/** The names a browser on this machine may use for us: loopback, IPv4 and IPv6 (both are bound). */
function ownHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

/** Host must be one of our loopback names with our port: a rebound DNS name is refused. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (typeof host !== 'string') return false;
  return ownHosts(port).includes(host.toLowerCase());
}

/** Origin, when present, must be our own page. `required` for upgrades and POSTs, which browsers always label. */
export function originAllowed(origin: string | undefined, port: number, required: boolean): boolean {
  if (typeof origin !== 'string') return !required;
  return ownHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

/**
 * Sec-Fetch-Site, sent by every current browser: only our own pages (same-origin) and what a person
 * typed or opened from outside a page (none). `same-site` is refused on purpose: every other port of
 * 127.0.0.1 is the same site. Absent (not a browser, or an old one) passes; Host and Origin still hold.
 */
export function fetchSiteAllowed(site: string | undefined): boolean {
  return site === undefined || site === 'same-origin' || site === 'none';
}

export interface Target {
  /** The path, still percent-encoded as sent (routes decode their own parts). */
  pathname: string;
  params: URLSearchParams;
}

/**
 * A request target in origin form (`/path?query`), or undefined for anything else: `//host`, `*`,
 * absolute URLs, control characters, broken percent-encoding in the path. Never throws.
 */
export function parseTarget(raw: string | undefined): Target | undefined {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.length > 8192) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\uffff#\\]/.test(raw)) return undefined;
  const query = raw.indexOf('?');
  const pathname = query === -1 ? raw : raw.slice(0, query);
  if (safeDecode(pathname) === undefined) return undefined;
  try {
    return { pathname, params: new URLSearchParams(query === -1 ? '' : raw.slice(query + 1)) };
  } catch {
    return undefined;
  }
}

/** decodeURIComponent that answers undefined instead of throwing on `%`, `%zz` or a split UTF-8 sequence. */
export function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

const sessionPrefix = 'berth.session.';
/** The subprotocol the host answers with; the page offers it beside its session secret. */
export const wsProtocol = 'berth.v1';

/**
 * The session secret a WebSocket upgrade offers in Sec-WebSocket-Protocol (`berth.v1,
 * berth.session.<secret>`), which a browser sends only where the page opens a socket itself.
 */
export function sessionFromProtocols(header: string | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const offered = header.split(',').map((p) => p.trim());
  if (!offered.includes(wsProtocol)) return undefined;
  const secret = offered.find((p) => p.startsWith(sessionPrefix))?.slice(sessionPrefix.length);
  return secret || undefined;
}

/** The session secret of `Authorization: Berth-Session <secret>`. */
export function sessionFromAuthorization(header: string | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Berth-Session ([A-Za-z0-9_-]{16,128})$/.exec(header);
  return match?.[1];
}

export type Refusal = { status: 400 | 401 | 403 | 404 | 405 | 413 | 415 | 431; code: string; message: string };

/** The checks every request and upgrade passes before anything else: who names us, from where. */
export function checkSite(
  request: { host: string | undefined; origin: string | undefined; fetchSite: string | undefined },
  expected: { port: number; originRequired: boolean },
): Refusal | undefined {
  if (!hostAllowed(request.host, expected.port)) {
    return { status: 403, code: 'HOST_REFUSED', message: 'This address is not Berth’s (Host header refused).' };
  }
  if (!originAllowed(request.origin, expected.port, expected.originRequired)) {
    return { status: 403, code: 'ORIGIN_REFUSED', message: 'Requests from other pages are refused (Origin header).' };
  }
  if (!fetchSiteAllowed(request.fetchSite)) {
    return { status: 403, code: 'SITE_REFUSED', message: 'Requests from other pages are refused (Sec-Fetch-Site header).' };
  }
  return undefined;
}
