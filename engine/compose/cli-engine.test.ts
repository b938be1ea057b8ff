import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leaseCliEngine } from './cli-engine.js';
import { composeEnv } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'berth-cli-engine-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pem(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text, { mode: 0o644 });
  return path;
}

const berthEnv = { PATH: '/bin', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/home/me/.docker', REQUESTS_CA_BUNDLE: '/etc/ssl/bundle.crt', DOCKER_CONTEXT: 'x' };

describe('leaseCliEngine', () => {
  it('links a saved engine’s files under the CLI’s names in a private folder, and removes it on release', async () => {
    const tls = { ca: pem('office-ca.crt', 'CA'), cert: pem('me.crt', 'CERT'), key: pem('me.key', 'KEY') };
    const lease = await leaseCliEngine({ url: 'tcp://10.0.0.5:2376', tls });
    const folder = lease.vars.DOCKER_CERT_PATH!;
    expect(lease.vars).toEqual({ DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS_VERIFY: '1', DOCKER_TLS: undefined, REQUESTS_CA_BUNDLE: undefined, CURL_CA_BUNDLE: undefined, DOCKER_CERT_PATH: folder });
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    // Links to the person's own files, so no second copy of the key exists.
    expect(Object.fromEntries(['ca.pem', 'cert.pem', 'key.pem'].map((name) => [name, readlinkSync(join(folder, name))]))).toEqual({ 'ca.pem': tls.ca, 'cert.pem': tls.cert, 'key.pem': tls.key });
    expect(readFileSync(join(folder, 'key.pem'), 'utf8')).toBe('KEY');
    // The child sees the engine's TLS, never Berth's own TLS variables or a CA bundle that would replace the engine's CA.
    const env = composeEnv(lease.vars, berthEnv);
    expect(env).toEqual({ PATH: '/bin', DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: folder });
    await lease.release();
    await lease.release();
    expect(existsSync(folder)).toBe(false);
  });

  it('uses a docker context’s own folder when its files already carry the CLI’s names', async () => {
    const context = mkdtempSync(join(dir, 'context-'));
    const tls = { ca: join(context, 'ca.pem'), cert: join(context, 'cert.pem'), key: join(context, 'key.pem') };
    for (const path of Object.values(tls)) writeFileSync(path, 'x');
    const lease = await leaseCliEngine({ url: 'tcp://10.0.0.5:2376', tls });
    expect(lease.vars.DOCKER_CERT_PATH).toBe(context);
    await lease.release();
    expect(existsSync(tls.key)).toBe(true);
  });

  it('a context that skips verification gets DOCKER_TLS, not DOCKER_TLS_VERIFY', async () => {
    const context = mkdtempSync(join(dir, 'skip-'));
    writeFileSync(join(context, 'ca.pem'), 'x');
    const lease = await leaseCliEngine({ url: 'tcp://10.0.0.5:2376', tls: { ca: join(context, 'ca.pem'), skipVerify: true } });
    expect(composeEnv(lease.vars, berthEnv)).toMatchObject({ DOCKER_TLS: '1', DOCKER_CERT_PATH: context });
    expect(composeEnv(lease.vars, berthEnv).DOCKER_TLS_VERIFY).toBeUndefined();
  });

  it('skipping verification with no files at all names no DOCKER_CERT_PATH (Berth’s own is removed too)', async () => {
    const lease = await leaseCliEngine({ url: 'tcp://10.0.0.5:2376', tls: { skipVerify: true } });
    expect(composeEnv(lease.vars, berthEnv)).toEqual({ PATH: '/bin', DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS: '1', REQUESTS_CA_BUNDLE: '/etc/ssl/bundle.crt' });
  });

  it('an unreadable TLS file is engineTlsFiles naming it, and leaves no folder behind', async () => {
    const ca = `CA of ${process.pid} ${Date.now()}`;
    const error = await leaseCliEngine({ url: 'tcp://10.0.0.5:2376', tls: { ca: pem('ok-ca.crt', ca), key: join(dir, 'gone.key') } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'engineTlsFiles', params: { path: join(dir, 'gone.key') } });
    expect(foldersHolding(ca)).toEqual([]);
  });

  it('a socket engine gets DOCKER_HOST alone: Berth’s TLS variables are not for it', async () => {
    const lease = await leaseCliEngine({ url: 'unix:///run/berth/docker.sock' });
    expect(composeEnv(lease.vars, berthEnv)).toEqual({ PATH: '/bin', DOCKER_HOST: 'unix:///run/berth/docker.sock', REQUESTS_CA_BUNDLE: '/etc/ssl/bundle.crt' });
  });

  it('a tcp:// engine without files of its own keeps Berth’s TLS variables (what Berth itself connected with)', async () => {
    const lease = await leaseCliEngine({ url: 'tcp://10.0.0.5:2376' }, berthEnv);
    expect(composeEnv(lease.vars, berthEnv)).toMatchObject({ DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/home/me/.docker' });
  });

  it('a tcp:// engine on port 2376 is TLS for Compose as for Berth, even without DOCKER_TLS_VERIFY (it spoke plain HTTP to it)', async () => {
    const plainEnv = { HOME: '/home/me', PATH: '/usr/bin' };
    const lease = await leaseCliEngine({ url: 'tcp://10.0.0.5:2376' }, plainEnv);
    expect(composeEnv(lease.vars, plainEnv)).toMatchObject({ DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/home/me/.docker' });
    const other = await leaseCliEngine({ url: 'tcp://10.0.0.5:2375' }, plainEnv);
    expect(composeEnv(other.vars, plainEnv)).not.toHaveProperty('DOCKER_TLS_VERIFY');
  });

  it('an ssh:// engine without Berth’s tunnel keeps its address (the CLI’s own ssh)', async () => {
    const lease = await leaseCliEngine({ url: 'ssh://me@build-box' });
    expect(lease.vars).toMatchObject({ DOCKER_HOST: 'ssh://me@build-box' });
  });
});

/** Berth's TLS temp folders whose ca.pem is `ca` (other processes' folders are not this test's). */
function foldersHolding(ca: string): string[] {
  return readdirSync(tmpdir()).filter((name) => {
    try {
      return name.startsWith('berth-engine-tls-') && readFileSync(join(tmpdir(), name, 'ca.pem'), 'utf8') === ca;
    } catch {
      return false;
    }
  });
}
