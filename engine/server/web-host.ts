import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import { contractRouter, type ContractContext } from '../contract/router.js';
import { checkSite, parseTarget, sessionFromAuthorization, sessionFromProtocols, wsProtocol, type Refusal } from './auth.js';
import { socketOutbox } from '../shared/outbox.js';
import type { HttpRoute } from './downloads.js';
import { DoorKeys } from './keys.js';
import { resolveStaticFile } from './static-files.js';
import { logFor } from '../shared/log.js';

const log = logFor('web-host');

export interface WebHostOptions {
  /** 0 picks a free port (one free on both 127.0.0.1 and ::1). */
  port: number;
  /** The first one-time login token (BERTH_TOKEN); a random one when absent. */
  token?: string;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /**
   * What the contract's handlers work on. A promise lets the host listen (and serve the page) before
   * the engine is found: each connection's calls wait for it, so the list shows once the engine answers.
   */
  context: ContractContext | Promise<ContractContext>;
  /** HTTP endpoints beside the contract (downloads, uploads), each request behind a single-use ticket. */
  routes?: HttpRoute[] | Promise<HttpRoute[]>;
  /**
   * How long any request but a ticketed download or upload may take to arrive in full, body
   * included, in ms (default 30 s). Tests shorten it.
   */
  bodyTimeoutMs?: number;
}

export interface WebHost {
  port: number;
  /** The first login address: `http://127.0.0.1:<port>/#token=<one-time token>`. */
  url: string;
  /** False when the machine has no IPv6 loopback (then only 127.0.0.1 is bound, and nobody can hold ::1 either). */
  ipv6: boolean;
  /** A fresh one-time login address (for the local login channel). */
  newLoginAddress(): string;
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

/** On every answer: pages, refusals, downloads and upgrade refusals alike. */
const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Largest JSON body /session and /ticket read. */
const maxJsonBytes = 4096;

/**
 * Serves the built renderer, the contract (tRPC over one WebSocket at /rpc) and the download/upload
 * routes on loopback only (127.0.0.1 and ::1, one port). The door, in order, for every request:
 * Host, Origin and Sec-Fetch-Site must name us (./auth.ts); then
 * - `POST /session` trades a one-time login token (or checks a session) for a session secret;
 * - `POST /ticket` (Authorization: Berth-Session <secret>) mints a single-use URL for one route request;
 * - a route request needs its ticket; `/rpc` upgrades need the secret in Sec-WebSocket-Protocol;
 * - anything else is the static renderer (public code, no data), GET or HEAD only.
 * No handler may throw a request out: every failure is answered (4xx for what the request did wrong).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const keys = new DoorKeys();
  const firstToken = keys.issueLoginToken(options.token);
  const routesReady = Promise.resolve(options.routes ?? []);
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 30_000;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 1024 * 1024,
    // The page offers `berth.v1` beside its secret; the answer names only `berth.v1`.
    handleProtocols: (offered) => (offered.has(wsProtocol) ? wsProtocol : false),
  });
  // A handshake ws itself refuses (bad key, version, subprotocol list) is answered with our headers too.
  wss.on('wsClientError', (_error: Error, socket: Duplex) => {
    refuseSocket(socket, { status: 400, code: 'BAD_UPGRADE', message: 'That WebSocket request is not one Berth takes.' });
  });
  const trpc = applyWSSHandler({
    wss,
    router: contractRouter,
    // Each connection's subscriptions wait for its socket to drain (issue 11).
    createContext: async ({ res }) => ({ ...(await options.context), outbox: socketOutbox(res) }),
    keepAlive: { enabled: true, pingMs: 15_000, pongWaitMs: 5_000 },
  });

  let port = options.port;

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    // A client that goes away mid-body must not become an unhandled 'error'.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    // Node's requestTimeout is off (an upload may rightly take longer than any fixed limit), so
    // this deadline is what stops a body dribbled in to /session, /ticket or a page for ever.
    // A request with its ticket is released from it when its route takes over.
    const deadline = setTimeout(() => req.complete || req.socket.destroy(), bodyTimeoutMs).unref();
    const release = () => clearTimeout(deadline);
    req.once('end', release);
    req.once('close', release);
    let pending: Promise<void>;
    try {
      pending = serveHttp(req, res, release);
    } catch (e) {
      pending = Promise.reject(e);
    }
    pending.catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      // Input that slipped past the checks (a percent-sequence a route decodes) is the request's fault.
      const status = e instanceof URIError ? 400 : 500;
      sendText(res, status, status === 400 ? 'Bad request.' : 'Berth could not serve this request.');
    });
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    try {
      const refusal = upgradeRefusal(req);
      if (refusal) return refuseSocket(socket, refusal);
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    } catch (error) {
      log.caught('upgrading a WebSocket', error);
      socket.destroy();
    }
  };

  /** Node's parser refused the bytes (bad request line, header overflow, timeout): answer, then close. */
  const onClientError = (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    endAndClose(socket, rawResponse(status, STATUS_CODES[status] ?? 'Bad Request'));
  };

