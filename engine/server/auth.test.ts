import { describe, expect, it } from 'vitest';
import { checkRequest, cookieName } from './auth.js';

const port = 7370;
const token = 'secret-token';
const expected = { port, token, upgrade: false };
const base = { url: '/', host: `127.0.0.1:${port}`, origin: undefined, cookie: undefined };

describe('checkRequest', () => {
  it('refuses a request without the token', () => {
    expect(checkRequest(base, expected)).toMatchObject({ allow: false, status: 401 });
  });

  it('trades the URL token for a strict cookie and drops it from the address', () => {
    const verdict = checkRequest({ ...base, url: `/?token=${token}&x=1` }, expected);
    expect(verdict).toMatchObject({ allow: true, redirectTo: '/?x=1' });
    if (!verdict.allow) throw new Error('unreachable');
    expect(verdict.setCookie).toContain('HttpOnly');
    expect(verdict.setCookie).toContain('SameSite=Strict');
  });

  it('refuses a wrong token in the URL', () => {
    expect(checkRequest({ ...base, url: '/?token=guess' }, expected)).toMatchObject({ allow: false, status: 401 });
  });

  it('accepts the cookie', () => {
    expect(checkRequest({ ...base, cookie: `a=b; ${cookieName(port)}=${token}` }, expected)).toEqual({ allow: true });
  });

  it('refuses a rebound host name even with the right cookie', () => {
    const cookie = `${cookieName(port)}=${token}`;
    expect(checkRequest({ ...base, cookie, host: `evil.example:${port}` }, expected)).toMatchObject({ status: 403 });
    expect(checkRequest({ ...base, cookie, host: '127.0.0.1:80' }, expected)).toMatchObject({ status: 403 });
  });

  it('refuses other sites, and upgrades without an Origin', () => {
    const cookie = `${cookieName(port)}=${token}`;
    expect(checkRequest({ ...base, cookie, origin: 'http://evil.example' }, expected)).toMatchObject({ status: 403 });
    expect(checkRequest({ ...base, cookie }, { ...expected, upgrade: true })).toMatchObject({ status: 403 });
    expect(
      checkRequest({ ...base, cookie, origin: `http://localhost:${port}` }, { ...expected, upgrade: true }),
    ).toEqual({ allow: true });
  });

  it('never takes a token from a WebSocket URL', () => {
    const verdict = checkRequest(
      { ...base, url: `/rpc?token=${token}`, origin: `http://127.0.0.1:${port}` },
      { ...expected, upgrade: true },
    );
    expect(verdict).toMatchObject({ allow: false, status: 401 });
  });
});
