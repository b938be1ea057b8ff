import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineManager } from '../engine-manager.js';
import { requireDockerHost } from '../testing/engine-env.js';
import { openSession, sessionProtocols, ticketFor, tokenOf } from './door-client.js';
import { webHostRoutes, type HttpRoute } from './downloads.js';
import { startWebHost, type WebHost } from './web-host.js';

let engine: EngineManager;
let host: WebHost;
let session: string;

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'berth-int-'));
  engine = await EngineManager.start({ engineUrl: requireDockerHost(), dataDir, runtimeDir: join(dataDir, 'run') });
  host = await startWebHost({ port: 0, rendererDir: '/nonexistent', context: { engine: engine.api, engines: engine.engines }, routes: webHostRoutes(engine.api, join(tmpdir(), 'berth-web-host-uploads')) });
  session = await openSession(host.port, tokenOf(host.newLoginAddress()));
});

afterAll(async () => {
  await host?.close();
  await engine?.close();
});

type Answer = { status: number; headers: Record<string, unknown>; body: string };

function call(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path, headers, setHost: !('Host' in headers) }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const get = (path: string, headers: Record<string, string> = {}) => call('GET', path, headers);
const own = () => ({ Host: `127.0.0.1:${host.port}`, Origin: `http://127.0.0.1:${host.port}` });
const json = { 'Content-Type': 'application/json' };

/** Opens a WebSocket to `path`; resolves with the HTTP status it was refused with, or 101 and the socket. */
function upgrade(headers: Record<string, string>, protocols: string[] = [], path = '/rpc'): Promise<{ status: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, protocols, { headers });
    socket.on('open', () => resolve({ status: 101, socket }));
    socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    socket.on('error', () => resolve({ status: -1 }));
  });
}

/** Raw bytes in, first status line out (0: closed without an answer). */
function raw(text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: host.port });
    let got = '';
    socket.on('data', (c: Buffer) => (got += c.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(got));
    socket.end(text);
  });
}

/**
 * Sends `text` and keeps this side open (as a hostile local process would); resolves true once the
 * host has let the connection go (a write after its answer is reset), false if it still holds it
 * after `ms`.
 */
function heldOpen(text: string, ms = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: host.port, allowHalfOpen: true });
    let poke: NodeJS.Timeout | undefined;
    const done = (held: boolean) => {
      clearInterval(poke);
      clearTimeout(deadline);
      socket.destroy();
      resolve(held);
    };
    const deadline = setTimeout(() => done(true), ms);
    socket.on('error', () => done(false));
    socket.on('close', () => done(false));
    socket.on('data', () => undefined);
    // The host's answer ends its side; from then on each byte we send must meet a closed socket.
    socket.on('end', () => (poke = setInterval(() => socket.write('x'), 20)));
    socket.write(text);
  });
}

