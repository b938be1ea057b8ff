import { describe, expect, it } from 'vitest';
import { familiarName, parseImageReference, registryDomain } from './reference.js';

const ok = (text: string) => {
  const result = parseImageReference(text);
  if (!result.ok) throw new Error(`${text}: ${result.problem}`);
  return result.reference;
};
const code = (text: string) => {
  const result = parseImageReference(text);
  return result.ok ? `accepted as ${result.reference.normalized}` : result.code;
};

const hex64 = 'f'.repeat(64);
const sha256 = `sha256:${hex64}`;

/**
 * Ported as data from github.com/distribution/reference (v0.6.0): reference_test.go
 * TestReferenceParse and normalize_test.go TestValidateReferenceName, TestValidateRemoteName,
 * TestParseRepositoryInfo and TestParseAnyReference. Written from knowledge of those files (no
 * network here), with each expected value translated to what ParseNormalizedNamed gives, since
 * Berth always normalises (so "test.com:tag" is docker.io/library/test.com with tag "tag").
 */
const valid: [input: string, normalized: string][] = [
  // reference_test.go TestReferenceParse (valid rows)
  ['test_com', 'docker.io/library/test_com:latest'],
  ['test.com:tag', 'docker.io/library/test.com:tag'],
  ['test.com:5000', 'docker.io/library/test.com:5000'],
  ['test.com/repo:tag', 'test.com/repo:tag'],
  ['test:5000/repo', 'test:5000/repo:latest'],
  ['test:5000/repo:tag', 'test:5000/repo:tag'],
  [`test:5000/repo@${sha256}`, `test:5000/repo@${sha256}`],
  [`test:5000/repo:tag@${sha256}`, `test:5000/repo:tag@${sha256}`],
  [`${'a/'.repeat(127)}a:tag-puts-this-over-max`, `docker.io/${'a/'.repeat(127)}a:tag-puts-this-over-max`],
  ['sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com/bar/baz/quux:latest'],
  ['sub-dom1.foo.com/bar/baz/quux:some-long-tag', 'sub-dom1.foo.com/bar/baz/quux:some-long-tag'],
  ['b.gcr.io/test.example.com/my-app:test.example.com', 'b.gcr.io/test.example.com/my-app:test.example.com'],
  ['xn--n3h.com/myimage:xn--n3h.com', 'xn--n3h.com/myimage:xn--n3h.com'],
  [`xn--7o8h.com/myimage:xn--7o8h.com@sha512:${'f'.repeat(128)}`, `xn--7o8h.com/myimage:xn--7o8h.com@sha512:${'f'.repeat(128)}`],
  ['foo_bar.com:8080', 'docker.io/library/foo_bar.com:8080'],
  ['foo/foo_bar.com:8080', 'docker.io/foo/foo_bar.com:8080'],
  ['192.168.1.1', 'docker.io/library/192.168.1.1:latest'],
  ['192.168.1.1:tag', 'docker.io/library/192.168.1.1:tag'],
  ['192.168.1.1:5000', 'docker.io/library/192.168.1.1:5000'],
  ['192.168.1.1/repo', '192.168.1.1/repo:latest'],
  ['192.168.1.1:5000/repo', '192.168.1.1:5000/repo:latest'],
  ['192.168.1.1:5000/repo:5050', '192.168.1.1:5000/repo:5050'],
  ['[2001:db8::1]/repo', '[2001:db8::1]/repo:latest'],
  ['[2001:db8:1:2:3:4:5:6]/repo:tag', '[2001:db8:1:2:3:4:5:6]/repo:tag'],
  ['[2001:db8::1]:5000/repo', '[2001:db8::1]:5000/repo:latest'],
  ['[2001:db8::1]:5000/repo:tag', '[2001:db8::1]:5000/repo:tag'],
  [`[2001:db8::1]:5000/repo@${sha256}`, `[2001:db8::1]:5000/repo@${sha256}`],
  [`[2001:db8::1]:5000/repo:tag@${sha256}`, `[2001:db8::1]:5000/repo:tag@${sha256}`],
  ['[2001:db8::]:5000/repo', '[2001:db8::]:5000/repo:latest'],
  ['[::1]:5000/repo', '[::1]:5000/repo:latest'],
  ['Uppercase/lowercase:tag', 'Uppercase/lowercase:tag'], // upstream FIXME: a capital makes it a domain
  ['lowercase:Uppercase', 'docker.io/library/lowercase:Uppercase'],
  ['registry.io/foo/project--id.module--name.ver---sion--name', 'registry.io/foo/project--id.module--name.ver---sion--name:latest'],
  // normalize_test.go TestValidateReferenceName (valid)
  ['docker/docker', 'docker.io/docker/docker:latest'],
  ['library/debian', 'docker.io/library/debian:latest'],
  ['debian', 'docker.io/library/debian:latest'],
  ['docker.io/docker/docker', 'docker.io/docker/docker:latest'],
  ['docker.io/library/debian', 'docker.io/library/debian:latest'],
  ['docker.io/debian', 'docker.io/library/debian:latest'],
  ['index.docker.io/docker/docker', 'docker.io/docker/docker:latest'],
  ['index.docker.io/library/debian', 'docker.io/library/debian:latest'],
  ['index.docker.io/debian', 'docker.io/library/debian:latest'],
  ['127.0.0.1:5000/docker/docker', '127.0.0.1:5000/docker/docker:latest'],
  ['127.0.0.1:5000/library/debian', '127.0.0.1:5000/library/debian:latest'],
  ['127.0.0.1:5000/debian', '127.0.0.1:5000/debian:latest'],
  ['192.168.0.1', 'docker.io/library/192.168.0.1:latest'],
  ['192.168.0.1:80', 'docker.io/library/192.168.0.1:80'],
  ['192.168.0.1:8/debian', '192.168.0.1:8/debian:latest'],
  ['192.168.0.2:25000/debian', '192.168.0.2:25000/debian:latest'],
  ['thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev', 'docker.io/library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev:latest'],
  ['[fc00::1]:5000/docker', '[fc00::1]:5000/docker:latest'],
  ['[fc00::1]:5000/docker/docker', '[fc00::1]:5000/docker/docker:latest'],
  ['[fc00:1:2:3:4:5:6:7]:5000/library/debian', '[fc00:1:2:3:4:5:6:7]:5000/library/debian:latest'],
  [`docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a`, 'docker.io/library/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a:latest'],
  // normalize_test.go TestValidateRemoteName (valid)
  ['docker/docker.io', 'docker.io/docker/docker.io:latest'],
  ['docker-rules/docker', 'docker.io/docker-rules/docker:latest'],
  ['doc/docker', 'docker.io/doc/docker:latest'],
  ['d/docker', 'docker.io/d/docker:latest'],
  ['jess/t', 'docker.io/jess/t:latest'],
  ['dock__er/docker', 'docker.io/dock__er/docker:latest'],
  ['ubuntu-12.04-base', 'docker.io/library/ubuntu-12.04-base:latest'],
  // TestParseRepositoryInfo
  ['index.docker.io/fooo/bar', 'docker.io/fooo/bar:latest'],
  ['localhost:8000/privatebase', 'localhost:8000/privatebase:latest'],
  ['localhost/privatebase', 'localhost/privatebase:latest'],
  ['127.0.0.1:8000/private/moonbase', '127.0.0.1:8000/private/moonbase:latest'],
  // TestParseAnyReference: a short hex string is a name, not an ID
  ['dbcc1c', 'docker.io/library/dbcc1c:latest'],
];

