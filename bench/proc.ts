import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU and memory of processes from Linux's /proc, for the start and idle benchmarks. CPU is in clock
 * ticks of 10 ms (USER_HZ is 100 on every Linux this runs on); RSS in bytes (pages of 4 KiB).
 */
export interface ProcSample {
  pid: number;
  command: string;
  /** utime + stime, in ticks. */
  ticks: number;
  rssBytes: number;
}

export const TICK_MS = 10;
const PAGE = 4096;

/** One process's counters, or undefined when it is gone. */
export function sampleProcess(pid: number): ProcSample | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command sits in parentheses and may itself hold spaces or parentheses.
    const close = stat.lastIndexOf(')');
    const command = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // fields[0] is field 3 (state): utime is field 14, stime 15, rss 24.
    return { pid, command, ticks: Number(fields[11]) + Number(fields[12]), rssBytes: Number(fields[21]) * PAGE };
  } catch {
    return undefined; // the process ended between listing and reading: nothing to count
  }
}

/** Every process whose process group is `pgid` (a child spawned with `detached: true` leads its own). */
export function processGroup(pgid: number): ProcSample[] {
  const found: ProcSample[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
    } catch {
      continue; // gone
    }
    const sample = sampleProcess(Number(name));
    if (sample) found.push(sample);
  }
  return found;
}

/** CPU share of one core used by `read()`'s processes over `seconds`, and their largest RSS at the end. */
export async function cpuOver(seconds: number, read: () => ProcSample[]): Promise<{ corePercent: number; rssBytes: number; command: string }> {
  const before = new Map(read().map((s) => [s.pid, s.ticks]));
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const after = read();
  let ticks = 0;
  for (const s of after) ticks += s.ticks - (before.get(s.pid) ?? 0);
  const largest = after.reduce<ProcSample | undefined>((a, s) => (!a || s.rssBytes > a.rssBytes ? s : a), undefined);
  return { corePercent: (ticks * TICK_MS) / (seconds * 10), rssBytes: largest?.rssBytes ?? 0, command: largest?.command ?? '' };
}

export const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
