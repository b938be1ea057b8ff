import { describe, expect, it } from 'vitest';
import { checkSite, fetchSiteAllowed, parseTarget, sessionFromAuthorization, sessionFromProtocols } from './auth.js';
import { DoorKeys } from './keys.js';

const port = 7370;
const own = { host: `127.0.0.1:${port}`, origin: undefined, fetchSite: undefined };

describe('checkSite', () => {
  it('takes our loopback names, IPv4 and IPv6, and refuses a rebound or foreign Host', () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) expect(checkSite({ ...own, host }, { port, originRequired: false })).toBeUndefined();
    for (const host of [undefined, '', `evil.example:${port}`, '127.0.0.1:80', '127.0.0.1', '%']) {
      expect(checkSite({ ...own, host }, { port, originRequired: false }), String(host)).toMatchObject({ status: 403, code: 'HOST_REFUSED' });
    }
  });

  it('refuses other pages, another loopback port included, and demands an Origin where browsers always send one', () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port + 1}`, 'null', '%', `http://127.0.0.1:${port}, http://evil.example`]) {
      expect(checkSite({ ...own, origin }, { port, originRequired: false }), origin).toMatchObject({ code: 'ORIGIN_REFUSED' });
    }
    expect(checkSite(own, { port, originRequired: true })).toMatchObject({ code: 'ORIGIN_REFUSED' });
    expect(checkSite({ ...own, origin: `http://localhost:${port}` }, { port, originRequired: true })).toBeUndefined();
  });

  it('takes Sec-Fetch-Site same-origin and none only: same-site is every other port of 127.0.0.1', () => {
    expect([undefined, 'same-origin', 'none'].map(fetchSiteAllowed)).toEqual([true, true, true]);
    expect(['same-site', 'cross-site', '', '%'].map(fetchSiteAllowed)).toEqual([false, false, false, false]);
    expect(checkSite({ ...own, fetchSite: 'same-site' }, { port, originRequired: false })).toMatchObject({ code: 'SITE_REFUSED' });
  });
});

describe('parseTarget', () => {
  it('reads origin-form targets and never throws on anything else', () => {
    expect(parseTarget('/download/logs/web?ticket=a%20b')).toMatchObject({ pathname: '/download/logs/web' });
    expect(parseTarget('/download/logs/web?ticket=a%20b')?.params.get('ticket')).toBe('a b');
    expect(parseTarget('/?x=%')?.params.get('x')).toBe('%');
    // `//` made `new URL` throw inside the upgrade handler and took the process down.
    for (const raw of ['//', '//evil.example/', '*', 'http://127.0.0.1/', '', '/%', '/%zz', '/a%E0%A4%A', '/a b', '/\u0000', '/a\\b', undefined]) {
      expect(parseTarget(raw), String(raw)).toBeUndefined();
    }
  });
});

describe('session secrets in headers', () => {
  it('reads the secret from the WebSocket subprotocol list only beside berth.v1', () => {
    expect(sessionFromProtocols('berth.v1, berth.session.abc')).toBe('abc');
    expect(sessionFromProtocols('berth.session.abc')).toBeUndefined();
    expect(sessionFromProtocols('berth.v1, berth.session.')).toBeUndefined();
    expect(sessionFromProtocols(undefined)).toBeUndefined();
  });

  it('reads Authorization: Berth-Session <secret>', () => {
    const secret = 'a'.repeat(43);
    expect(sessionFromAuthorization(`Berth-Session ${secret}`)).toBe(secret);
    expect(sessionFromAuthorization(`Bearer ${secret}`)).toBeUndefined();
    expect(sessionFromAuthorization('Berth-Session %')).toBeUndefined();
  });
});

describe('DoorKeys', () => {
  it('takes a login token once: the second use is refused as used, a guess as unknown', () => {
    const keys = new DoorKeys();
    const token = keys.issueLoginToken();
    const first = keys.redeem(token);
    expect(first).toMatchObject({ ok: true });
    expect(keys.sessionValid(first.ok ? first.session : '')).toBe(true);
    expect(first.ok && first.session).not.toBe(token);
    expect(keys.redeem(token)).toEqual({ ok: false, code: 'TOKEN_USED' });
    expect(keys.redeem('guess')).toEqual({ ok: false, code: 'TOKEN_UNKNOWN' });
  });

  it('refuses a chosen login token (BERTH_TOKEN) short enough to guess: /session takes guesses without limit', () => {
    const keys = new DoorKeys();
    for (const weak of ['test', 'a'.repeat(31)]) expect(() => keys.issueLoginToken(weak), weak).toThrow(/at least 32 characters/);
    expect(keys.redeem('test')).toEqual({ ok: false, code: 'TOKEN_UNKNOWN' });
    const chosen = 'e2e-'.padEnd(32, 'x');
    expect(keys.redeem(keys.issueLoginToken(chosen))).toMatchObject({ ok: true });
  });

  it('mints tickets for a session only, good once, for exactly one method and target, until they expire', () => {
    let now = 0;
    const keys = new DoorKeys({ ticketTtlMs: 1000, now: () => now });
    const redeemed = keys.redeem(keys.issueLoginToken());
    const session = redeemed.ok ? redeemed.session : '';
    expect(keys.mintTicket('not-a-session', 'GET', '/download/logs/web')).toBeUndefined();
    const target = keys.mintTicket(session, 'GET', '/download/logs/web?x=1')!;
    expect(target).toMatch(/^\/download\/logs\/web\?x=1&ticket=[\w-]+$/);
    const ticket = new URLSearchParams(target.split('?')[1]).get('ticket');
    expect(keys.takeTicket(ticket, 'GET', target)).toBe(true);
    expect(keys.takeTicket(ticket, 'GET', target)).toBe(false);

    const other = keys.mintTicket(session, 'GET', '/download/logs/web')!;
    expect(keys.takeTicket(new URLSearchParams(other.split('?')[1]).get('ticket'), 'POST', other)).toBe(false);
    const late = keys.mintTicket(session, 'GET', '/download/logs/web')!;
    now = 1000;
    expect(keys.takeTicket(new URLSearchParams(late.split('?')[1]).get('ticket'), 'GET', late)).toBe(false);
  });
});
