import { getErrorShape, TRPCError } from '@trpc/server';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { BerthError } from './errors.js';
import { keptLists } from './service.js';
import { procedure, router, type ContractMeta } from './trpc.js';
import { contractRouter } from './router.js';

const testRouter = router({
  crashes: procedure.query(() => {
    throw new TypeError("Cannot read properties of undefined (reading 'Id') at /home/me/berth/engine/docker/x.ts:12");
  }),
  checks: procedure.input(z.object({ name: z.string().regex(/^[a-z]+$/, 'A name uses letters a to z.') })).query(() => 'ok'),
  refuses: procedure.query(() => {
    throw new BerthError('NOT_FOUND', 'No volume driver "x" is installed on this engine.', 'Install the plugin.', {
      reason: 'volumeDriverMissing',
      params: { driver: 'x', installed: 'local' },
    });
  }),
});

const config = (testRouter as unknown as { _def: { _config: Parameters<typeof getErrorShape>[0]['config'] } })._def._config;

/** What a client receives for a call, as the IPC and WebSocket adapters make it, in dev or production mode. */
async function received(call: (c: ReturnType<typeof testRouter.createCaller>) => Promise<unknown>, isDev: boolean) {
  try {
    await call(testRouter.createCaller({} as never));
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return getErrorShape({ config: { ...config, isDev }, error: error as TRPCError, type: 'query', path: 'x', input: undefined, ctx: undefined }) as {
      message: string;
      data: Record<string, unknown>;
    };
  }
  throw new Error('the call did not fail');
}

describe('errors as the client receives them', () => {
  for (const isDev of [true, false]) {
    it(`carry no stack trace ${isDev ? 'in development' : 'in production'}: a thrown Error, a zod refusal, a BerthError`, async () => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const crash = await received((c) => c.crashes(), isDev);
      const zod = await received((c) => c.checks({ name: 'Not OK' }), isDev);
      const refusal = await received((c) => c.refuses(), isDev);
      for (const shape of [crash, zod, refusal]) {
        expect(shape.data).not.toHaveProperty('stack');
        expect(JSON.stringify(shape)).not.toMatch(/\n\s+at |\.ts:\d+/);
      }
      // The thrown Error's own text names internals: the client gets a plain INTERNAL instead.
      expect(crash.data.berth).toEqual({ code: 'INTERNAL', message: 'Something went wrong inside Berth.', hint: expect.any(String), reason: 'unexpected' });
      expect(crash.message).toBe('Something went wrong inside Berth.');
      // A schema's own English stays the message; the renderer words the kind of problem (input-problems.ts).
      expect(zod.data.berth).toEqual({ code: 'INVALID_INPUT', message: 'A name uses letters a to z.', reason: 'inputProblem', params: { problem: 'input.badFormat', field: 'name' } });
      expect(zod.message).toBe('A name uses letters a to z.');
      expect(refusal.data.berth).toEqual({
        code: 'NOT_FOUND',
        message: 'No volume driver "x" is installed on this engine.',
        hint: 'Install the plugin.',
        reason: 'volumeDriverMissing',
        params: { driver: 'x', installed: 'local' },
      });
    });
  }

  it('bounds a message that quotes a huge refused value', async () => {
    const quoting = router({ q: procedure.input(z.string().refine(() => false, { error: (i) => `"${String(i.input)}" is not a name.` })).query(() => 'ok') });
    try {
      await quoting.createCaller({} as never).q('A'.repeat(1_000_000));
      expect.unreachable();
    } catch (error) {
      const shape = getErrorShape({ config, error: error as TRPCError, type: 'query', path: 'q', input: undefined, ctx: undefined });
      expect(JSON.stringify(shape).length).toBeLessThan(2_000);
    }
  });
});

