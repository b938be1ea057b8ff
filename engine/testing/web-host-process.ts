import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { requireDockerHost } from './engine-env.js';

export interface WebHostProcess {
  child: ChildProcess;
  /** The port it listens on (BERTH_PORT=0: any free one). */
  port: number;
  /** SIGTERM, then resolves once the process has exited. */
  stop(): Promise<void>;
}

/**
 * The web host as `npm run web` runs it (out/web/main.js, which vitest's global setup and
 * Playwright's web server build when its sources changed), as its own process against the test engine, its folders under `dir`: a
 * throw anywhere shows as a dead process, its memory is its own (/proc/<pid>), apart from the test
 * runner's, and what is tested is what ships (a bundling mistake fails here, not only at a person's). `token` fixes the first login address's token (BERTH_TOKEN); '' lets it pick one;
 * `env` overrides the rest (e.g. another BERTH_ENGINE, or a HOME of the test's own).
 * Rejects with the host's stderr when it exits before printing its address.
 */
export async function startWebHostProcess(dir: string, token = '', env: NodeJS.ProcessEnv = {}): Promise<WebHostProcess> {
  if (!existsSync('out/web/main.js')) throw new Error('out/web/main.js is missing: run "node scripts/build.mjs web" first');
  const child = spawn(process.execPath, ['out/web/main.js'], {
    env: { ...process.env, BERTH_PORT: '0', BERTH_ENGINE: requireDockerHost(), BERTH_DATA_DIR: join(dir, 'data'), BERTH_RUNTIME_DIR: join(dir, 'run'), BERTH_TOKEN: token, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const found = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (found) resolve(Number(found[1]));
    });
    child.on('exit', (code, signal) => reject(new Error(`the web host exited (${signal ?? code}) before it was ready: ${stderr}`)));
  });
  return {
    child,
    port,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
