import { describe, expect, it } from 'vitest';
import { parseImageReference } from '../contract/reference.js';
import { manifestAccept, manifestUrl, parseAuthChallenges, registryBase } from './registry-head.js';

// Cases in the spirit of distribution/distribution registry/client/auth/challenge/authchallenge_test.go
// (TestAuthChallengeParse, TestAuthChallengeNormalization), written from memory of that file, not copied.
describe('parseAuthChallenges', () => {
  const table: [string, string, { scheme: string; params: Record<string, string> }[]][] = [
    [
      'Docker Hub',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
      [{ scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/nginx:pull' } }],
    ],
    ['escaped quote and comma inside a value', 'Bearer realm="https://auth.example.com/token",service="registry.example.com",other=fun,slashed="he\\"\\l\\lo,"', [
      { scheme: 'bearer', params: { realm: 'https://auth.example.com/token', service: 'registry.example.com', other: 'fun', slashed: 'he"llo,' } },
    ]],
    ['basic with an unquoted realm', 'Basic realm=berth-test', [{ scheme: 'basic', params: { realm: 'berth-test' } }]],
    ['scheme and keys are case-insensitive', 'BEARER Realm="https://x/token"', [{ scheme: 'bearer', params: { realm: 'https://x/token' } }]],
    ['spaces around = and ,', 'Bearer realm = "https://x/t" , service = "x"', [{ scheme: 'bearer', params: { realm: 'https://x/t', service: 'x' } }]],
    ['two challenges', 'Basic realm="r1", Bearer realm="https://x/t"', [
      { scheme: 'basic', params: { realm: 'r1' } },
      { scheme: 'bearer', params: { realm: 'https://x/t' } },
    ]],
    ['empty', '', []],
  ];
  it.each(table)('%s', (_, header, expected) => {
    expect(parseAuthChallenges(header)).toEqual(expected);
  });
});

describe('where a tag is asked', () => {
  const ref = (text: string) => {
    const parsed = parseImageReference(text);
    if (!parsed.ok) throw new Error(text);
    return parsed.reference;
  };
  it.each([
    ['nginx', 'https://registry-1.docker.io/v2/library/nginx/manifests/latest'],
    ['ghcr.io/o/app:1.2', 'https://ghcr.io/v2/o/app/manifests/1.2'],
    ['localhost:5000/app:v2', 'http://localhost:5000/v2/app/manifests/v2'],
    ['127.0.0.1:5175/a/b:latest', 'http://127.0.0.1:5175/v2/a/b/manifests/latest'],
  ])('%s → %s', (text, url) => {
    const reference = ref(text);
    expect(manifestUrl(reference, registryBase(reference.domain))).toBe(url);
  });

  it('uses plain HTTP for a registry the engine calls insecure', () => {
    expect(registryBase('registry.lan:5000', (d) => d === 'registry.lan:5000')).toBe('http://registry.lan:5000');
  });

  it('accepts indexes first, so a multi-arch tag answers the digest the engine recorded at pull', () => {
    expect(manifestAccept.split(', ')).toEqual([
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.docker.distribution.manifest.v2+json',
    ]);
  });
});
