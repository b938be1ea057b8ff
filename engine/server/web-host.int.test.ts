import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineManager } from '../engine-manager.js';
import { requireDockerHost } from '../testing/engine-env.js';
import { cookieName } from './auth.js';
import { webHostRoutes } from './downloads.js';
import { startWebHost, type WebHost } from './web-host.js';

const token = 'integration-token-0123456789';
let engine: EngineManager;
let host: WebHost;

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'berth-int-'));
  engine = await EngineManager.start({ engineUrl: requireDockerHost(), dataDir, runtimeDir: join(dataDir, 'run') });
  host = await startWebHost({ port: 0, token, rendererDir: '/nonexistent', context: { engine: engine.api, engines: engine.engines }, routes: webHostRoutes(engine.api, join(tmpdir(), 'berth-web-host-uploads')) });
});

afterAll(async () => {
  await host?.close();
  await engine?.close();
});

function get(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers, setHost: !('Host' in headers) }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a WebSocket to /rpc; resolves with the HTTP status it was refused with, or 101 and the socket. */
function upgrade(headers: Record<string, string>): Promise<{ status: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/rpc`, { headers });
    socket.on('open', () => resolve({ status: 101, socket }));
    socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    socket.on('error', () => resolve({ status: -1 }));
  });
}

const own = () => ({ Host: `127.0.0.1:${host.port}`, Origin: `http://127.0.0.1:${host.port}`, Cookie: `${cookieName(host.port)}=${token}` });

describe('web host door (HTTP)', () => {
  it('refuses a request without a token, and sends no data', async () => {
    const res = await get('/', {});
    expect(res.status).toBe(401);
    expect(res.body).not.toContain('<');
  });

  it('refuses a wrong token', async () => {
    expect((await get('/?token=wrong', {})).status).toBe(401);
  });

  it('trades the right token for an HttpOnly SameSite=Strict cookie', async () => {
    const res = await get(`/?token=${token}`, {});
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('refuses a foreign Origin and a DNS-rebound Host even with the cookie', async () => {
    expect((await get('/', { ...own(), Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get('/', { ...own(), Host: `evil.example:${host.port}` })).status).toBe(403);
  });

  it('refuses download names that would reach another Engine API path', async () => {
    for (const path of ['/download/container/..%2F..%2Fimages%2Fjson', '/download/volume/..%2Fcontainers%2Fjson?path=/', '/download/volume-export/a%2F..%2Fb']) {
      const res = await get(path, own());
      expect(res.status, path).toBe(400);
      expect(res.body).toMatch(/uses letters, digits|named by its id/);
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

describe('web host door (WebSocket)', () => {
  it('refuses an upgrade without the cookie', async () => {
    const { Cookie: _, ...noCookie } = own();
    expect((await upgrade(noCookie)).status).toBe(401);
  });

  it('refuses a foreign Origin, a missing Origin and a rebound Host', async () => {
    expect((await upgrade({ ...own(), Origin: 'http://evil.example' })).status).toBe(403);
    const { Origin: _, ...noOrigin } = own();
    expect((await upgrade(noOrigin)).status).toBe(403);
    expect((await upgrade({ ...own(), Host: `evil.example:${host.port}` })).status).toBe(403);
  });

  it('answers contract calls for its own page', async () => {
    const { status, socket } = await upgrade(own());
    expect(status).toBe(101);
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
