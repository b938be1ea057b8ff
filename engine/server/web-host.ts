import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import { contractRouter, type ContractContext } from '../contract/router.js';
import { checkRequest } from './auth.js';
import { socketOutbox } from '../shared/outbox.js';
import type { HttpRoute } from './downloads.js';
import { resolveStaticFile } from './static-files.js';

export interface WebHostOptions {
  /** 0 picks a free port. */
  port: number;
  token: string;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  context: ContractContext;
  /** HTTP endpoints beside the contract (downloads), behind the same door. */
  routes?: HttpRoute[];
}

export interface WebHost {
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * The page may load only our own scripts and talk only to us. Styles also allow inline: xterm.js's
 * DOM renderer styles each cell inline and injects its theme as a <style> element. Scripts stay
 * strict, and untrusted text is always rendered as text, so no one else's markup gets that far.
 */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Serves the built renderer and the contract (tRPC over one WebSocket at /rpc) on 127.0.0.1 only.
 * Every request and upgrade passes the door in ./auth.ts first; refused ones get no data.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const trpc = applyWSSHandler({
    wss,
    router: contractRouter,
    // Each connection's subscriptions wait for its socket to drain (issue 11).
    createContext: ({ res }) => ({ ...options.context, outbox: socketOutbox(res) }),
    keepAlive: { enabled: true, pingMs: 15_000, pongWaitMs: 5_000 },
  });

  let port = options.port;
  const server: Server = createServer((req, res) => {
    void serveHttp(req, res, port, options).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Berth could not serve this request.');
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = checkRequest(requestFacts(req), { port, token: options.token, upgrade: true });
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (!verdict.allow || path !== '/rpc') {
      const status = verdict.allow ? 404 : verdict.status;
      socket.end(`HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    async close() {
      trpc.broadcastReconnectNotification();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function requestFacts(req: IncomingMessage) {
  return { url: req.url, host: req.headers.host, origin: req.headers.origin, cookie: req.headers.cookie };
}

async function serveHttp(req: IncomingMessage, res: ServerResponse, port: number, options: WebHostOptions) {
  const verdict = checkRequest(requestFacts(req), { port, token: options.token, upgrade: false });
  if (!verdict.allow) {
    res.writeHead(verdict.status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(verdict.reason);
    return;
  }
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  for (const route of options.routes ?? []) {
    const match = route.pattern.exec(path);
    if (match && req.method === route.method) {
      res.setHeader('Content-Security-Policy', contentSecurityPolicy);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      return route.handle(req, res, match.slice(1));
    }
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...securityHeaders, Allow: 'GET, HEAD' });
    res.end();
    return;
  }
  if (verdict.redirectTo) {
    res.writeHead(302, {
      ...securityHeaders,
      'Set-Cookie': verdict.setCookie ?? '',
      Location: verdict.redirectTo,
      'Cache-Control': 'no-store',
    });
    res.end();
    return;
  }
  const file = await resolveStaticFile(options.rendererDir, req.url ?? '/');
  if (!file) {
    res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found. Was the renderer built? Run "npm run build:renderer".');
    return;
  }
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': file.contentType,
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}