describe('web host door: login', () => {
  it('serves the public page to our own address, and no data to anyone without a session', async () => {
    const page = await get('/');
    expect(page.status).toBe(404); // no renderer built for this test: still no refusal, and no data
    expect((await get('/download/logs/x', own())).status).toBe(401);
  });

  it('trades a login token for a session secret once; the second use says the token was used', async () => {
    const token = tokenOf(host.newLoginAddress());
    const first = await call('POST', '/session', { ...own(), ...json }, JSON.stringify({ token }));
    expect(first.status).toBe(200);
    const secret = (JSON.parse(first.body) as { session: string }).session;
    expect(secret).not.toBe(token);
    expect(first.headers['set-cookie']).toBeUndefined();
    const again = await call('POST', '/session', { ...own(), ...json }, JSON.stringify({ token }));
    expect([again.status, JSON.parse(again.body)]).toEqual([401, { code: 'TOKEN_USED' }]);
    const guess = await call('POST', '/session', { ...own(), ...json }, JSON.stringify({ token: 'guess' }));
    expect([guess.status, JSON.parse(guess.body)]).toEqual([401, { code: 'TOKEN_UNKNOWN' }]);
    const check = await call('POST', '/session', { ...own(), ...json }, JSON.stringify({ session: secret }));
    expect(check.status).toBe(200);
  });

  it('refuses a login from another page, another port of 127.0.0.1 included', async () => {
    const token = tokenOf(host.newLoginAddress());
    const pages: Record<string, string>[] = [{ Origin: `http://127.0.0.1:${host.port + 1}` }, { Origin: `http://127.0.0.1:${host.port}`, 'Sec-Fetch-Site': 'same-site' }, { Origin: 'http://evil.example' }, {}];
    for (const headers of pages) {
      expect((await call('POST', '/session', { ...headers, ...json }, JSON.stringify({ token }))).status, JSON.stringify(headers)).toBe(403);
    }
    expect((await call('POST', '/session', { ...own(), ...json }, JSON.stringify({ token }))).status).toBe(200);
  });

  it('refuses a foreign Origin and a DNS-rebound Host', async () => {
    expect((await get('/', { ...own(), Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get('/', { ...own(), Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await get('/', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });
});

describe('web host door: never throws', () => {
  it('answers 4xx to a cookie of `%` and to a `//` target, on HTTP and on upgrade, and keeps serving', async () => {
    expect((await get('/', { Cookie: '%' })).status).toBe(404);
    expect((await get('/', { Cookie: `berth_token_${host.port}=%` })).status).toBe(404);
    expect(await raw(`GET // HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    const upgradeBytes = (target: string, cookie: string) =>
      `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nOrigin: http://127.0.0.1:${host.port}\r\nCookie: ${cookie}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;
    expect(await raw(upgradeBytes('//', 'a=b'))).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(upgradeBytes('/rpc', '%'))).toMatch(/^HTTP\/1\.1 401/);
    expect((await get('/download/logs/%25', own())).status).toBe(401);
    expect((await get('/', {})).status).toBe(404);
  });

  it('lets go of a connection it refused, even when the client keeps its side open (no pile of idle sockets)', async () => {
    const h = `Host: 127.0.0.1:${host.port}\r\nOrigin: http://127.0.0.1:${host.port}\r\n`;
    const refusedUpgrade = `GET /rpc HTTP/1.1\r\n${h}Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;
    const held = await Promise.all([heldOpen(refusedUpgrade), heldOpen('NOT HTTP\r\n\r\n'), heldOpen(`CONNECT a:1 HTTP/1.1\r\n${h}\r\n`)]);
    expect(held).toEqual([false, false, false]);
  });

  it('sends nosniff and same-origin resource policy on every answer: refusals, parser errors, routes', async () => {
    const answers = [await get('/', { Host: 'evil.example' }), await get('/download/logs/x', own()), await call('POST', '/session', { ...own(), ...json }, '{')];
    const ticket = await ticketFor(host.port, session, 'GET', '/download/logs/no-such-container');
    answers.push(await get(ticket, own()));
    expect(answers.map((a) => a.status)).toEqual([403, 401, 400, 404]);
    for (const answer of answers) {
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
    const parserError = await raw('GET / HTTP/1.1\r\nBad Header\r\n\r\n');
    expect(parserError).toMatch(/^HTTP\/1\.1 400/);
    expect(parserError).toMatch(/X-Content-Type-Options: nosniff/);
    expect(parserError).toMatch(/Cross-Origin-Resource-Policy: same-origin/);
    // With the session, past Berth's checks: a handshake ws itself refuses (a bad version).
    const badHandshake = await raw(
      `GET /rpc HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nOrigin: http://127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 99\r\nSec-WebSocket-Protocol: ${sessionProtocols(session).join(', ')}\r\n\r\n`,
    );
    expect(badHandshake).toMatch(/^HTTP\/1\.1 400/);
    expect(badHandshake).toMatch(/X-Content-Type-Options: nosniff/);
    expect(badHandshake).toMatch(/Cross-Origin-Resource-Policy: same-origin/);
  });
});

describe('web host door: tickets', () => {
  it('lets a download through once with a ticket minted for it, and refuses the replay', async () => {
    const target = await ticketFor(host.port, session, 'GET', '/download/logs/no-such-container');
    expect((await get(target, own())).status).toBe(404); // reached the route: the engine has no such container
    expect((await get(target, own())).status).toBe(401);
  });

  it('lets exactly one of two parallel requests through with one ticket', async () => {
    const target = await ticketFor(host.port, session, 'GET', '/download/logs/no-such-container');
    const statuses = (await Promise.all([get(target, own()), get(target, own())])).map((a) => a.status).sort();
    expect(statuses).toEqual([401, 404]);
  });

  it('refuses a ticket on a spelling of its target that decodes the same (percent-encoding, another query), and spends it', async () => {
    for (const respell of [(t: string) => t.replace('/logs/a', '/logs/%61'), (t: string) => t.replace('?', '?x=1&'), (t: string) => `${t}&ticket=x`]) {
      const target = await ticketFor(host.port, session, 'GET', '/download/logs/a');
      expect((await get(respell(target), own())).status, respell(target)).toBe(401);
      expect((await get(target, own())).status, 'spent by the wrong spelling').toBe(401);
    }
  });

  it('refuses a ticket for another target or method, and minting without a session', async () => {
    const target = await ticketFor(host.port, session, 'GET', '/download/logs/a');
    expect((await get(target.replace('/logs/a', '/logs/b'), own())).status).toBe(401);
    const post = await ticketFor(host.port, session, 'POST', '/upload/volume/v?path=/&name=a');
    expect((await call('GET', post, own())).status).not.toBe(200);
    expect((await call('POST', '/ticket', { ...own(), ...json }, JSON.stringify({ method: 'GET', target: '/download/logs/a' }))).status).toBe(401);
    const wrongRoute = await call('POST', '/ticket', { ...own(), ...json, Authorization: `Berth-Session ${session}` }, JSON.stringify({ method: 'GET', target: '/session' }));
    expect(wrongRoute.status).toBe(400);
  });

  it('refuses download names that would reach another Engine API path', async () => {
    for (const path of ['/download/container/..%2F..%2Fimages%2Fjson', '/download/volume/..%2Fcontainers%2Fjson?path=/', '/download/volume-export/a%2F..%2Fb']) {
      const res = await get(await ticketFor(host.port, session, 'GET', path), own());
      expect(res.status, path).toBe(400);
      expect(res.body).toMatch(/uses letters, digits|named by its id/);
    }
    // An upload's refusal is shown on the page: a code the page words in the person's language.
    const upload = await call('POST', await ticketFor(host.port, session, 'POST', '/upload/volume/a%2F..%2Fb?path=/&name=x'), own(), 'bytes');
    expect(upload.status).toBe(400);
    expect(JSON.parse(upload.body)).toMatchObject({ code: 'INVALID_INPUT', reason: 'inputProblem', params: { problem: 'input.volumeRefPattern' } });
  });
});

describe('web host door: WebSocket', () => {
  it('refuses an upgrade without the session secret, with the login token, or with a cookie', async () => {
    expect((await upgrade(own())).status).toBe(401);
    expect((await upgrade(own(), ['berth.v1', 'berth.session.guess'])).status).toBe(401);
    expect((await upgrade({ ...own(), Cookie: `berth_session=${session}` }, ['berth.v1'])).status).toBe(401);
  });

  it('refuses a foreign Origin, a missing Origin, a rebound Host and same-site, even with the secret', async () => {
    const protocols = sessionProtocols(session);
    expect((await upgrade({ ...own(), Origin: 'http://evil.example' }, protocols)).status).toBe(403);
    expect((await upgrade({ ...own(), Origin: `http://127.0.0.1:${host.port + 1}` }, protocols)).status).toBe(403);
    const { Origin: _, ...noOrigin } = own();
    expect((await upgrade(noOrigin, protocols)).status).toBe(403);
    expect((await upgrade({ ...own(), Host: `evil.example:${host.port}` }, protocols)).status).toBe(403);
    expect((await upgrade({ ...own(), 'Sec-Fetch-Site': 'same-site' }, protocols)).status).toBe(403);
  });

  it('answers contract calls for its own page, and names only berth.v1 as the protocol', async () => {
    const { status, socket } = await upgrade(own(), sessionProtocols(session));
    expect(status).toBe(101);
    expect(socket!.protocol).toBe('berth.v1');
    const reply = await new Promise<{ id: number; result?: { data?: unknown } }>((resolve) => {
      socket!.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { id?: number };
        if (message.id === 1) resolve(message as { id: number });
      });
      socket!.send(JSON.stringify({ id: 1, method: 'query', params: { path: 'containers.list' } }));
    });
    socket!.close();
    expect(Array.isArray(reply.result?.data)).toBe(true);
  });
});

describe('web host door: where it listens', () => {
  it('holds [::1] on the same port too (nobody else can answer localhost there), or says there is no IPv6', async () => {
    if (!host.ipv6) return expect(networkInterfaces().lo?.some((a) => a.family === 'IPv6')).not.toBe(true);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '::1', port: host.port, path: '/', headers: { Host: `[::1]:${host.port}` } }, (res) => (res.resume(), resolve(res.statusCode ?? 0)));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(404);
  });

  it('will not start on a port whose [::1] another program holds, and leaves 127.0.0.1 free again', async () => {
    if (!host.ipv6) return;
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '::1', resolve));
    const port = (squatter.address() as { port: number }).port;
    try {
      await expect(startWebHost({ port, rendererDir: '/nonexistent', context: { engine: engine.api, engines: engine.engines } })).rejects.toThrow(
        `[::1]:${port} is already taken by another program`,
      );
      const v4 = createServer();
      await new Promise<void>((resolve, reject) => (v4.once('error', reject), v4.listen(port, '127.0.0.1', resolve)));
      await new Promise((resolve) => v4.close(resolve));
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('listens on loopback only', async () => {
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!outside) return expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    const reached = await new Promise<boolean>((resolve) => {
      const req = request({ host: outside.address, port: host.port, path: '/', timeout: 1000 }, () => resolve(true));
      req.on('error', () => resolve(false));
      req.on('timeout', () => (req.destroy(), resolve(false)));
      req.end();
    });
    expect(reached).toBe(false);
  });
});

describe('web host door: slow requests', () => {
  let slowHost: WebHost;
  let slowSession: string;
  beforeAll(async () => {
    const echo: HttpRoute = {
      method: 'POST',
      pattern: /^\/upload\/echo$/,
      async handle(req, res) {
        let size = 0;
        for await (const chunk of req) size += (chunk as Buffer).length;
        res.end(String(size));
      },
    };
    slowHost = await startWebHost({ port: 0, rendererDir: '/nonexistent', context: { engine: engine.api, engines: engine.engines }, routes: [echo], bodyTimeoutMs: 300 });
    slowSession = await openSession(slowHost.port, tokenOf(slowHost.newLoginAddress()));
  });
  afterAll(() => slowHost?.close());

  /** Sends `head`, then one body byte every 50 ms for `ms`; resolves what came back and whether the host cut it short. */
  function trickle(head: string, ms: number): Promise<{ cut: boolean; answer: string }> {
    return new Promise((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: slowHost.port });
      let answer = '';
      const started = Date.now();
      const drip = setInterval(() => (Date.now() - started < ms ? socket.write('a') : (clearInterval(drip), socket.end())), 50);
      socket.on('data', (c: Buffer) => (answer += c.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(drip);
        resolve({ cut: Date.now() - started < ms, answer });
      });
      socket.write(head);
    });
  }

  it('cuts off a body that dribbles in to /session, or to a page, long after its deadline', async () => {
    const h = `Host: 127.0.0.1:${slowHost.port}\r\nOrigin: http://127.0.0.1:${slowHost.port}\r\nContent-Length: 1000\r\n`;
    const [session, page] = await Promise.all([
      trickle(`POST /session HTTP/1.1\r\n${h}Content-Type: application/json\r\n\r\n`, 2_000),
      trickle(`GET / HTTP/1.1\r\n${h}\r\n`, 2_000),
    ]);
    expect(session.cut).toBe(true);
    expect(page.cut).toBe(true);
  });

  it('lets a ticketed upload take longer than that deadline', async () => {
    const target = await ticketFor(slowHost.port, slowSession, 'POST', '/upload/echo');
    const h = `Host: 127.0.0.1:${slowHost.port}\r\nOrigin: http://127.0.0.1:${slowHost.port}\r\nTransfer-Encoding: chunked\r\n`;
    const socket = connect({ host: '127.0.0.1', port: slowHost.port });
    let answer = '';
    socket.on('data', (c: Buffer) => (answer += c.toString()));
    socket.write(`POST ${target} HTTP/1.1\r\n${h}Connection: close\r\n\r\n`);
    for (let i = 0; i < 16; i++) {
      socket.write('1\r\na\r\n');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    socket.end('0\r\n\r\n');
    await new Promise((resolve) => socket.on('close', resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 200[^]*\r\n\r\n16$/);
  });
});