  function upgradeRefusal(req: IncomingMessage): Refusal | undefined {
    const site = checkSite(siteFacts(req), { port, originRequired: true });
    if (site) return site;
    const target = parseTarget(req.url);
    if (!target) return { status: 400, code: 'BAD_TARGET', message: 'That request target is not one Berth serves.' };
    if (target.pathname !== '/rpc') return { status: 404, code: 'NOT_FOUND', message: 'Not found.' };
    if (!keys.sessionValid(sessionFromProtocols(header(req, 'sec-websocket-protocol')))) {
      return { status: 401, code: 'SESSION_REQUIRED', message: 'Open the address Berth printed when it started.' };
    }
    return undefined;
  }

  async function serveHttp(req: IncomingMessage, res: ServerResponse, release: () => void): Promise<void> {
    const changes = req.method !== 'GET' && req.method !== 'HEAD';
    const site = checkSite(siteFacts(req), { port, originRequired: changes });
    if (site) return refuse(res, site);
    const target = parseTarget(req.url);
    if (!target) return refuse(res, { status: 400, code: 'BAD_TARGET', message: 'That request target is not one Berth serves.' });

    if (target.pathname === '/session') return serveSession(req, res);
    if (target.pathname === '/ticket') return serveTicket(req, res);

    // Only download and upload addresses wait for the engine: the page itself is served at once.
    const bytes = target.pathname.startsWith('/download/') || target.pathname.startsWith('/upload/');
    const route = bytes ? matchRoute(await routesReady, req.method, target.pathname) : undefined;
    if (route) {
      if (!keys.takeTicket(target.params.get('ticket'), req.method, req.url)) {
        return refuse(res, { status: 401, code: 'TICKET_REFUSED', message: 'This download or upload address has been used or has expired. Start it again from Berth.' });
      }
      release();
      return route.route.handle(req, res, route.params);
    }
    if (changes) {
      res.setHeader('Allow', 'GET, HEAD');
      return refuse(res, { status: 405, code: 'METHOD_NOT_ALLOWED', message: 'Method not allowed.' });
    }
    const file = await resolveStaticFile(options.rendererDir, target.pathname);
    if (!file) return refuse(res, { status: 404, code: 'NOT_FOUND', message: 'Not found. Was the renderer built? Run "npm run build:renderer".' });
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  /**
   * POST /session, JSON `{ token }`: a one-time login token becomes a session secret (200
   * `{ session }`), or 401 `{ code: TOKEN_USED | TOKEN_UNKNOWN }`. JSON `{ session }`: 200 when the
   * session is still good, 401 `{ code: SESSION_UNKNOWN }` after a restart.
   */
  async function serveSession(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req, res);
    if (!body) return;
    if (typeof body.token === 'string') {
      const redeemed = keys.redeem(body.token);
      return redeemed.ok ? sendJson(res, 200, { session: redeemed.session }) : sendJson(res, 401, { code: redeemed.code });
    }
    if (typeof body.session === 'string') {
      return keys.sessionValid(body.session) ? sendJson(res, 200, { session: body.session }) : sendJson(res, 401, { code: 'SESSION_UNKNOWN' });
    }
    sendJson(res, 400, { code: 'BAD_REQUEST' });
  }

  /** POST /ticket, JSON `{ method, target }` with the session in Authorization: 200 `{ target }`, a single-use URL. */
  async function serveTicket(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = sessionFromAuthorization(header(req, 'authorization'));
    if (!keys.sessionValid(session)) {
      req.resume();
      return sendJson(res, 401, { code: 'SESSION_UNKNOWN' });
    }
    const body = await readJson(req, res);
    if (!body) return;
    const { method, target } = body;
    const parsed = typeof target === 'string' ? parseTarget(target) : undefined;
    if (typeof method !== 'string' || !parsed || parsed.params.has('ticket') || !matchRoute(await routesReady, method, parsed.pathname)) {
      return sendJson(res, 400, { code: 'BAD_REQUEST' });
    }
    sendJson(res, 200, { target: keys.mintTicket(session, method, target as string) });
  }

