import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from './query-keys';
import { CatchUpWatch, catchUp, closedRefreshGapMs, refreshList, shownRefreshGapMs } from './list-refresh';

/**
 * `key` cached in `client`, fetched once by a query function that counts its calls and takes
 * `answerMs` to answer (on fake timers when a test uses them), with no view observing it.
 */
async function cached(client: QueryClient, key: readonly unknown[], answerMs = 0): Promise<() => number> {
  let calls = 0;
  const queryFn = () => {
    calls++;
    return answerMs ? new Promise<number>((done) => setTimeout(() => done(calls), answerMs)) : calls;
  };
  client.setQueryDefaults(key, { queryFn, gcTime: Infinity, staleTime: Infinity });
  client.setQueryData(key, 0);
  return () => calls;
}

/** Lets every promise and timer due settle (fake timers). */
async function settle(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('refreshList', () => {
  it('asks again for a warm list no view shows, but not for what hangs below it nor for other closed lists', async () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const volumes = await cached(client, queryKeys.resource('e1', 'volumes'));
    const sizes = await cached(client, [...queryKeys.resource('e1', 'volumes'), 'sizes']);
    const images = await cached(client, queryKeys.resource('e1', 'images'));
    const networks = await cached(client, queryKeys.resource('e1', 'networks'));

    refreshList(client, 'e1', 'volumes');
    refreshList(client, 'e1', 'images');
    refreshList(client, 'e1', 'networks');
    await settle(10);

    expect([volumes(), images()]).toEqual([1, 1]);
    // Stale, to be asked for when shown; not asked now.
    expect([sizes(), networks()]).toEqual([0, 0]);
    expect(client.getQueryState([...queryKeys.resource('e1', 'volumes'), 'sizes'])?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.resource('e1', 'networks'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.resource('e1', 'volumes'))?.isInvalidated).toBe(false);
  });

  // Storms on a closed list: notices `everyMs` apart while each list takes the engine `answerMs`.
  it.each([
    // An image prune: fetches overlap the notices; one in flight at any time, about 5 s / 600 ms, not 200.
    { resource: 'images' as const, notices: 200, everyMs: 25, answerMs: 100 },
    // 600 `docker volume create` from the CLI, 4 at a time: each list answered before the next notice;
    // measured through the web host, the closed Volumes list was asked for 165 times.
    { resource: 'volumes' as const, notices: 100, everyMs: 50, answerMs: 30 },
  ])('answers $notices notices $everyMs ms apart for a closed $resource list ($answerMs ms each) with one fetch per fetch + gap, and one after the last', async ({ resource, notices, everyMs, answerMs }) => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const fetches = await cached(client, queryKeys.resource('e1', resource), answerMs);
    for (let i = 0; i < notices; i++) {
      refreshList(client, 'e1', resource);
      await settle(everyMs);
    }
    const duringStorm = fetches();
    await settle(2000);
    expect(duringStorm).toBeLessThanOrEqual(Math.ceil((notices * everyMs) / (answerMs + closedRefreshGapMs)) + 1);
    // The last notice's change is fetched after it: the storm ends with a fetch that began after it.
    expect(fetches()).toBe(duringStorm + 1);
    expect(client.getQueryState(queryKeys.resource('e1', resource))?.fetchStatus).toBe('idle');
  });

  it('paces a shown warm list too (its volume sizes only marked stale, for the view to ask after each list): a storm of notices while the view is open asks at most once per gap', async () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const key = queryKeys.resource('e1', 'volumes');
    const volumes = await cached(client, key, 30);
    const sizes = await cached(client, [...key, 'sizes'], 30);
    const observers = [key, [...key, 'sizes']].map((queryKey) => new QueryObserver(client, { queryKey }));
    const unsubscribe = observers.map((observer) => observer.subscribe(() => undefined));
    // 600 `docker volume create` with the Volumes view open: the list was asked for 205 times and
    // the engine's system df (which walks every volume) 182 times.
    for (let i = 0; i < 100; i++) {
      refreshList(client, 'e1', 'volumes');
      await settle(50);
    }
    await settle(2000);
    const most = Math.ceil((100 * 50) / (30 + shownRefreshGapMs)) + 2;
    expect(volumes()).toBeLessThanOrEqual(most);
    expect(sizes()).toBeLessThanOrEqual(most);
    expect(volumes()).toBeGreaterThan(1);
    for (const stop of unsubscribe) stop();
  });

  it('fetches again after a fetch that was already out when the notice came (it may have missed the change)', async () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const key = queryKeys.resource('e1', 'images');
    const images = await cached(client, key, 100);
    // The Images view opening asks at once (refetchOnMount 'always'); a `docker build` lands meanwhile.
    void client.refetchQueries({ queryKey: key, exact: true });
    await settle(10);
    refreshList(client, 'e1', 'images');
    await settle(2000);
    expect(images()).toBe(2);
  });

  it('leaves a list whose refresh failed stale, so its view asks again when shown', async () => {
    vi.useFakeTimers();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const key = queryKeys.resource('e1', 'volumes');
    client.setQueryDefaults(key, { queryFn: () => Promise.reject(new Error('engine away')), gcTime: Infinity, staleTime: Infinity });
    client.setQueryData(key, []);
    refreshList(client, 'e1', 'volumes');
    await settle(10);
    expect(client.getQueryState(key)?.isInvalidated).toBe(true);
  });

  it('refreshes a shown warm list at once, as any shown list, and leaves its sizes for the view to ask after it', async () => {
    const client = new QueryClient();
    const key = queryKeys.resource('e1', 'volumes');
    const sizesKey = [...key, 'sizes'];
    const volumes = await cached(client, key);
    const sizes = await cached(client, sizesKey);
    const observers = [new QueryObserver(client, { queryKey: key }), new QueryObserver(client, { queryKey: sizesKey })];
    const unsubscribe = observers.map((o) => o.subscribe(() => undefined));
    refreshList(client, 'e1', 'volumes');
    await vi.waitFor(() => expect(volumes()).toBe(1));
    expect(sizes()).toBe(0);
    expect(client.getQueryState(sizesKey)?.isInvalidated).toBe(true);
    for (const u of unsubscribe) u();
  });
});

