import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWebHostProcess, type WebHostProcess } from '../testing/web-host-process.js';
import { askLoginAddress } from './login-channel.js';

/**
 * The web host's door under a storm of malformed requests, over raw TCP so nothing tidies them up
 * first: bad targets, broken percent-encoding, huge and duplicate headers and cookies, foreign
 * Host/Origin/Sec-Fetch-Site, truncated request lines, bogus methods and bodies, WebSocket upgrades
 * with and without the session secret. The host runs as its own process (`engine/server/main.ts`),
 * so a throw anywhere shows as a dead process, not as a vitest error. Every answer must be a 4xx or
 * a valid 2xx/3xx, never a 5xx; no upgrade may succeed without the session secret. Seeded, so a
 * failure repeats; BERTH_FUZZ_SEED picks another seed.
 */

const cases = 5_000;
const seed = Number(process.env.BERTH_FUZZ_SEED ?? 20261130);
let host: WebHostProcess | undefined;
let port = 0;
let dir = '';
let exited: string | undefined;
let session = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-fuzz-'));
  host = await startWebHostProcess(dir);
  host.child.on('exit', (code, signal) => (exited = `exited with ${signal ?? code}`));
  port = host.port;
  session = await login(port, join(dir, 'run'));
}, 30_000);

afterAll(async () => {
  await host?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A fresh one-time address from the local channel, traded for a session secret the way the page does. */
async function login(port: number, runtimeDir: string): Promise<string> {
  const address = await askLoginAddress(runtimeDir);
  const token = new URL(address).hash.replace(/^#token=/, '');
  const res = await fetch(`http://127.0.0.1:${port}/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin' },
    body: JSON.stringify({ token }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { session: string }).session;
}

/** mulberry32: small, seeded, good enough to pick fuzz cases. */
function random(seedValue: number) {
  let a = seedValue >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => next() < p;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  return { int, pick, chance, bytes };
}

type Rng = ReturnType<typeof random>;

const percentJunk = ['%', '%%', '%zz', '%E0%A4%A', '%C0%AF', '%00', '%2e%2e', '%2F', '%25', '%ff%fe', '%u0041', '%F0%9F%98'];

function target(r: Rng): string {
  const bases = [
    '/', '//', '///', '//evil.example/', '/rpc', '//rpc', '/rpc/', '/session', '/ticket', '/index.html', '/assets/x.js',
    '/download/logs/x', '/download/volume/v?path=/a&as=folder', '/download/container/c?path=/etc', '/download/volume-export/v',
    '/upload/volume/v?path=/&name=a', '/upload/volume-import/v', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '*',
    'http://evil.example/', `http://127.0.0.1:${port}/`, '', '?', '#', '/?token=x', '/\\..\\..', '/a b', '/\u00e9', '/download/logs/',
  ];
  let t = r.pick(bases);
  // Half the targets stay well formed, so the checks past the parser get their share too.
  const n = r.chance(0.5) ? 0 : 1 + r.int(3);
  for (let i = 0; i < n; i++) {
    const at = r.int(t.length + 1);
    t = t.slice(0, at) + r.pick([...percentJunk, '/', '?', '&', '=', '#', '..', ';', '\u0000', '\u00ff', 'ticket=%']) + t.slice(at);
  }
  if (r.chance(0.02)) t = '/' + 'a'.repeat(r.pick([1024, 9000, 70_000]));
  return t;
}

interface Case {
  bytes: Buffer;
  withSecret: boolean;
  upgrade: boolean;
  /** A clean upgrade: with the secret it must open (101), so the refusals are not just a broken parser. */
  wellFormed: boolean;
}

function request(r: Rng): Case {
  const method = r.chance(0.6) ? 'GET' : r.pick(['POST', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE', 'get', 'G\u0000T', 'BREW', 'X'.repeat(300), '']);
  const version = r.chance(0.8) ? 'HTTP/1.1' : r.pick(['HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1x', '']);
  const headers: string[] = [];
  const add = (name: string, value: string) => headers.push(`${name}: ${value}`);
  const own = `127.0.0.1:${port}`;
  const host = r.chance(0.7) ? own : r.pick([`localhost:${port}`, `[::1]:${port}`, 'evil.example', `evil.example:${port}`, '127.0.0.1', '', '%', `${own}, evil.example`]);
  if (!r.chance(0.05)) add('Host', host);
  if (r.chance(0.05)) add('Host', r.pick([own, 'evil.example']));
  if (r.chance(0.6)) add('Origin', r.chance(0.6) ? `http://${own}` : r.pick(['http://evil.example', 'null', '%', `http://127.0.0.1:${port + 1}`, `http://localhost:${port}`, '']));
  if (r.chance(0.5)) add('Sec-Fetch-Site', r.pick(['same-origin', 'same-origin', 'none', 'same-site', 'cross-site', '%', '']));
  const cookieCount = r.int(3);
  for (let i = 0; i < cookieCount; i++) {
    add('Cookie', r.pick(['%', `berth_token_${port}=%`, `berth_token_${port}=${session}`, 'a=b; c', '=;=;;', `x=${'y'.repeat(r.pick([10, 5000]))}`, 'a=%E0%A4%A', `berth_session=${session}`]));
  }
  const upgrade = r.chance(0.3);
  let withSecret = false;
  if (upgrade && r.chance(0.3)) {
    // A well-formed upgrade from our own page, with or without the secret: the ones with it must open.
    withSecret = r.chance(0.5);
    const request = [
      `GET /rpc HTTP/1.1`, `Host: ${own}`, `Origin: http://${own}`, 'Upgrade: websocket', 'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13',
      `Sec-WebSocket-Protocol: ${withSecret ? `berth.v1, berth.session.${session}` : r.pick(['berth.v1', `berth.v1, berth.session.${session.slice(1)}`, `berth.session.${session}`])}`,
      ...(r.chance(0.5) ? [r.pick(['Cookie: %', `Cookie: berth_token_${port}=${session}`, 'Sec-Fetch-Site: same-origin', 'Authorization: Berth-Session ' + session])] : []),
    ];
    return { bytes: Buffer.from(request.join('\r\n') + '\r\n\r\n', 'latin1'), withSecret, upgrade, wellFormed: true };
  }
  if (upgrade) {
    add('Upgrade', r.pick(['websocket', 'websocket', 'WebSocket', 'h2c', '%']));
    add('Connection', r.pick(['Upgrade', 'Upgrade', 'keep-alive, Upgrade', 'close']));
    if (!r.chance(0.1)) add('Sec-WebSocket-Key', r.pick(['dGhlIHNhbXBsZSBub25jZQ==', 'dGhlIHNhbXBsZSBub25jZQ==', '%', '']));
    if (!r.chance(0.1)) add('Sec-WebSocket-Version', r.pick(['13', '13', '8', 'x']));
    if (r.chance(0.7)) {
      const protocol = r.pick([`berth.v1, berth.session.${session}`, `berth.v1, berth.session.${session}`, 'berth.v1', `berth.v1, berth.session.${session}x`, 'berth.v1, berth.session.%', `berth.session.${session}`, '%,,', `berth.v1, berth.token.${session}`]);
      withSecret = protocol.includes(`berth.session.${session}`) && !protocol.includes(`${session}x`);
      add('Sec-WebSocket-Protocol', protocol);
    }
  }
  if (r.chance(0.1)) add('Authorization', r.pick([`Berth-Session ${session}`, 'Berth-Session %', 'Bearer x', '']));
  let body = Buffer.alloc(0);
  if (r.chance(0.3)) {
    body = r.chance(0.5) ? Buffer.from(r.pick(['{"token":"x"}', '{"token":', '{}', 'null', '[]', '{"method":"GET","target":"/download/logs/x"}', `{"token":"${'a'.repeat(5000)}"}`])) : r.bytes(r.int(3000));
    if (r.chance(0.3)) add('Content-Type', r.pick(['application/json', 'text/plain', '%']));
    const length = r.pick([String(body.length), String(body.length), String(body.length + 10), '-1', 'x', '99999999999999999999', '0']);
    add('Content-Length', length);
    if (r.chance(0.1)) add('Content-Length', '3');
    if (r.chance(0.1)) add('Transfer-Encoding', r.pick(['chunked', 'gzip, chunked', '%']));
  }
  if (r.chance(0.05)) for (let i = 0; i < r.pick([50, 300]); i++) add(`X-Many-${i}`, 'v');
  if (r.chance(0.03)) add('X-Huge', 'h'.repeat(r.pick([20_000, 100_000])));
  if (r.chance(0.05)) headers.push(r.pick(['no colon here', ': empty name', 'Bad Name: x', 'X-Ctl: \u0001\u0002', ' folded: x']));
  add('Connection', 'close');
  let text = `${method} ${target(r)} ${version}`.trimEnd() + '\r\n' + headers.join('\r\n') + '\r\n\r\n';
  if (r.chance(0.05)) text = text.replace(/\r\n/g, '\n');
  let bytes = Buffer.concat([Buffer.from(text, 'latin1'), body]);
  if (r.chance(0.08)) bytes = bytes.subarray(0, r.int(bytes.length));
  return { bytes, withSecret, upgrade, wellFormed: false };
}

/** Sends raw bytes, ends our side, and resolves with the status of the first answer (0 when the host closed without one). */
function send(bytes: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let got = '';
    const done = (status: number) => {
      socket.destroy();
      resolve(status);
    };
    const timer = setTimeout(() => done(-1), 5_000);
    socket.on('data', (c: Buffer) => {
      got += c.toString('latin1');
      const line = /^HTTP\/1\.[01] (\d{3})/.exec(got);
      if (line) {
        clearTimeout(timer);
        done(Number(line[1]));
      } else if (got.length > 64 || (got.length >= 12 && !got.startsWith('HTTP/'))) {
        clearTimeout(timer);
        done(-2);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      done(0);
    });
    socket.end(bytes);
  });
}

it(`answers ${cases} malformed requests with 4xx or a valid answer, never 5xx, and lives`, { timeout: 60_000 }, async () => {
  const r = random(seed);
  const counts = new Map<string, number>();
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases) {
      const one = request(r);
      next++;
      const status = await send(one.bytes);
      const key = status === 0 ? 'closed without answer' : status === -1 ? 'no answer in 5 s' : status === -2 ? 'not HTTP' : String(status);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const bad =
        status >= 500 || status === -1 || status === -2 || (status === 101 && !one.withSecret) || (status === 200 && one.upgrade && !one.withSecret) || (one.wellFormed && one.withSecret && status !== 101);
      if (bad && failures.length < 10) failures.push(`${key}: ${JSON.stringify(one.bytes.subarray(0, 300).toString('latin1'))}`);
      if (exited) break;
    }
  };
  await Promise.all(Array.from({ length: 24 }, worker));
  const summary = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${v}`).join(', ');
  console.log(`door fuzz (seed ${seed}): ${next} requests — ${summary}`);
  expect(exited, 'the web host died').toBeUndefined();
  expect(failures, 'answers that are 5xx, hung, not HTTP, or an upgrade without the secret').toEqual([]);
  expect(next).toBeGreaterThanOrEqual(cases);
});