describe('the engine lists kept between asks', () => {
  it('are forgotten when a mutation ends, well or not, before its answer leaves; a query leaves them', async () => {
    const forgets: string[] = [];
    const calls = router({
      reads: procedure.query(() => 'read'),
      acts: procedure.mutation(() => (forgets.push('before the answer'), 'done')),
      fails: procedure.mutation(() => {
        throw new BerthError('CONFLICT', 'no');
      }),
    }).createCaller({ engine: { connection: { forgetKept: () => forgets.push('forgotten') } } } as never);
    await calls.reads();
    expect(forgets).toEqual([]);
    await calls.acts();
    expect(forgets).toEqual(['before the answer', 'forgotten']);
    await expect(calls.fails()).rejects.toThrow('no');
    expect(forgets).toEqual(['before the answer', 'forgotten', 'forgotten']);
  });

  it("are left by a shell's keystrokes and by the update check every page load makes, which change nothing they show", async () => {
    const forgets: string[] = [];
    const calls = router({
      exec: router({ input: procedure.meta({ changesLists: 'none' }).mutation(() => 'typed') }),
      images: router({ checkUpdates: procedure.meta({ changesLists: 'none' }).mutation(() => 'checked') }),
    }).createCaller({ engine: { connection: { forgetKept: () => forgets.push('forgotten') } } } as never);
    await calls.exec.input();
    await calls.images.checkUpdates();
    expect(forgets).toEqual([]);
  });

  it('are forgotten before each value of a stream that changes the engine leaves, and at its end; a reading stream leaves them', async () => {
    const forgets: string[] = [];
    const calls = router({
      images: router({
        build: procedure.meta({ changesLists: ['images'] }).subscription(async function* () {
          yield 'step';
          forgets.push('made');
          yield 'done';
        }),
      }),
      logs: router({ follow: procedure.meta({ changesLists: 'none' }).subscription(async function* () { yield 'line'; }) }),
    }).createCaller({ engine: { connection: { forgetKept: (lists: string[]) => forgets.push(`forgotten ${lists.join(',')}`) } } } as never);
    for await (const _line of await calls.logs.follow()) forgets.push('read');
    expect(forgets).toEqual(['read']);
    forgets.length = 0;
    // A build changes images only: the containers and volumes lists stay kept through it.
    for await (const value of await calls.images.build()) forgets.push(`sent ${value}`);
    expect(forgets).toEqual(['forgotten images', 'sent step', 'made', 'forgotten images', 'sent done', 'forgotten images']);
  });

  it('are forgotten after a mutation that declares nothing, all of them: a list forgotten for nothing costs a wait, one kept too long is wrong', async () => {
    const forgets: string[] = [];
    const calls = router({ acts: procedure.mutation(() => 'done') }).createCaller({
      engine: { connection: { forgetKept: (lists: string[]) => forgets.push(lists.join(',')) } },
    } as never);
    await calls.acts();
    expect(forgets).toEqual(['containers,images,volumes']);
  });

  it('are named, by every mutation and subscription of the contract, in what it changes of them', () => {
    const procedures = (contractRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string; meta?: ContractMeta } }> } })._def.procedures;
    const undeclared = Object.entries(procedures)
      .filter(([, p]) => p._def.type !== 'query' && p._def.meta?.changesLists === undefined)
      .map(([path]) => path);
    expect(undeclared).toEqual([]);
    for (const [path, p] of Object.entries(procedures)) {
      const effect = p._def.meta?.changesLists;
      if (typeof effect === 'object') expect(effect.length && effect.every((list) => keptLists.includes(list)), path).toBe(true);
    }
  });

  it('are left by changes to what no kept list shows: a file deleted inside a volume, a network made, a saved engine, a VM setting, a swarm service scaled', async () => {
    const forgets: string[] = [];
    // Whatever the handlers call answers at once: this is about the lists, not the work.
    const anything: object = new Proxy(() => undefined, { get: () => anything, apply: async () => undefined });
    const calls = contractRouter.createCaller({
      engine: new Proxy({}, { get: (_, area) => (area === 'connection' ? { forgetKept: (lists: string[]) => forgets.push(lists.join(',')) } : anything) }),
      engines: anything,
    } as never);
    await calls.volumes.deleteFile({ volume: 'data', path: '/old.log' });
    await calls.networks.create({ name: 'backend' });
    await calls.engines.saved.remove({ name: 'staging' });
    await calls.engines.vm.configure({ cpus: 2, memoryMiB: 2048, diskGiB: 20 });
    await calls.swarm.scale({ service: 'web', replicas: 3 });
    expect(forgets).toEqual([]);
    // Against one that does change them: containers only, for a start.
    await calls.containers.act({ ids: ['web'], action: 'start' });
    expect(forgets).toEqual(['containers']);
  });
});
