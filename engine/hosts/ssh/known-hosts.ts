import { createHash, createHmac } from 'node:crypto';

/**
 * OpenSSH's known_hosts, read the way `ssh` reads it (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT",
 * hostfile.c, match.c): each line is `[@marker] patterns keytype base64 [comment]`; patterns are a
 * comma list of names, `[host]:port` for a port other than 22, `*`/`?` wildcards, `!` negations,
 * or one hashed name `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`.
 */

export interface KnownHostKey {
  /** The key's algorithm name, e.g. "ssh-ed25519". */
  keyType: string;
  /** The wire-format public key (what ssh2 hands to a host verifier). */
  blob: Buffer;
  marker?: 'revoked' | 'cert-authority';
  /** 1-based line in its file, for messages. */
  line: number;
}

export type HostKeyVerdict =
  | { kind: 'known' }
  /** The host has no key of this type on record (it may have keys of other types). */
  | { kind: 'unknown' }
  /** The host is on record with a different key of the same type: possibly a man-in-the-middle. */
  | { kind: 'changed'; knownFingerprint: string; line: number }
  | { kind: 'revoked'; line: number };

/** The name known_hosts stores a host under: `host` on port 22, else `[host]:port` (lower-cased). */
export function knownHostsName(host: string, port: number): string {
  const name = host.toLowerCase();
  return port === 22 ? name : `[${name}]:${port}`;
}

/** OpenSSH's `SHA256:` fingerprint of a wire-format public key (base64, padding removed). */
export function fingerprintSha256(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The algorithm name at the start of a wire-format public key (a uint32 length, then the name). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const length = blob.readUInt32BE(0);
  if (length > 64 || blob.length < 4 + length) return 'unknown';
  return blob.subarray(4, 4 + length).toString('latin1');
}

/** The keys on record for `name` (as made by `knownHostsName`), @cert-authority lines left out. */
export function keysForHost(text: string, name: string): KnownHostKey[] {
  const found: KnownHostKey[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const fields = raw.trim().split(/\s+/);
    if (fields[0] === '' || fields[0]!.startsWith('#')) return;
    let marker: KnownHostKey['marker'];
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority') {
      marker = fields.shift() === '@revoked' ? 'revoked' : 'cert-authority';
    }
    const [patterns, keyType, base64] = fields;
    if (!patterns || !keyType || !base64 || marker === 'cert-authority') return;
    if (!hostMatches(patterns, name)) return;
    const blob = Buffer.from(base64, 'base64');
    if (blob.length === 0) return;
    found.push({ keyType, blob, line: index + 1, ...(marker ? { marker } : {}) });
  });
  return found;
}

/** What the records say of `blob` offered by the host `name`, as ssh's check_key_in_hostkeys decides. */
export function verdictFor(records: KnownHostKey[], blob: Buffer): HostKeyVerdict {
  const revoked = records.find((r) => r.marker === 'revoked' && r.blob.equals(blob));
  if (revoked) return { kind: 'revoked', line: revoked.line };
  const plain = records.filter((r) => r.marker === undefined);
  if (plain.some((r) => r.blob.equals(blob))) return { kind: 'known' };
  const type = keyTypeOf(blob);
  const other = plain.find((r) => r.keyType === type || keyTypeOf(r.blob) === type);
  if (other) return { kind: 'changed', knownFingerprint: fingerprintSha256(other.blob), line: other.line };
  return { kind: 'unknown' };
}

/** Whether a known_hosts host field names `name`: a hashed entry, or a pattern list with no negation matching. */
export function hostMatches(field: string, name: string): boolean {
  if (field.startsWith('|1|')) return hashedMatches(field, name);
  return matchPatternList(name.toLowerCase(), field, true) === 1;
}

function hashedMatches(field: string, name: string): boolean {
  const [, , salt, hash] = field.split('|');
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest();
  return expected.length === actual.length && expected.equals(actual);
}

/**
 * match.c's match_pattern_list: 1 when a pattern matches, -1 when a negated one does (a negation
 * wins over any match), 0 when none does.
 */
export function matchPatternList(name: string, list: string, lowerCase = false): -1 | 0 | 1 {
  let matched: 0 | 1 = 0;
  for (const raw of list.split(',')) {
    if (raw === '') continue;
    const pattern = lowerCase ? raw.toLowerCase() : raw;
    const negated = pattern.startsWith('!');
    if (matchPattern(name, negated ? pattern.slice(1) : pattern)) {
      if (negated) return -1;
      matched = 1;
    }
  }
  return matched;
}

/** match.c's match_pattern: `*` any run of characters, `?` exactly one. */
export function matchPattern(name: string, pattern: string): boolean {
  // Iterative glob with one back-tracking point: linear in practice, no regex built from input.
  let n = 0;
  let p = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      n++;
      p++;
    } else if (p < pattern.length && pattern[p] === '*') {
      starP = p++;
      starN = n;
    } else if (starP >= 0) {
      p = starP + 1;
      n = ++starN;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
