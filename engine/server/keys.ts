import { createHash, randomBytes } from 'node:crypto';

/**
 * The web host's keys, in memory only (a restart forgets them all):
 * - login tokens: printed (or handed out over the local login channel) in an address's fragment,
 *   each good for one exchange;
 * - sessions: what a page gets for a login token and keeps in sessionStorage; it opens the
 *   WebSocket and mints tickets;
 * - tickets: single-use, short-lived permissions for exactly one download or upload request.
 *
 * Everything is looked up by the SHA-256 of the secret, so map lookups leak no timing about the
 * secret itself.
 */

export type Redeemed = { ok: true; session: string } | { ok: false; code: 'TOKEN_USED' | 'TOKEN_UNKNOWN' };

export interface DoorKeysOptions {
  /** How long a ticket stays good, in ms (default 60 s: the page mints it right before it uses it). */
  ticketTtlMs?: number;
  now?: () => number;
}

const maxOpenTokens = 64;
const maxUsedTokens = 1024;
const maxSessions = 256;
const maxTickets = 1024;
const minChosenTokenLength = 32;

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

const digest = (secret: string) => createHash('sha256').update(secret).digest('base64url');

export class DoorKeys {
  private readonly open = new Set<string>();
  private readonly used = new Set<string>();
  private readonly sessions = new Set<string>();
  private readonly tickets = new Map<string, { method: string; target: string; expires: number }>();
  private readonly ticketTtlMs: number;
  private readonly now: () => number;

  constructor(options: DoorKeysOptions = {}) {
    this.ticketTtlMs = options.ticketTtlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * A new one-time login token (or `given`, e.g. BERTH_TOKEN); the oldest unused one goes past 64.
   * Throws when `given` is shorter than 32 characters: /session answers guesses without limit, so a
   * short chosen token would let any local program open Berth (root over Docker).
   */
  issueLoginToken(given?: string): string {
    if (given && given.length < minChosenTokenLength) {
      throw new Error(`BERTH_TOKEN must be at least ${minChosenTokenLength} characters: it opens Berth. Leave it unset for a random one.`);
    }
    const token = given || newSecret();
    remember(this.open, digest(token), maxOpenTokens);
    return token;
  }

  /** Trades a login token for a new session secret, once. */
  redeem(token: string): Redeemed {
    const key = digest(token);
    if (this.open.delete(key)) {
      remember(this.used, key, maxUsedTokens);
      const session = newSecret();
      remember(this.sessions, digest(session), maxSessions);
      return { ok: true, session };
    }
    return { ok: false, code: this.used.has(key) ? 'TOKEN_USED' : 'TOKEN_UNKNOWN' };
  }

  sessionValid(secret: string | undefined): boolean {
    return typeof secret === 'string' && secret.length > 0 && this.sessions.has(digest(secret));
  }

  /**
   * A ticket for one `method` request to `target` (origin-form, e.g. `/download/logs/web`); returns
   * the target to request, with `ticket=` appended. Undefined without a valid session.
   */
  mintTicket(session: string | undefined, method: string, target: string): string | undefined {
    if (!this.sessionValid(session)) return undefined;
    this.dropExpired();
    const ticket = newSecret();
    const full = `${target}${target.includes('?') ? '&' : '?'}ticket=${ticket}`;
    this.tickets.set(digest(ticket), { method, target: full, expires: this.now() + this.ticketTtlMs });
    while (this.tickets.size > maxTickets) this.tickets.delete(this.tickets.keys().next().value!);
    return full;
  }

  /** True, once, when `ticket` was minted for exactly this method and target and has not expired. */
  takeTicket(ticket: string | null | undefined, method: string | undefined, target: string | undefined): boolean {
    if (!ticket) return false;
    const key = digest(ticket);
    const entry = this.tickets.get(key);
    if (!entry) return false;
    // Spent even on a mismatch: a ticket seen in a wrong request may have been seen by someone else.
    this.tickets.delete(key);
    return entry.method === method && entry.target === target && entry.expires > this.now();
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.tickets) if (entry.expires <= now) this.tickets.delete(key);
  }
}

/** Adds to an insertion-ordered set, forgetting the oldest past `max` (memory stays bounded). */
function remember(set: Set<string>, key: string, max: number): void {
  set.add(key);
  while (set.size > max) set.delete(set.values().next().value!);
}
