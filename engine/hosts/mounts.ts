import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { logFor } from '../shared/log.js';

const log = logFor('mounts');

const run = promisify(execFile);

/**
 * Unmounts whatever is mounted under `dir`, deepest first. A dockerd killed with SIGKILL leaves its
 * overlay and netns mounts behind, and a folder with mounts in it cannot be deleted.
 */
export async function unmountUnder(dir: string): Promise<void> {
  let table: string;
  try {
    table = await readFile('/proc/mounts', 'utf8');
  } catch {
    return;
  }
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  const mounts = table
    .split('\n')
    .map((line) => line.split(' ')[1])
    .filter((point): point is string => Boolean(point) && (point === dir || point!.startsWith(prefix)))
    .sort((a, b) => b.length - a.length);
  for (const point of mounts) {
    await run('umount', ['-l', point]).catch(log.fallback('unmounting a left-over mount', undefined));
  }
}
