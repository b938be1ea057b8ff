import { describe, expect, it } from 'vitest';
import { toStatsSample } from './stats.js';

describe('toStatsSample', () => {
  it('computes CPU % and memory the way docker stats does (cgroup v1)', () => {
    const sample = toStatsSample({
      read: '2026-11-22T14:00:00Z',
      cpu_stats: { cpu_usage: { total_usage: 2_000_000_000 }, system_cpu_usage: 20_000_000_000, online_cpus: 2 },
      precpu_stats: { cpu_usage: { total_usage: 1_000_000_000 }, system_cpu_usage: 10_000_000_000 },
      memory_stats: { usage: 50_000_000, limit: 1_000_000_000, stats: { total_inactive_file: 10_000_000 } },
      networks: { eth0: { rx_bytes: 100, tx_bytes: 50 }, eth1: { rx_bytes: 1, tx_bytes: 2 } },
      blkio_stats: { io_service_bytes_recursive: [{ op: 'Read', value: 4096 }, { op: 'Write', value: 8192 }, { op: 'Total', value: 12288 }] },
    });
    expect(sample).toEqual({
      time: Date.parse('2026-11-22T14:00:00Z'),
      cpuPercent: 20,
      memoryBytes: 40_000_000,
      memoryLimitBytes: 1_000_000_000,
      networkRxBytes: 101,
      networkTxBytes: 52,
      blockReadBytes: 4096,
      blockWriteBytes: 8192,
    });
  });

  it('reads zero rather than nonsense from a first or stopped reading', () => {
    const sample = toStatsSample({ read: '0001-01-01T00:00:00Z', cpu_stats: {}, precpu_stats: {}, memory_stats: {}, blkio_stats: { io_service_bytes_recursive: null } }, 1234);
    expect(sample).toMatchObject({ time: 1234, cpuPercent: 0, memoryBytes: 0, networkRxBytes: 0 });
  });
});
