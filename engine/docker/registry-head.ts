import type { ImageReference } from '../contract/reference.js';
import type { RegistryAuth } from './registry-auth.js';

/**
 * A tag's current digest, asked of its registry with a HEAD request on /v2/<name>/manifests/<tag>.
 * Never a GET: Docker Hub counts manifest GETs against the pull limit, and HEAD answers the same
 * Docker-Content-Digest header (distribution spec, "Checking if content exists in the registry").
 */

/** Every manifest kind the engine pulls, so the registry answers the digest the engine recorded (an index for a multi-arch tag). */
export const manifestAccept = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

/**
 * Parses a WWW-Authenticate header: one or more `Scheme k="v", k2=v2` challenges. Cases follow
 * distribution's registry/client/auth/challenge/authchallenge_test.go (written from memory of that
 * file, not copied: quoted values with escaped quotes and commas, unquoted tokens, several challenges).
 */
export function parseAuthChallenges(header: string): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  let rest = header.trim();
  while (rest) {
    const scheme = /^([A-Za-z][A-Za-z0-9_-]*)\s*/.exec(rest);
    if (!scheme) break;
    rest = rest.slice(scheme[0].length);
    const params: Record<string, string> = {};
    for (;;) {
      const pair = /^([A-Za-z0-9_-]+)\s*=\s*/.exec(rest);
      if (!pair) break;
      rest = rest.slice(pair[0].length);
      let value = '';
      if (rest.startsWith('"')) {
        let i = 1;
        while (i < rest.length && rest[i] !== '"') {
          if (rest[i] === '\\' && i + 1 < rest.length) i++;
          value += rest[i];
          i++;
        }
        rest = rest.slice(i + 1);
      } else {
        const token = /^[^\s,]*/.exec(rest)![0];
        value = token;
        rest = rest.slice(token.length);
      }
      params[pair[1]!.toLowerCase()] = value;
      const comma = /^\s*,\s*/.exec(rest);
      if (!comma) break;
      rest = rest.slice(comma[0].length);
    }
    challenges.push({ scheme: scheme[1]!.toLowerCase(), params });
    rest = rest.replace(/^\s*,?\s*/, '');
  }
  return challenges;
}

/** Where a reference's registry answers: Docker Hub's API host for docker.io; plain HTTP for loopback registries (as the engine treats them: insecure). */
export function registryBase(domain: string, insecure: (domain: string) => boolean = () => false): string {
  const host = domain === 'docker.io' ? 'registry-1.docker.io' : domain;
  const bare = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  const loopback = bare === 'localhost' || /^127\./.test(bare) || bare === '::1';
  return `${loopback || insecure(domain) ? 'http' : 'https'}://${host}`;
}

export function manifestUrl(reference: ImageReference, base: string): string {
  return `${base}/v2/${reference.path}/manifests/${reference.tag ?? 'latest'}`;
}

export type RegistryAnswer =
  | { ok: true; digest: string }
  | { ok: false; status: number; text: string };

/**
 * HEADs a tag's manifest and answers its digest. On 401 follows the registry's challenge: Bearer →
 * a pull-scoped token from the realm (with the saved login when there is one, anonymous otherwise),
 * Basic → the saved login; then HEADs once more. `fetcher` is the global fetch in production.
 */
export async function headManifest(
  reference: ImageReference,
  base: string,
  auth: RegistryAuth | undefined,
  fetcher: typeof fetch = fetch,
  signal?: AbortSignal,
): Promise<RegistryAnswer> {
  const url = manifestUrl(reference, base);
  const head = (authorization?: string) =>
    fetcher(url, { method: 'HEAD', headers: { Accept: manifestAccept, ...(authorization ? { Authorization: authorization } : {}) }, signal: signal ?? AbortSignal.timeout(15_000) });
  let answer = await head();
  if (answer.status === 401) {
    const challenge = parseAuthChallenges(answer.headers.get('www-authenticate') ?? '')[0];
    const basic = auth ? `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` : undefined;
    if (challenge?.scheme === 'bearer' && challenge.params.realm) {
      const tokenUrl = new URL(challenge.params.realm);
      if (challenge.params.service) tokenUrl.searchParams.set('service', challenge.params.service);
      tokenUrl.searchParams.set('scope', challenge.params.scope ?? `repository:${reference.path}:pull`);
      const tokenAnswer = await fetcher(tokenUrl, { headers: basic ? { Authorization: basic } : {}, signal: signal ?? AbortSignal.timeout(15_000) });
      if (!tokenAnswer.ok) return { ok: false, status: tokenAnswer.status, text: await tokenAnswer.text().then((t) => t.slice(0, 500), () => '') };
      const body = (await tokenAnswer.json()) as { token?: string; access_token?: string };
      answer = await head(`Bearer ${body.token ?? body.access_token ?? ''}`);
    } else if (challenge?.scheme === 'basic' && basic) {
      answer = await head(basic);
    }
  }
  const digest = answer.headers.get('docker-content-digest');
  if (answer.ok && digest) return { ok: true, digest };
  return { ok: false, status: answer.status, text: answer.ok ? 'the registry sent no Docker-Content-Digest' : `HTTP ${answer.status} ${answer.statusText}` };
}