const invalid: [input: string, code: string][] = [
  // reference_test.go TestReferenceParse (error rows)
  ['', 'empty'],
  [':justtag', 'noName'],
  [`@${sha256}`, 'noName'],
  [`repo@sha256:${'f'.repeat(63)}`, 'digestLength'],
  [`validname@invaliddigest:${hex64}`, 'digestAlgorithm'],
  [`${'a/'.repeat(128)}a:tag`, 'nameTooLong'],
  ['aa/asdf$$^/aa', 'pathPart'],
  ['[2001:db8::1]', 'tag'],
  ['[2001:db8::1]:5000', 'pathPart'],
  ['[2001:db8::1]:tag', 'pathPart'],
  ['[fe80::1%eth0]:5000/repo', 'domain'],
  ['[fe80::1%@invalidzone]:5000/repo', 'digest'],
  ['Uppercase:tag', 'uppercase'],
  ['test:5000/Uppercase/lowercase:tag', 'uppercase'],
  // normalize_test.go TestValidateReferenceName (invalid)
  ['https://github.com/docker/docker', 'domain'],
  ['docker/Docker', 'uppercase'],
  ['-docker', 'pathPart'],
  ['-docker/docker', 'pathPart'],
  ['-docker.io/docker/docker', 'domain'],
  ['docker///docker', 'emptyPart'],
  ['docker.io/docker/Docker', 'uppercase'],
  ['docker.io/docker///docker', 'emptyPart'],
  ['[fc00::1]', 'tag'],
  ['[fc00::1]:5000', 'pathPart'],
  ['fc00::1:5000/debian', 'domain'],
  ['[fc00::1]:5000/Debian', 'uppercase'],
  ['1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a', 'imageId'],
  // normalize_test.go TestValidateRemoteName (invalid)
  ['docker-/docker', 'pathPart'],
  ['-docker-/docker', 'pathPart'],
  ['____/____', 'pathPart'],
  ['_docker/_docker', 'pathPart'],
  ['dock..er/docker', 'domain'], // a "." makes the first part a registry,
  ['dock..er/docker', 'domain'], // a "." makes the first part a registry,
  ['dock..er/docker', 'domain'], // a "." makes the first part a registry,
  ['docker/', 'emptyPart'],
  [`${'this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_'.repeat(4)}x/docker`, 'nameTooLong'],
  // Berth's own rows: the ID as docker prints it, and Berth's stricter port range
  [sha256, 'imageId'],
  ['reg:99999/app', 'port'],
  ['reg:0/app', 'port'],
  ['my app', 'spaces'],
  ['nginx:', 'tag'],
  ['nginx:-bad', 'tag'],
  ['nginx@sha256:xyz', 'digestLength'],
  ['nginx@xyz', 'digest'],
];

