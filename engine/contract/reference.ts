/**
 * Image references, parsed with the distribution reference grammar and Docker's normalisation
 * (github.com/distribution/reference: regexp.go, reference.go, normalize.go), so a bad one is
 * refused before any request with a problem that says what is wrong (code + params for the
 * renderer's catalogs, and an English sentence for the engine's errors).
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain "/"] path-component ["/" path-component]*
 *   domain    := host [":" port-number]
 *   host      := domain-name | IPv4address | "[" IPv6address "]"
 *
 * The first part is a domain only when it has a "." or ":", is "localhost" or has a capital letter,
 * as docker decides (normalize.go splitDockerDomain); index.docker.io is docker.io. Berth is stricter
 * than docker in one place: a registry port must be 1–65535 (docker accepts any digits and fails later).
 */
export interface ImageReference {
  /** Registry host[:port]; docker.io when none is given (and for index.docker.io). */
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

export type ReferenceProblemCode =
  | 'empty'
  | 'spaces'
  | 'tooLong'
  | 'imageId'
  | 'noName'
  | 'digest'
  | 'digestAlgorithm'
  | 'digestLength'
  | 'tag'
  | 'domain'
  | 'port'
  | 'emptyPart'
  | 'uppercase'
  | 'pathPart'
  | 'nameTooLong';

export type ReferenceResult =
  | { ok: true; reference: ImageReference }
  | { ok: false; code: ReferenceProblemCode; params: Record<string, string | number>; problem: string };

/** A full image ID as the engine prints it: 64 lowercase hex digits, with or without "sha256:". */
export const imageIdPattern = /^(?:sha256:)?[a-f0-9]{64}$/;

const pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const domainName = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*$/;
const ipv6Host = /^\[[a-fA-F0-9:]+\]$/;
const tagPattern = /^[\w][\w.-]{0,127}$/;
const digestPattern = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;
/** go-digest's registered algorithms and their hex lengths. */
const digestLengths: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
const legacyHub = new Set(['index.docker.io', 'registry-1.docker.io']);

const messages: Record<ReferenceProblemCode, (p: Record<string, string | number>) => string> = {
  empty: () => 'Type an image reference, e.g. nginx, nginx:1.27 or registry.example.com/team/app:2.',
  spaces: () => 'An image reference has no spaces, e.g. nginx:1.27.',
  tooLong: () => 'An image reference is at most 1,024 characters.',
  imageId: (p) => `"${p.text}" is an image ID, not a name: an ID names an image already on the engine, and cannot be pulled or used as a new name. Use a name such as nginx:1.27.`,
  noName: () => 'The repository name is missing before the tag or digest, e.g. nginx:1.27.',
  digest: (p) => `"${p.digest}" is not a digest; it looks like sha256: followed by 64 hex digits.`,
  digestAlgorithm: (p) => `"${p.algorithm}" is not a digest algorithm docker knows; use sha256, sha384 or sha512.`,
  digestLength: (p) => `A ${p.algorithm} digest is ${p.length} lowercase hex digits.`,
  tag: (p) => `"${p.tag}" is not a valid tag: use letters, digits, "_", "." and "-" (up to 128), not starting with "." or "-".`,
  domain: (p) => `"${p.domain}" is not a registry address; it looks like registry.example.com, localhost:5000 or [::1]:5000.`,
  port: (p) => `"${p.port}" is not a port; a registry port is a number from 1 to 65535.`,
  emptyPart: () => 'The repository name is missing or has an empty part ("//").',
  uppercase: (p) => `"${p.part}" has capital letters; repository names are lowercase, e.g. ${p.suggestion}.`,
  pathPart: (p) => `"${p.part}" is not a valid repository name part: use lowercase letters and digits, separated by ".", "_", "__" or "-".`,
  nameTooLong: (p) => `A repository name is at most 255 characters as typed; this one has ${p.length}.`,
};

function fail(code: ReferenceProblemCode, params: Record<string, string | number> = {}): ReferenceResult {
  return { ok: false, code, params, problem: referenceProblemText(code, params) };
}

/** A problem's English, for the trusted side; the renderer words `problems.reference.<code>`. */
export function referenceProblemText(code: ReferenceProblemCode, params: Record<string, string | number>): string {
  return messages[code](params);
}

/** Parses and normalises an image reference; never throws. */
export function parseImageReference(input: string): ReferenceResult {
  const text = input.trim();
  if (!text) return fail('empty');
  if (/\s/.test(text)) return fail('spaces');
  if (text.length > 1024) return fail('tooLong');
  // docker refuses a bare 64-hex name (normalize.go), and sha256:<hex> would parse as a repository
  // "sha256" with a tag: both are what the person copied from an image's ID.
  if (imageIdPattern.test(text)) return fail('imageId', { text });

  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    const match = digestPattern.exec(digest);
    if (!match) return fail('digest', { digest });
    const length = digestLengths[match[1]!];
    if (length === undefined) return fail('digestAlgorithm', { algorithm: match[1]! });
    if (!new RegExp(`^[a-f0-9]{${length}}$`).test(match[2]!)) return fail('digestLength', { algorithm: match[1]!, length });
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!tagPattern.test(tag)) return fail('tag', { tag });
  }
  if (!rest) return fail('noName');
  const typedName = rest;

  const parts = rest.split('/');
  let domain = 'docker.io';
  const first = parts[0]!;
  if (parts.length > 1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first)) {
    parts.shift();
    const problem = domainProblem(first);
    if (problem) return problem;
    domain = legacyHub.has(first) ? 'docker.io' : first;
  }
  if (parts.some((p) => p === '')) return fail('emptyPart');
  for (const part of parts) {
    if (!pathComponent.test(part)) {
      return part.toLowerCase() !== part && pathComponent.test(part.toLowerCase())
        ? fail('uppercase', { part, suggestion: part.toLowerCase() })
        : fail('pathPart', { part });
    }
  }
  // The limit counts the name as typed (reference.go: NameTotalLengthMax), not the normalised one.
  if (typedName.length > 255) return fail('nameTooLong', { length: typedName.length });
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  const repository = `${domain}/${path}`;
  const normalized = `${repository}${tag || !digest ? `:${tag ?? 'latest'}` : ''}${digest ? `@${digest}` : ''}`;
  return {
    ok: true,
    reference: { domain, path, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}), normalized, repository },
  };
}

