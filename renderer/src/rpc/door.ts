import { create } from 'zustand';
import { BerthError } from '../../../engine/contract/errors';

/**
 * The web host's door, from the page (engine/server/web-host.ts says what each route accepts).
 *
 * Berth prints an address whose one-time token sits in the fragment (`#token=…`), which a browser
 * never sends to any server. The page takes it out of the address bar at once, trades it for a
 * session secret (POST /session), and keeps the secret in this tab's sessionStorage: a reload of
 * the tab keeps working, another tab or another port's page never sees it. The secret then opens
 * the WebSocket (as a Sec-WebSocket-Protocol entry) and mints single-use download/upload URLs
 * (POST /ticket). No cookie is involved: browsers send cookies to every port of 127.0.0.1.
 */

const storageKey = 'berth.session';

/** Why the page cannot open the door; worded by door.* in the catalogs. */
export type DoorProblem = 'TOKEN_USED' | 'TOKEN_UNKNOWN' | 'NO_LOGIN' | 'SESSION_UNKNOWN';

export const useDoor = create<{ problem?: DoorProblem }>(() => ({}));

let secret: string | undefined;

/** The login token in the address's fragment, removed from the address bar and its history entry. */
function takeFragmentToken(): string | undefined {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (token === null) return undefined;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return token || undefined;
}

/** POST /session; `undefined` when the host could not be reached at all. */
async function askSession(body: { token: string } | { session: string }): Promise<{ session?: string; code?: string } | undefined> {
  try {
    const res = await fetch('/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), cache: 'no-store' });
    return (await res.json()) as { session?: string; code?: string };
  } catch {
    return undefined;
  }
}

function remember(session: string): string {
  secret = session;
  sessionStorage.setItem(storageKey, session);
  return session;
}

function refuse(problem: DoorProblem): undefined {
  sessionStorage.removeItem(storageKey);
  secret = undefined;
  useDoor.setState({ problem });
  return undefined;
}

/**
 * Read when this module loads, before anything renders: the address sync (state/address-sync.ts)
 * then writes Berth's own place into the fragment, and the token must already be out of it.
 */
const fragmentToken = typeof location === 'undefined' ? undefined : takeFragmentToken();

async function establish(): Promise<string | undefined> {
  const token = fragmentToken;
  const stored = sessionStorage.getItem(storageKey) ?? undefined;
  if (token) {
    const answer = await askSession({ token });
    if (answer?.session) return remember(answer.session);
    // A reload of a tab whose address still carried its (now spent) token: the tab's session still opens.
    if (stored && (await askSession({ session: stored }))?.session) return remember(stored);
    return refuse(answer?.code === 'TOKEN_USED' ? 'TOKEN_USED' : 'TOKEN_UNKNOWN');
  }
  if (!stored) return refuse('NO_LOGIN');
  const check = await askSession({ session: stored });
  // Unreachable host: keep the secret and let the socket's reconnects find the host when it is back.
  if (check && !check.session) return refuse('SESSION_UNKNOWN');
  return remember(stored);
}

/**
 * A new address pasted into a tab already showing Berth (its door page after a restart, say) only
 * changes the fragment, so the browser does not load the page again and nothing would read the new
 * token. Loading the page again opens the door with it, as opening the address in a new tab would.
 */
export function reloadOnNewToken(): void {
  window.addEventListener('hashchange', () => {
    if (new URLSearchParams(location.hash.slice(1)).has('token')) location.reload();
  });
}

let ready: Promise<string | undefined> | undefined;
/** Opens the door once (only where the page runs on the web host: Electron has no door). */
const opened = () => (ready ??= establish());
let connects = 0;

/**
 * The WebSocket URL, once the page holds a session. On a reconnect the session is checked first:
 * after Berth restarted it is gone, and the page says so instead of knocking forever.
 */
export async function socketUrl(): Promise<string> {
  const session = await opened();
  if (!session || !secret) throw new Error('no session');
  if (connects++ > 0) {
    const check = await askSession({ session: secret });
    if (check && !check.session) {
      refuse('SESSION_UNKNOWN');
      throw new Error('session ended');
    }
  }
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/rpc`;
}

/** The WebSocket class the tRPC client uses: it offers the session secret as a subprotocol. */
export function sessionWebSocket(): typeof WebSocket {
  return class SessionWebSocket extends WebSocket {
    constructor(url: string | URL) {
      super(url, ['berth.v1', `berth.session.${secret ?? ''}`]);
    }
  };
}

/**
 * A single-use URL for one request to `href` (a route of the web host, relative or absolute path,
 * e.g. `download/logs/web`), good for a minute. Rejects when the host refuses (and says why when
 * the session itself is gone).
 */
export async function ticketUrl(method: 'GET' | 'POST', href: string): Promise<string> {
  await opened();
  const url = new URL(href, location.href);
  const res = await fetch('/ticket', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Berth-Session ${secret ?? ''}` },
    body: JSON.stringify({ method, target: `${url.pathname}${url.search}` }),
    cache: 'no-store',
  });
  const body = (await res.json().catch(() => ({}))) as { target?: string; code?: string };
  if (res.status === 401) refuse('SESSION_UNKNOWN');
  if (!body.target) throw new BerthError('ENGINE_ERROR', `Berth refused the transfer (${body.code ?? res.status}).`, undefined, { reason: 'hostRefused', params: { status: res.status } });
  return body.target;
}
