import { describe, expect, it } from 'vitest';
import { toDiskUsage } from './disk-usage.js';

describe('toDiskUsage', () => {
  it('counts and sizes each kind, and what a prune would free, like docker system df', () => {
    const usage = toDiskUsage({
      LayersSize: 1000,
      Images: [
        { Size: 600, SharedSize: 100, Containers: 1 },
        { Size: 400, SharedSize: 100, Containers: 0 },
      ],
      Containers: [
        { SizeRw: 10, State: 'running' },
        { SizeRw: 20, State: 'exited' },
      ],
      Volumes: [{ UsageData: { Size: 50, RefCount: 1 } }, { UsageData: { Size: 70, RefCount: 0 } }, { UsageData: { Size: -1, RefCount: 0 } }],
      BuildCache: null,
    });
    expect(usage).toEqual({
      images: { count: 2, size: 1000, reclaimable: 300 },
      containers: { count: 2, size: 30, reclaimable: 20 },
      volumes: { count: 3, size: 120, reclaimable: 70 },
      buildCache: { count: 0, size: 0, reclaimable: 0 },
    });
  });
});