  /** Reads a small JSON object body; answers the refusal itself and resolves undefined when it is not one. */
  async function readJson(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | undefined> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      req.resume();
      sendJson(res, 405, { code: 'METHOD_NOT_ALLOWED' });
      return undefined;
    }
    if (!/^application\/json(;|$)/i.test(header(req, 'content-type') ?? '')) {
      req.resume();
      sendJson(res, 415, { code: 'JSON_REQUIRED' });
      return undefined;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const complete = await new Promise<boolean>((resolve) => {
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxJsonBytes) {
          req.removeAllListeners('data');
          req.resume();
          resolve(false);
        } else chunks.push(chunk);
      });
      req.on('end', () => resolve(true));
      req.on('error', () => resolve(false));
      req.on('close', () => resolve(size <= maxJsonBytes && req.complete));
    });
    if (!complete) {
      sendJson(res, 413, { code: 'TOO_LARGE' });
      return undefined;
    }
    let value: unknown;
    try {
      value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      value = undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      sendJson(res, 400, { code: 'BAD_REQUEST' });
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  const bound = await listenOnLoopback(options.port, () => {
    // Headers must arrive within 30 s (slow-header clients); bodies are timed per request in onRequest.
    const server = createServer({ requestTimeout: 0, headersTimeout: 30_000 }, onRequest);
    server.on('upgrade', onUpgrade);
    server.on('clientError', onClientError);
    // CONNECT would otherwise be dropped without a word.
    server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
      socket.on('error', () => undefined);
      refuseSocket(socket, { status: 405, code: 'METHOD_NOT_ALLOWED', message: 'Method not allowed.' });
    });
    return server;
  });
  port = bound.port;
  const address = (token: string) => `http://127.0.0.1:${port}/#token=${token}`;

  return {
    port,
    url: address(firstToken),
    ipv6: bound.servers.length > 1,
    newLoginAddress: () => address(keys.issueLoginToken()),
    async close() {
      trpc.broadcastReconnectNotification();
      for (const client of wss.clients) client.terminate();
      wss.close();
      await Promise.all(
        bound.servers.map((server) => {
          server.closeAllConnections();
          return new Promise<void>((resolve) => server.close(() => resolve()));
        }),
      );
    },
  };
}

/** A header's value when the request carried it once as text; anything else reads as absent. */
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function siteFacts(req: IncomingMessage) {
  return { host: header(req, 'host'), origin: header(req, 'origin'), fetchSite: header(req, 'sec-fetch-site') };
}

function matchRoute(routes: HttpRoute[], method: string | undefined, pathname: string): { route: HttpRoute; params: string[] } | undefined {
  for (const route of routes) {
    const match = route.method === method ? route.pattern.exec(pathname) : null;
    if (match) return { route, params: match.slice(1) };
  }
  return undefined;
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  sendText(res, refusal.status, refusal.message);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

function rawResponse(status: number, text: string): string {
  const headers = Object.entries(securityHeaders).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n${headers}\r\n${text}`;
}

function refuseSocket(socket: Duplex, refusal: Refusal): void {
  endAndClose(socket, rawResponse(refusal.status, refusal.message));
}

/**
 * Sends the last answer on a raw socket, then closes it. Node's HTTP sockets allow half-open
 * connections and nobody reads a refused upgrade any more, so `end()` alone would keep the socket
 * (and its file descriptor) for as long as the client keeps its side open; enough of those and
 * Berth could no longer accept a connection or reach its engine. ws refuses its own handshakes so.
 */
function endAndClose(socket: Duplex, text: string): void {
  socket.end(text, () => socket.destroy());
}

/**
 * Listens on 127.0.0.1 and on ::1 with the same port, so nobody else can hold `[::1]:PORT` (where a
 * browser may send `localhost:PORT`). With port 0 a port taken on ::1 is retried; with a fixed port
 * it is an error. A machine without IPv6 gets 127.0.0.1 alone.
 */
async function listenOnLoopback(wanted: number, make: () => Server): Promise<{ port: number; servers: Server[] }> {
  for (let attempt = 0; ; attempt++) {
    const v4 = make();
    await listen(v4, wanted, '127.0.0.1');
    const port = (v4.address() as { port: number }).port;
    const v6 = make();
    try {
      await listen(v6, port, '::1');
      return { port, servers: [v4, v6] };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT') return { port, servers: [v4] };
      await new Promise((resolve) => v4.close(resolve));
      if (code === 'EADDRINUSE' && wanted === 0 && attempt < 10) continue;
      if (code === 'EADDRINUSE') throw new Error(`[::1]:${port} is already taken by another program, which a browser opening localhost:${port} could reach instead of Berth. Pick another BERTH_PORT.`);
      throw e;
    }
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (e: Error) => reject(e);
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}
