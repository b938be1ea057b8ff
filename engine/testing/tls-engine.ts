import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pingSocket } from '../hosts/unix-ping.js';
import { stopDockerd } from './private-dockerd.js';

const run = promisify(execFile);

/** A second private dockerd serving tcp://127.0.0.1:PORT with --tlsverify, and the PEM files a test uses with it. */
export interface TlsEngine {
  url: string;
  /**
   * The same engine at its bridge's address (tcp://172.31.23N.1:PORT): not loopback, so Berth treats
   * it as another computer's engine (remote), while it never leaves this machine.
   */
  remoteUrl: string;
  /** Its own unix socket too, so a test can set it up (load an image) without TLS. */
  socket: string;
  ca: string;
  cert: string;
  key: string;
  /** A CA that did not sign the engine's certificate: a context using it must be refused. */
  wrongCa: string;
  stop(): Promise<void>;
}

/**
 * Starts (or reuses, when it already answers) a dockerd with TLS under `<BERTH_TEST_DIR>/tls-engine`,
 * listening on 127.0.0.1 and on its bridge's own address:
 * its own data root, exec root, pid file and bridge (BERTH_TLS_BRIDGE, default berth-t0 with
 * BERTH_TLS_BRIDGE_CIDR), --iptables=false as scripts/test-engine.sh runs the main test engine.
 * The certificates are made here with openssl: a CA, a server certificate for IP:127.0.0.1, a client
 * certificate, and a second, unrelated CA. Needs root (dockerd, ip link), as the test engine does.
 */
export async function startTlsEngine(): Promise<TlsEngine> {
  const dir = join(process.env.BERTH_TEST_DIR ?? '/tmp/berth-test', 'tls-engine');
  // The bridge's address is in the server certificate, so the certificates are made per bridge.
  const n = /(\d+)$/.exec(process.env.BERTH_TEST_BRIDGE ?? '')?.[1] ?? '0';
  const bridge = process.env.BERTH_TLS_BRIDGE ?? `berth-t${n}`;
  const cidr = process.env.BERTH_TLS_BRIDGE_CIDR ?? `172.31.${230 + (Number(n) % 20)}.1/24`;
  const bridgeIp = cidr.split('/')[0]!;
  const certs = join(dir, `certs-${bridgeIp}`);
  const socket = join(dir, 'docker.sock');
  const pidfile = join(dir, 'dockerd.pid');
  const portFile = join(dir, 'port');
  mkdirSync(certs, { recursive: true });
  if (!existsSync(join(certs, 'wrong-ca.pem'))) await makeCertificates(certs, bridgeIp);
  const files = { ca: join(certs, 'ca.pem'), cert: join(certs, 'cert.pem'), key: join(certs, 'key.pem'), wrongCa: join(certs, 'wrong-ca.pem') };
  const stop = () => stopDockerd(pidfile);

  const urls = (port: string | number) => ({ url: `tcp://127.0.0.1:${port}`, remoteUrl: `tcp://${bridgeIp}:${port}` });
  if (existsSync(portFile) && (await pingSocket(socket, 1000))) {
    return { ...urls(readFileSync(portFile, 'utf8').trim()), socket, ...files, stop };
  }
  // One bridge per helper/run, numbered like the test engine's (berth-h4 → berth-t4, 172.31.234.1/24).
  await run('ip', ['link', 'show', bridge]).catch(async () => {
    await run('ip', ['link', 'add', bridge, 'type', 'bridge']);
    await run('ip', ['addr', 'add', cidr, 'dev', bridge]);
  });
  await run('ip', ['link', 'set', bridge, 'up']);
  const port = Number(process.env.BERTH_TLS_PORT ?? 23_760 + Math.floor(Math.random() * 200));
  writeFileSync(portFile, String(port));
  const log = openSync(join(dir, 'dockerd.log'), 'a');
  const dockerd = spawn(
    'dockerd',
    [
      '--data-root', join(dir, 'data'), '--exec-root', join(dir, 'exec'), '--pidfile', pidfile,
      '-H', `unix://${socket}`, '-H', `tcp://127.0.0.1:${port}`, '-H', `tcp://${bridgeIp}:${port}`,
      '--tlsverify', '--tlscacert', files.ca, '--tlscert', join(certs, 'server-cert.pem'), '--tlskey', join(certs, 'server-key.pem'),
      '-b', bridge, '--iptables=false', '--ip-masq=false',
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  dockerd.unref();
  for (let waited = 0; waited < 20_000; waited += 100) {
    if (await pingSocket(socket, 1000)) return { ...urls(port), socket, ...files, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The TLS test engine did not answer within 20 s; see ${join(dir, 'dockerd.log')}.`);
}

async function makeCertificates(dir: string, bridgeIp: string): Promise<void> {
  const openssl = (...args: string[]) => run('openssl', args, { cwd: dir });
  const days = ['-days', '30'];
  await openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-subj', '/CN=Berth test CA', ...days);
  await openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'wrong-ca-key.pem', '-out', 'wrong-ca.pem', '-subj', '/CN=Another CA', ...days);
  writeFileSync(join(dir, 'server.ext'), `subjectAltName=IP:127.0.0.1,IP:${bridgeIp},DNS:localhost\nextendedKeyUsage=serverAuth\n`);
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, ext, cn] of [['server', 'server.ext', '127.0.0.1'], ['client', 'client.ext', 'berth-test-client']] as const) {
    const key = name === 'server' ? 'server-key.pem' : 'key.pem';
    const cert = name === 'server' ? 'server-cert.pem' : 'cert.pem';
    await openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    await openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', cert, '-extfile', ext, ...days);
  }
}
