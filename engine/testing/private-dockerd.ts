import { existsSync, readFileSync, rmSync } from 'node:fs';

/**
 * Stops a dockerd a test helper started (tls-engine.ts, swarm-engine.ts): only a process whose
 * command line names this pid file is signalled (never someone else's daemon that reused the pid),
 * SIGTERM first, SIGKILL after 20 s. A stale pid file is removed.
 */
export async function stopDockerd(pidfile: string): Promise<void> {
  if (!existsSync(pidfile)) return;
  const pid = Number(readFileSync(pidfile, 'utf8').trim());
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // Gone already.
  }
  if (!cmdline.includes(pidfile)) {
    rmSync(pidfile, { force: true });
    return;
  }
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    rmSync(pidfile, { force: true });
    return;
  }
  for (let waited = 0; waited < 20_000; waited += 100) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.kill(pid, 'SIGKILL');
}
