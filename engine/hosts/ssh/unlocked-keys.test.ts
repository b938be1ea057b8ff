import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils } from 'ssh2';
import { afterAll, describe, expect, it } from 'vitest';
import { UnlockedKeys, wantsPassphrase } from './unlocked-keys.js';

const dir = mkdtempSync(join(tmpdir(), 'berth-unlocked-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh ed25519 key file from OpenSSH itself, locked with `passphrase` ('' for none); 1 KDF round keeps it fast. */
function keyFile(name: string, passphrase: string): Buffer {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-a', '1', '-N', passphrase, '-f', join(dir, name)]);
  return readFileSync(join(dir, name));
}

describe('keys unlocked with their passphrase', () => {
  it('tells a key that wants a passphrase from one that is no key at all', () => {
    const locked = utils.parseKey(keyFile('locked', 'secret'));
    expect(locked).toBeInstanceOf(Error);
    expect(wantsPassphrase(locked as Error)).toBe(true);
    const garbage = utils.parseKey(Buffer.from('not a key\n'));
    expect(wantsPassphrase(garbage as Error)).toBe(false);
    const wrong = utils.parseKey(readFileSync(join(dir, 'locked')), 'wrong');
    expect(wantsPassphrase(wrong as Error)).toBe(false);
    expect(utils.parseKey(keyFile('plain', ''))).not.toBeInstanceOf(Error);
  });

  it('gives the unlocked key back only while the file holds the bytes that were unlocked', () => {
    const keys = new UnlockedKeys();
    const file = keyFile('kept', 'secret');
    const key = utils.parseKey(file, 'secret');
    if (key instanceof Error) throw key;
    keys.set('/home/me/.ssh/id_ed25519', file, key);
    expect(keys.get('/home/me/.ssh/id_ed25519', Buffer.from(file))).toBe(key);
    expect(keys.get('/home/me/.ssh/id_ed25519', keyFile('replaced', 'secret'))).toBeUndefined();
    expect(keys.get('/home/me/.ssh/id_ecdsa', file)).toBeUndefined();
  });

  it('lets go of a decrypted key once its file is seen replaced (a new key, or a new passphrase): it is not held for the life of the process', () => {
    const keys = new UnlockedKeys();
    const file = keyFile('rotated', 'secret');
    const key = utils.parseKey(file, 'secret');
    if (key instanceof Error) throw key;
    keys.set('/home/me/.ssh/id_ed25519', file, key);
    expect(keys.get('/home/me/.ssh/id_ed25519', keyFile('rotated-new', 'other'))).toBeUndefined();
    // The old bytes back (a restore) ask for the passphrase again, as a fresh ssh-agent would.
    expect(keys.get('/home/me/.ssh/id_ed25519', file)).toBeUndefined();
  });
});