describe('catchUp', () => {
  it("asks for the engine's warm lists again and drops the lists kept warm for other engines", async () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const mine = await cached(client, queryKeys.resource('e1', 'volumes'));
    await cached(client, queryKeys.resource('e2', 'volumes'));
    await cached(client, queryKeys.resource('e2', 'containers'));
    catchUp(client, 'e1');
    await settle(10);
    expect(mine()).toBe(1);
    expect(client.getQueryData(queryKeys.resource('e2', 'volumes'))).toBeUndefined();
    // Not a warm list: left to react-query's own time limit.
    expect(client.getQueryData(queryKeys.resource('e2', 'containers'))).toBe(0);
    expect(client.getQueryState(queryKeys.resource('e1', 'volumes'))?.isInvalidated).toBe(false);
  });
});

describe('CatchUpWatch', () => {
  const status = (id: string, generation: number, state: 'connected' | 'connecting' = 'connected') => ({ state, generation, endpoint: { id } }) as Parameters<CatchUpWatch['needsCatchUp']>[0];

  it('asks for a catch-up on a reconnect, on another engine, and on coming back to one, but not on the first connection', () => {
    const watch = new CatchUpWatch();
    watch.started();
    expect(watch.needsCatchUp(status('a', 1))).toBe(false);
    expect(watch.needsCatchUp(status('a', 1))).toBe(false);
    expect(watch.needsCatchUp(status('a', 2, 'connecting'))).toBe(false);
    expect(watch.needsCatchUp(status('a', 2))).toBe(true);
    // Each engine switched to is a new connection, generation 1 again: A → B → A.
    expect(watch.needsCatchUp(status('b', 1))).toBe(true);
    expect(watch.needsCatchUp(status('a', 1))).toBe(true);
  });

  it('asks for one on the first connection when the page opened while the engine was away (a host key trusted, a key unlocked)', () => {
    const watch = new CatchUpWatch();
    watch.started();
    expect(watch.needsCatchUp({ ...status('a', 0), state: 'disconnected' })).toBe(false);
    expect(watch.needsCatchUp(status('a', 1))).toBe(true);
    expect(watch.needsCatchUp(status('a', 1))).toBe(false);
  });

  it("asks for one when the page's own link to Berth came back, even to the same connection", () => {
    const watch = new CatchUpWatch();
    watch.started();
    expect(watch.needsCatchUp(status('a', 1))).toBe(false);
    watch.started(); // the subscription started again: the link dropped
    expect(watch.needsCatchUp(status('a', 1))).toBe(true);
    expect(watch.needsCatchUp(status('a', 1))).toBe(false);
  });
});