function domainProblem(domain: string): ReferenceResult | undefined {
  const ipv6 = domain.startsWith('[');
  const close = ipv6 ? domain.indexOf(']') + 1 : 0;
  const portAt = domain.indexOf(':', close);
  const host = portAt === -1 ? domain : domain.slice(0, portAt);
  const port = portAt === -1 ? undefined : domain.slice(portAt + 1);
  if (!(ipv6 ? ipv6Host.test(host) : domainName.test(host))) return fail('domain', { domain });
  if (port !== undefined && !(/^\d+$/.test(port) && Number(port) > 0 && Number(port) < 65536)) {
    return /^\d+$/.test(port) ? fail('port', { port }) : fail('domain', { domain });
  }
  return undefined;
}

/** The registry a login is saved under: docker.io for Docker Hub however it was written. */
export function registryDomain(server: string): string {
  const bare = server.trim().replace(/^https?:\/\//, '').replace(/\/v[12]\/?$/, '').replace(/\/$/, '');
  return bare === 'docker.io' || legacyHub.has(bare) ? 'docker.io' : bare;
}

/** How people write it: docker.io/library/ dropped, as the docker CLI shows names. */
export function familiarName(reference: ImageReference): string {
  const name = reference.domain === 'docker.io' ? reference.path.replace(/^library\//, '') : reference.repository;
  return `${name}${reference.tag ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`;
}
