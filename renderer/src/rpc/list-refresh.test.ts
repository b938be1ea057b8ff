import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from './query-keys';
import { refreshList } from './list-refresh';

/** A query client holding `key` fetched once by a counting query function, with no view observing it. */
async function cached(client: QueryClient, key: readonly unknown[]): Promise<() => number> {
  let calls = 0;
  await client.prefetchQuery({ queryKey: key, queryFn: () => ++calls, gcTime: Infinity, staleTime: Infinity });
  return () => calls;
}

describe('refreshList', () => {
  it('asks again for a warm list no view shows, but not for what hangs below it nor for other closed lists', async () => {
    const client = new QueryClient();
    const volumes = await cached(client, queryKeys.resource('e1', 'volumes'));
    const sizes = await cached(client, [...queryKeys.resource('e1', 'volumes'), 'sizes']);
    const images = await cached(client, queryKeys.resource('e1', 'images'));
    const networks = await cached(client, queryKeys.resource('e1', 'networks'));

    refreshList(client, 'e1', 'volumes');
    refreshList(client, 'e1', 'images');
    refreshList(client, 'e1', 'networks');
    await new Promise<void>((done) => setTimeout(done, 0));
    await Promise.all(client.getQueryCache().getAll().map((q) => q.promise));

    expect([volumes(), images()]).toEqual([2, 2]);
    // Stale, to be asked for when shown; not asked now.
    expect([sizes(), networks()]).toEqual([1, 1]);
    expect(client.getQueryState([...queryKeys.resource('e1', 'volumes'), 'sizes'])?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.resource('e1', 'networks'))?.isInvalidated).toBe(true);
  });

  it("leaves another engine's lists alone", async () => {
    const client = new QueryClient();
    const other = await cached(client, queryKeys.resource('e2', 'volumes'));
    refreshList(client, 'e1', 'volumes');
    await new Promise<void>((done) => setTimeout(done, 0));
    expect(other()).toBe(1);
    expect(client.getQueryState(queryKeys.resource('e2', 'volumes'))?.isInvalidated).toBe(false);
  });
});
