import { wsProtocol } from './auth.js';

/**
 * The web host's door from the client side, for Node callers (tests, benches): the same three
 * steps the page takes (renderer/src/rpc/door.ts). Node's fetch sends no Sec-Fetch-Site; Origin is
 * set as a browser would for our own page.
 */

const base = (port: number) => `http://127.0.0.1:${port}`;

/** Trades a one-time login token for a session secret; throws with the host's code when refused. */
export async function openSession(port: number, token: string): Promise<string> {
  const res = await fetch(`${base(port)}/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base(port) },
    body: JSON.stringify({ token }),
  });
  const body = (await res.json()) as { session?: string; code?: string };
  if (res.status !== 200 || !body.session) throw new Error(`login refused: ${res.status} ${body.code ?? ''}`);
  return body.session;
}

/** The token of a login address (`http://127.0.0.1:PORT/#token=…`). */
export function tokenOf(address: string): string {
  return new URLSearchParams(new URL(address).hash.slice(1)).get('token') ?? '';
}

/** A single-use target for one `method` request to `target` (e.g. `/download/logs/web`). */
export async function ticketFor(port: number, session: string, method: 'GET' | 'POST', target: string): Promise<string> {
  const res = await fetch(`${base(port)}/ticket`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base(port), Authorization: `Berth-Session ${session}` },
    body: JSON.stringify({ method, target }),
  });
  const body = (await res.json()) as { target?: string; code?: string };
  if (res.status !== 200 || !body.target) throw new Error(`ticket refused: ${res.status} ${body.code ?? ''}`);
  return body.target;
}

/** The Sec-WebSocket-Protocol list that opens /rpc for `session`. */
export function sessionProtocols(session: string): string[] {
  return [wsProtocol, `berth.session.${session}`];
}
