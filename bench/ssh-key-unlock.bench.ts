import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadSsh } from '../engine/hosts/vm/guest-link.js';
import { median, ms, timeRuns } from './measure.js';

const run = promisify(execFile);

/**
 * Unlocking an SSH key with its passphrase (engines.unlockKey): ssh2's parser decrypts it with
 * bcrypt_pbkdf in JavaScript, on the trusted side's main thread, so its time is how long the web
 * host or Electron's main process stops answering. Against OpenSSH decrypting the same key in the
 * same run (`ssh-keygen -y -P`, which also spawns a process), for ssh-keygen's default 16 rounds and
 * for `-a 64`. Once per key per process; a wrong passphrase costs the same.
 */
const passphrase = 'bench-passphrase';

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'berth-unlock-bench-'));
  const { utils } = await loadSsh();
  try {
    for (const rounds of [16, 64]) {
      const key = join(dir, `id_ed25519_${rounds}`);
      await run('ssh-keygen', ['-q', '-t', 'ed25519', '-a', String(rounds), '-N', passphrase, '-f', key]);
      const file = await readFile(key);
      const berth = await timeRuns(5, async () => {
        if (utils.parseKey(file, passphrase) instanceof Error) throw new Error('ssh2 did not unlock the key');
      });
      const wrong = await timeRuns(3, async () => utils.parseKey(file, 'not-the-passphrase'));
      const openssh = await timeRuns(5, () => run('ssh-keygen', ['-y', '-P', passphrase, '-f', key]));
      console.log(
        `unlock ed25519 (-a ${rounds}): Berth (ssh2, blocking) ${ms(median(berth))}, wrong passphrase ${ms(median(wrong))}; ` +
          `ssh-keygen -y ${ms(median(openssh))}; ratio ${(median(berth) / median(openssh)).toFixed(1)}×`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
