import { describe, expect, it } from 'vitest';
import { fingerprintSha256, keysForHost, keyTypeOf, knownHostsName, matchPattern, matchPatternList, verdictFor } from './known-hosts.js';

// Two keys and their lines made by OpenSSH 9.2 itself on this machine (ssh-keygen -t ed25519 / -t
// ecdsa; `ssh-keygen -H` for the hashed lines; `ssh-keygen -lf` for the fingerprints).
const ed25519 = 'AAAAC3NzaC1lZDI1NTE5AAAAIF59u69lh193qrTOigaYVUn1ZkC01LGdOcHg4+W9guAT';
const ecdsa =
  'AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBK9X5ut94K5G8HeuKAtc2R4YmEbMOtHhfS4uufm3q1+W4Tw/ocDmRaUXjFsECKyhi6i9T3fNf32NrFVPexnPm6E=';
const hashedEd25519 = `|1|ST68r/7IZhsAmtIBk7GS8mBIUz0=|ekzSuJ0q1m9WPx8BazLlyoREOss= ssh-ed25519 ${ed25519}`; // example.com
const hashedEcdsa = `|1|lbuxFL4q8qcEWL1z4Ay2xp09HdQ=|z2dUWxKa2NY0Ol1o2k3EuEBhIvg= ecdsa-sha2-nistp256 ${ecdsa}`; // [example.com]:2222
const blob = (b64: string) => Buffer.from(b64, 'base64');

describe('fingerprints and key types, as ssh-keygen -lf prints them', () => {
  it.each([
    [ed25519, 'SHA256:PfT5zSb+gVUiNR0AG2ZbQXE4cxH1jcWS89cz/HKAT7g', 'ssh-ed25519'],
    [ecdsa, 'SHA256:GFe+JS8KyPig6CmGzw0KteJpoWdorRn+85vBFESOfcc', 'ecdsa-sha2-nistp256'],
  ])('%#', (key, fingerprint, type) => {
    expect(fingerprintSha256(blob(key))).toBe(fingerprint);
    expect(keyTypeOf(blob(key))).toBe(type);
  });
  it('a blob too short to name its type is "unknown", not a throw', () => {
    expect(keyTypeOf(Buffer.from([0, 0]))).toBe('unknown');
    expect(keyTypeOf(Buffer.from([0xff, 0xff, 0xff, 0xff, 1]))).toBe('unknown');
  });
});

// OpenSSH regress/unittests/match/tests.c (openssh-portable, V_9_2_P1), match_pattern and
// match_pattern_list cases, written from memory of that file (the search tool was not available).
describe('match.c patterns', () => {
  it.each([
    ['', '', true],
    ['', 'aaa', false],
    ['aaa', '', false],
    ['aaa', 'aaaa', false],
    ['aaaa', 'aaa', false],
    ['', '*', true],
    ['a', '?', true],
    ['aa', 'a?', true],
    ['a', '*', true],
    ['a', 'a*', true],
    ['aa', 'a*', true],
    ['aa', '?*', true],
    ['aa', '**', true],
    ['aa', '?a', true],
    ['aa', '*a', true],
    ['ba', 'a?', false],
    ['ba', 'a*', false],
    ['ab', '?a', false],
    ['ab', '*a', false],
  ])('match_pattern(%j, %j) is %s', (name, pattern, expected) => {
    expect(matchPattern(name, pattern)).toBe(expected);
  });

  it.each([
    ['', '', 0],
    ['a', '', 0],
    ['a', 'a', 1],
    ['a', '!a', -1],
    ['a', '!a,a', -1],
    ['a', 'b,!a,a', -1],
    ['a', 'b,!a', -1],
    ['a', '!a,b', -1],
    ['a', '!*', -1],
    ['a', '*', 1],
    ['b', '!a', 0],
  ])('match_pattern_list(%j, %j) is %i', (name, list, expected) => {
    expect(matchPatternList(name, list)).toBe(expected);
  });

  it('host names compare without case (dolower)', () => {
    expect(matchPatternList('b', '!A', true)).toBe(0);
    expect(matchPatternList('a', '!A', true)).toBe(-1);
    expect(matchPatternList('example.com', 'EXAMPLE.com', true)).toBe(1);
  });
});

describe('known_hosts lines', () => {
  it('names a host on port 22 bare and any other port in brackets', () => {
    expect(knownHostsName('Example.COM', 22)).toBe('example.com');
    expect(knownHostsName('127.0.0.1', 2222)).toBe('[127.0.0.1]:2222');
  });

  it('finds hashed entries by host and port, and nothing for another port', () => {
    const text = `${hashedEd25519}\n${hashedEcdsa}\n`;
    expect(keysForHost(text, 'example.com').map((k) => k.keyType)).toEqual(['ssh-ed25519']);
    expect(keysForHost(text, '[example.com]:2222').map((k) => k.keyType)).toEqual(['ecdsa-sha2-nistp256']);
    expect(keysForHost(text, '[example.com]:2223')).toEqual([]);
    expect(keysForHost(text, 'example.org')).toEqual([]);
  });

  it('reads plain, listed, wildcard and negated patterns; skips comments, blanks and broken lines', () => {
    const text = [
      '# comment',
      '',
      `example.com,192.0.2.1 ssh-ed25519 ${ed25519} me@laptop`,
      `*.lab,!build.lab ecdsa-sha2-nistp256 ${ecdsa}`,
      'only-a-host',
      'host ssh-ed25519',
    ].join('\n');
    expect(keysForHost(text, '192.0.2.1')).toHaveLength(1);
    expect(keysForHost(text, 'web.lab').map((k) => k.line)).toEqual([4]);
    expect(keysForHost(text, 'build.lab')).toEqual([]);
    expect(keysForHost(text, 'only-a-host')).toEqual([]);
  });

  it('judges an offered key: known, unknown, changed (same type, other key), revoked', () => {
    const other = blob(ed25519);
    other.writeUInt8(other.readUInt8(other.length - 1) ^ 1, other.length - 1);
    const records = keysForHost(`example.com ssh-ed25519 ${ed25519}\n`, 'example.com');
    expect(verdictFor(records, blob(ed25519))).toEqual({ kind: 'known' });
    expect(verdictFor([], blob(ed25519))).toEqual({ kind: 'unknown' });
    // Only a key of another type on record: ssh treats the host as new for this type.
    expect(verdictFor(records, blob(ecdsa))).toEqual({ kind: 'unknown' });
    expect(verdictFor(records, other)).toEqual({ kind: 'changed', knownFingerprint: 'SHA256:PfT5zSb+gVUiNR0AG2ZbQXE4cxH1jcWS89cz/HKAT7g', line: 1 });
    const revoked = keysForHost(`@revoked * ssh-ed25519 ${ed25519}\nexample.com ssh-ed25519 ${ed25519}\n`, 'example.com');
    expect(verdictFor(revoked, blob(ed25519))).toEqual({ kind: 'revoked', line: 1 });
    // @cert-authority lines vouch for certificates, which Berth does not check: they never count as a key.
    expect(keysForHost(`@cert-authority * ssh-ed25519 ${ed25519}\n`, 'example.com')).toEqual([]);
  });
});
