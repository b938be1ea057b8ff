import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The web host's door checks, as pure functions. The host serves only on loopback, and a page from
 * any other site (or a DNS-rebound name pointing at 127.0.0.1) must not reach the engine: every
 * request needs the token, and Host and Origin must name us.
 */

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function cookieName(port: number): string {
  // Cookies ignore ports, so two Berths on one machine need different names.
  return `berth_token_${port}`;
}

const loopbackNames = ['127.0.0.1', 'localhost'];

/** Host must be one of our loopback names with our port: a rebound DNS name is refused. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return loopbackNames.some((name) => host.toLowerCase() === `${name}:${port}`);
}

/** Origin, when present, must be our own page. `required` is for WebSocket upgrades, which browsers always label. */
export function originAllowed(origin: string | undefined, port: number, required: boolean): boolean {
  if (origin === undefined) return !required;
  return loopbackNames.some((name) => origin.toLowerCase() === `http://${name}:${port}`);
}

export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function sessionCookie(port: number, token: string): string {
  return `${cookieName(port)}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

export type DoorVerdict =
  | { allow: true; setCookie?: string; redirectTo?: string }
  | { allow: false; status: 401 | 403; reason: string };

/** Decides one HTTP request or WebSocket upgrade. */
export function checkRequest(
  request: { url: string | undefined; host: string | undefined; origin: string | undefined; cookie: string | undefined },
  expected: { port: number; token: string; upgrade: boolean },
): DoorVerdict {
  if (!hostAllowed(request.host, expected.port)) {
    return { allow: false, status: 403, reason: 'This address is not Berth’s (Host header refused).' };
  }
  if (!originAllowed(request.origin, expected.port, expected.upgrade)) {
    return { allow: false, status: 403, reason: 'Requests from other sites are refused (Origin header).' };
  }
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${expected.port}`);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null && !expected.upgrade) {
    if (!tokensEqual(fromUrl, expected.token)) {
      return { allow: false, status: 401, reason: 'That token is not this Berth’s. Open the address Berth printed.' };
    }
    url.searchParams.delete('token');
    return {
      allow: true,
      setCookie: sessionCookie(expected.port, expected.token),
      redirectTo: url.pathname + url.search,
    };
  }
  if (!tokensEqual(readCookie(request.cookie, cookieName(expected.port)), expected.token)) {
    return { allow: false, status: 401, reason: 'Open the address Berth printed when it started (it carries a token).' };
  }
  return { allow: true };
}
