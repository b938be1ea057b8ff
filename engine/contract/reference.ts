/**
 * Image references, parsed with the distribution reference grammar
 * (github.com/distribution/reference: reference.go), so a bad one is refused before any request
 * with a message that says what is wrong.
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain "/"] path-component ["/" path-component]*
 *   domain    := host [":" port]
 */
export interface ImageReference {
  /** Registry host[:port]; docker.io when none is given. */
  domain: string;
  /** Repository path; library/ is added for official Docker Hub images. */
  path: string;
  tag?: string;
  digest?: string;
  /** The reference as the engine wants it: domain/path[:tag][@digest], tag "latest" when none. */
  normalized: string;
  /** The repository part alone (domain/path), for auth and tagging. */
  repository: string;
}

const pathComponent = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const domainComponent = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const tagPattern = /^[\w][\w.-]{0,127}$/;
const digestPattern = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

export type ReferenceResult = { ok: true; reference: ImageReference } | { ok: false; problem: string };

export function parseImageReference(input: string): ReferenceResult {
  const text = input.trim();
  const fail = (problem: string): ReferenceResult => ({ ok: false, problem });
  if (!text) return fail('Type an image reference, e.g. nginx, nginx:1.27 or registry.example.com/team/app:2.');
  if (/\s/.test(text)) return fail('An image reference has no spaces, e.g. nginx:1.27.');
  if (text.length > 512) return fail('An image reference is at most 512 characters.');

  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestPattern.test(digest)) return fail(`"${digest}" is not a digest; it looks like sha256: followed by 64 hex digits.`);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!tagPattern.test(tag)) {
      return fail(`"${tag}" is not a valid tag: use letters, digits, "_", "." and "-" (up to 128), not starting with "." or "-".`);
    }
  }
  const parts = rest.split('/');
  let domain = 'docker.io';
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || /[A-Z]/.test(first))) {
    domain = first;
    parts.shift();
    const [host, port, extra] = domain.split(':');
    if (extra !== undefined || !host || !host.split('.').every((c) => domainComponent.test(c))) {
      return fail(`"${domain}" is not a registry address; it looks like registry.example.com or localhost:5000.`);
    }
    if (port !== undefined && !(/^\d+$/.test(port) && Number(port) > 0 && Number(port) < 65536)) {
      return fail(`"${port}" is not a port; a registry port is a number from 1 to 65535.`);
    }
  }
  if (parts.length === 0 || parts.some((p) => p === '')) return fail('The repository name is missing or has an empty part ("//").');
  for (const part of parts) {
    if (!pathComponent.test(part)) {
      return /[A-Z]/.test(part)
        ? fail(`"${part}" has capital letters; repository names are lowercase, e.g. ${part.toLowerCase()}.`)
        : fail(`"${part}" is not a valid repository name part: use lowercase letters and digits, separated by ".", "_", "__" or "-".`);
    }
  }
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  if (`${domain}/${path}`.length > 255) return fail('A repository name is at most 255 characters.');
  const repository = `${domain}/${path}`;
  const normalized = `${repository}${tag || !digest ? `:${tag ?? 'latest'}` : ''}${digest ? `@${digest}` : ''}`;
  return {
    ok: true,
    reference: { domain, path, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}), normalized, repository },
  };
}

/** How people write it: docker.io/library/ dropped, as the docker CLI shows names. */
export function familiarName(reference: ImageReference): string {
  const name = reference.domain === 'docker.io' ? reference.path.replace(/^library\//, '') : reference.repository;
  return `${name}${reference.tag ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`;
}
