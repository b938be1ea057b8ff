import { appendFile, chmod, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fingerprintSha256, keysForHost, keyTypeOf, knownHostsName, verdictFor, type HostKeyVerdict, type KnownHostKey } from './known-hosts.js';

export interface HostKeyFiles {
  /** The person's files, read only: ~/.ssh/known_hosts, ~/.ssh/known_hosts2, /etc/ssh/ssh_known_hosts. */
  knownHosts: string[];
  /** Berth's own pins, in known_hosts format: written when a person trusts a key Berth showed them. */
  pinned: string;
}

/** Where ssh looks for known hosts for a user whose home is `home`, and Berth's pins under its data folder. */
export function defaultHostKeyFiles(home: string, dataDir: string): HostKeyFiles {
  return {
    knownHosts: [join(home, '.ssh', 'known_hosts'), join(home, '.ssh', 'known_hosts2'), '/etc/ssh/ssh_known_hosts'],
    pinned: join(dataDir, 'ssh', 'known_hosts'),
  };
}

export type HostKeyCheck = HostKeyVerdict & {
  /** `[host]:port` or `host`, as known_hosts names it. */
  name: string;
  keyType: string;
  fingerprint: string;
  /** For changed and revoked: the file whose line says so. */
  file?: string;
};

/**
 * The host keys Berth accepts: any the person's known_hosts files or Berth's own pins list for the
 * host. As ssh does with several files, a match anywhere is enough, and a revocation anywhere wins.
 */
export class HostKeyStore {
  constructor(readonly files: HostKeyFiles) {}

  async check(host: string, port: number, blob: Buffer): Promise<HostKeyCheck> {
    const name = knownHostsName(host, port);
    const base = { name, keyType: keyTypeOf(blob), fingerprint: fingerprintSha256(blob) };
    const perFile: { file: string; records: KnownHostKey[] }[] = [];
    for (const file of [...this.files.knownHosts, this.files.pinned]) {
      perFile.push({ file, records: keysForHost(await readIfThere(file), name) });
    }
    const verdicts = perFile.map(({ file, records }) => ({ file, verdict: verdictFor(records, blob) }));
    const revoked = verdicts.find((v) => v.verdict.kind === 'revoked');
    if (revoked) return { ...revoked.verdict, ...base, file: revoked.file };
    if (verdicts.some((v) => v.verdict.kind === 'known')) return { kind: 'known', ...base };
    const changed = verdicts.find((v) => v.verdict.kind === 'changed');
    if (changed) return { ...changed.verdict, ...base, file: changed.file };
    return { kind: 'unknown', ...base };
  }

  /** Adds `[host]:port type base64` to Berth's pins (a 0600 file in a 0700 folder). */
  async pin(host: string, port: number, blob: Buffer): Promise<void> {
    await mkdir(dirname(this.files.pinned), { recursive: true, mode: 0o700 });
    await appendFile(this.files.pinned, `${knownHostsName(host, port)} ${keyTypeOf(blob)} ${blob.toString('base64')}\n`, { mode: 0o600 });
    await chmod(this.files.pinned, 0o600);
  }
}

async function readIfThere(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    // Missing or unreadable: ssh, too, treats it as listing nothing.
    return '';
  }
}
