import type { ParsedKey } from 'ssh2';

/**
 * Private keys a person unlocked with their passphrase in Berth, held for the life of this process:
 * what ssh-agent holds for a terminal user. The decrypted key is kept, never the passphrase; in
 * memory only — never written to disk, never logged, never sent to a page. Keyed by the key file's
 * path and its bytes as read then: a file replaced since is locked again.
 */
export class UnlockedKeys {
  readonly #keys = new Map<string, { file: Buffer; key: ParsedKey }>();

  /**
   * The unlocked key for `path`, when the file still holds the bytes that were unlocked. A file seen
   * holding other bytes (a rotated key, a new passphrase) lets its old decrypted key go: the person
   * replaced it, so Berth holds it no longer.
   */
  get(path: string, file: Buffer): ParsedKey | undefined {
    const held = this.#keys.get(path);
    if (!held) return undefined;
    if (held.file.equals(file)) return held.key;
    this.#keys.delete(path);
    return undefined;
  }

  set(path: string, file: Buffer, key: ParsedKey): void {
    this.#keys.set(path, { file, key });
  }
}

/** The process's own: every ssh:// engine (and the engine list's probes) offers what was unlocked here. */
export const unlockedKeys = new UnlockedKeys();

/** Whether ssh2 refused to parse a key only because it wants a passphrase (OpenSSH, old PEM and PuTTY formats alike). */
export function wantsPassphrase(parseError: Error): boolean {
  return /^Encrypted .*no passphrase given/.test(parseError.message);
}
