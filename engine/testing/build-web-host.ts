import { spawnSync } from 'node:child_process';

/**
 * Vitest's global setup: builds the compiled web host (out/web, scripts/build.mjs) once before any
 * test file runs, when its sources changed. Tests that start it as its own process
 * (web-host-process.ts) then only read it: two files building it at once could delete each other's
 * chunks under a running host.
 */
export default function buildWebHost(): void {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', 'web'], { encoding: 'utf8', timeout: 120_000 });
  if (built.status !== 0) throw new Error(`building the web host failed (${built.status ?? built.signal}): ${built.stderr}`);
}