describe('parseImageReference (distribution/reference tables)', () => {
  it.each(valid)('accepts %s', (input, normalized) => {
    expect(ok(input).normalized).toBe(normalized);
  });
  it.each(invalid)('refuses %s', (input, expected) => {
    expect(code(input)).toBe(expected);
  });
});

describe('parseImageReference', () => {
  it('splits registries with ports, IPv6 hosts, and digests', () => {
    expect(ok(`registry:5000/team/app@${sha256}`)).toMatchObject({ domain: 'registry:5000', path: 'team/app', digest: sha256 });
    expect(ok('[::1]:5000/x')).toMatchObject({ domain: '[::1]:5000', path: 'x', repository: '[::1]:5000/x' });
    expect(ok('index.docker.io/library/x')).toMatchObject({ domain: 'docker.io', path: 'library/x' });
  });

  it('says what is wrong in a sentence, and gives the renderer a code and params', () => {
    const result = parseImageReference('Nginx');
    expect(result).toMatchObject({ ok: false, code: 'uppercase', params: { part: 'Nginx', suggestion: 'nginx' } });
    expect(!result.ok && result.problem).toMatch(/lowercase, e\.g\. nginx/);
    expect(!parseImageReference(sha256).ok && (parseImageReference(sha256) as { problem: string }).problem).toMatch(/image ID, not a name/);
  });

  it('counts the 255-character limit on the name as typed', () => {
    const typed = `${'a/'.repeat(126)}abc`; // 255 characters; docker.io/ would make it 265
    expect(typed).toHaveLength(255);
    expect(ok(typed).repository).toBe(`docker.io/${typed}`);
  });

  it('shows names as people write them', () => {
    expect(familiarName(ok('nginx'))).toBe('nginx');
    expect(familiarName(ok('docker.io/library/nginx:1'))).toBe('nginx:1');
    expect(familiarName(ok('index.docker.io/library/nginx'))).toBe('nginx');
    expect(familiarName(ok('127.0.0.1:5055/a/b:2'))).toBe('127.0.0.1:5055/a/b:2');
  });

  it('finds Docker Hub however its address is written, for saved logins', () => {
    for (const server of ['docker.io', 'index.docker.io', 'https://index.docker.io/v1/', 'registry-1.docker.io']) expect(registryDomain(server)).toBe('docker.io');
    expect(registryDomain('[::1]:5000')).toBe('[::1]:5000');
    expect(registryDomain('registry.example.com:5000')).toBe('registry.example.com:5000');
  });
});

describe('parseImageReference on random input (seeded fuzz)', () => {
  it('never throws, and what it accepts parses again to itself', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const pick = (options: string[]) => options[next() % options.length]!;
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      let text =
        pick(['', 'localhost/', 'reg.io/', 'reg:5000/', '[::1]:5000/', 'Up/', 'index.docker.io/', 'docker.io/', '-x.io/', 'a:b:c/']) +
        pick(['a', 'a/b', 'a__b', 'a-b.c', 'A', '', 'a//b', 'a_']) +
        pick(['', ':1', ':latest', ':-x', ':']) +
        pick(['', `@sha256:${hex64}`, '@sha256:ff', '@md5:ab']);
      if (next() % 4 === 0 && text) {
        const at = next() % text.length;
        text = next() % 2 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + text[at] + text.slice(at);
      }
      const result = parseImageReference(text);
      if (result.ok) accepted++;
      if (result.ok) expect(parseImageReference(result.reference.normalized)).toMatchObject({ ok: true, reference: { normalized: result.reference.normalized } });
      else expect(result.problem.length).toBeGreaterThan(0);
    }
    expect(accepted).toBeGreaterThan(200);
  });
});
