import type Docker from 'dockerode';
import type { StatsSample } from '../contract/types.js';
import { engineCall } from './bulk.js';
import { JsonLineParser } from './json-lines.js';
import { fromDockerError } from './errors.js';

/** The parts of the engine's stats document Berth reads (cgroup v1 and v2 both). */
export interface RawStats {
  read?: string;
  cpu_stats?: { cpu_usage?: { total_usage?: number; percpu_usage?: number[] }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number };
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op?: string; value?: number }[] | null };
}

/**
 * One reading as `docker stats` computes it: CPU % from the usage delta over the system delta times
 * the CPUs; memory without the page cache the kernel can drop (inactive_file), like the CLI.
 */
export function toStatsSample(raw: RawStats, now = Date.now()): StatsSample {
  const cpu = raw.cpu_stats ?? {};
  const pre = raw.precpu_stats ?? {};
  const cpuDelta = (cpu.cpu_usage?.total_usage ?? 0) - (pre.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cpu.system_cpu_usage ?? 0) - (pre.system_cpu_usage ?? 0);
  const cpus = cpu.online_cpus || cpu.cpu_usage?.percpu_usage?.length || 1;
  const memory = raw.memory_stats ?? {};
  const cache = memory.stats?.total_inactive_file ?? memory.stats?.inactive_file ?? 0;
  const io = raw.blkio_stats?.io_service_bytes_recursive ?? [];
  const sumIo = (op: string) => io.filter((e) => e.op?.toLowerCase() === op).reduce((n, e) => n + (e.value ?? 0), 0);
  const networks = Object.values(raw.networks ?? {});
  return {
    time: raw.read && !raw.read.startsWith('0001') ? Date.parse(raw.read) : now,
    cpuPercent: cpuDelta > 0 && systemDelta > 0 ? (cpuDelta / systemDelta) * cpus * 100 : 0,
    memoryBytes: Math.max(0, (memory.usage ?? 0) - cache),
    memoryLimitBytes: memory.limit ?? 0,
    networkRxBytes: networks.reduce((n, i) => n + (i.rx_bytes ?? 0), 0),
    networkTxBytes: networks.reduce((n, i) => n + (i.tx_bytes ?? 0), 0),
    blockReadBytes: sumIo('read'),
    blockWriteBytes: sumIo('write'),
  };
}

/** Live stats of one container; the engine stream lives exactly as long as the subscription (read with `for await`, so a slow page holds the engine back). */
export async function* streamContainerStats(docker: Docker, id: string, signal: AbortSignal | undefined): AsyncGenerator<StatsSample> {
  const stream = (await engineCall(
    docker.getContainer(id).stats({ stream: true, ...(signal ? { abortSignal: signal } : {}) }),
    `Container ${id}`,
  )) as unknown as NodeJS.ReadableStream & AsyncIterable<Buffer> & { destroy(): void };
  const parser = new JsonLineParser<RawStats>();
  try {
    for await (const chunk of stream) for (const raw of parser.push(chunk)) yield toStatsSample(raw);
  } catch (error) {
    // A cut mid-stream (the engine went away: ECONNRESET) is said as the engine being away, not as a refusal.
    if (!signal?.aborted) throw fromDockerError(error);
  } finally {
    stream.destroy();
  }
}
