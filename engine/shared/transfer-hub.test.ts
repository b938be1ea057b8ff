import { describe, expect, it } from 'vitest';
import { BerthError } from '../contract/errors.js';
import type { TransferProgress } from '../contract/transfer.js';
import { TransferHub } from './transfer-hub.js';

const fast = { intervalMs: 5, keepMs: 1_000, waitMs: 50 };

async function collect(iterable: AsyncIterable<TransferProgress>): Promise<TransferProgress[]> {
  const seen: TransferProgress[] = [];
  for await (const p of iterable) seen.push(p);
  return seen;
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('TransferHub', () => {
  it('shows a watcher that came first the bytes as they move, then the end with the total', async () => {
    const hub = new TransferHub(fast);
    const watching = collect(hub.watch('transfer-1', undefined));
    await hub.track('transfer-1', async (progress) => {
      progress!.setTotal(300);
      for (let i = 0; i < 3; i++) {
        progress!.add(100);
        await tick(15);
      }
    });
    const seen = await watching;
    expect(seen.at(-1)).toEqual({ id: 'transfer-1', state: 'done', bytes: 300, total: 300 });
    const running = seen.filter((p) => p.state === 'running').map((p) => p.bytes);
    expect(running).toEqual(expect.arrayContaining([100, 200]));
  });

  it('tells a late watcher how it ended, and a failure keeps its message', async () => {
    const hub = new TransferHub(fast);
    await expect(
      hub.track(
        'transfer-2',
        async (progress) => {
          progress!.add(7);
          throw new BerthError('CONFLICT', 'Volume v already has files.');
        },
        10,
      ),
    ).rejects.toThrow('already has files');
    expect(await collect(hub.watch('transfer-2', undefined))).toEqual([
      { id: 'transfer-2', state: 'failed', bytes: 7, total: 10, error: { code: 'CONFLICT', message: 'Volume v already has files.' } },
    ]);
  });

  it('says so when a watched transfer never begins', async () => {
    const hub = new TransferHub(fast);
    const [only] = await collect(hub.watch('transfer-3', undefined));
    expect(only).toMatchObject({ state: 'failed', error: { code: 'NOT_FOUND' } });
  });

  it('never calls a transfer that began after its watcher "never started", however long it runs', async () => {
    const hub = new TransferHub(fast);
    const watching = collect(hub.watch('transfer-4', undefined));
    await tick(20);
    await hub.track('transfer-4', async (progress) => {
      progress!.add(1);
      await tick(fast.waitMs * 2);
      progress!.add(1);
    });
    const seen = await watching;
    expect(seen.filter((p) => p.state === 'failed')).toEqual([]);
    expect(seen.at(-1)).toEqual({ id: 'transfer-4', state: 'done', bytes: 2 });
  });

  it('runs untracked work without an id', async () => {
    expect(await new TransferHub(fast).track(undefined, async (progress) => progress)).toBeUndefined();
  });
});
