import { describe, expect, it } from 'vitest';
import { familiarName, parseImageReference } from './reference.js';

const ok = (text: string) => {
  const result = parseImageReference(text);
  if (!result.ok) throw new Error(result.problem);
  return result.reference;
};
const problem = (text: string) => {
  const result = parseImageReference(text);
  if (result.ok) throw new Error(`${text} was accepted`);
  return result.problem;
};

describe('parseImageReference', () => {
  it('normalises Docker Hub names the way the engine does', () => {
    expect(ok('nginx').normalized).toBe('docker.io/library/nginx:latest');
    expect(ok('nginx:1.27').normalized).toBe('docker.io/library/nginx:1.27');
    expect(ok('bitnami/redis:7').normalized).toBe('docker.io/bitnami/redis:7');
  });

  it('reads registries with ports, and digests', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const ref = ok(`registry:5000/team/app@${digest}`);
    expect(ref).toMatchObject({ domain: 'registry:5000', path: 'team/app', digest });
    expect(ref.normalized).toBe(`registry:5000/team/app@${digest}`);
    expect(ok('localhost/app').domain).toBe('localhost');
    expect(ok('127.0.0.1:5055/berth/fixture:1').repository).toBe('127.0.0.1:5055/berth/fixture');
  });

  it('says what is wrong with a bad reference', () => {
    expect(problem('')).toMatch(/e\.g\. nginx/);
    expect(problem('Nginx')).toMatch(/lowercase, e\.g\. nginx/);
    expect(problem('nginx:')).toMatch(/not a valid tag/);
    expect(problem('nginx:-bad')).toMatch(/not a valid tag/);
    expect(problem('my app')).toMatch(/no spaces/);
    expect(problem('a//b')).toMatch(/empty part/);
    expect(problem('reg:99999/app')).toMatch(/not a port/);
    expect(problem('nginx@sha256:xyz')).toMatch(/not a digest/);
    expect(problem('under_score_/x')).toMatch(/not a valid repository name part/);
  });

  it('shows names as people write them', () => {
    expect(familiarName(ok('nginx'))).toBe('nginx');
    expect(familiarName(ok('docker.io/library/nginx:1'))).toBe('nginx:1');
    expect(familiarName(ok('127.0.0.1:5055/a/b:2'))).toBe('127.0.0.1:5055/a/b:2');
  });
});
