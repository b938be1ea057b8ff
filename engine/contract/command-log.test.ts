import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CommandLog, commandOf, type CommandLogUpdate } from './command-log.js';
import { BerthError } from './errors.js';
import { validArbitrary } from '../testing/zod-arbitrary.js';
import { contractRouter } from './router.js';
import { procedure, router } from './trpc.js';

describe('commandOf: what each action equals, secrets masked', () => {
  it.each([
    ['containers.act', { action: 'stop', ids: ['abc'] }, 'docker stop web'],
    ['containers.remove', { ids: ['abc'], force: true, removeVolumes: true }, 'docker rm -f -v web'],
    ['containers.rename', { id: 'abc', name: 'api' }, 'docker rename web api'],
    ['images.pull', { reference: 'nginx:1.27' }, 'docker pull nginx:1.27'],
    ['volumes.remove', { names: ['data'] }, 'docker volume rm data'],
    ['networks.connect', { network: 'n', container: 'abc' }, 'docker network connect n web'],
    ['registries.logout', { server: '127.0.0.1:5000' }, 'docker logout 127.0.0.1:5000'],
  ])('%s %j → %s', (path, input, command) => {
    expect(commandOf(path, input, (id) => (id === 'abc' ? 'web' : id))).toBe(command);
  });

  it('masks secret env values, build args and never shows a registry password', () => {
    const run = commandOf('containers.run', { image: 'postgres', env: ['POSTGRES_PASSWORD=hunter2', 'API_TOKEN=t0k', 'MODE=dev'] });
    expect(run).not.toContain('hunter2');
    expect(run).toBe("docker run -d -e 'POSTGRES_PASSWORD=<hidden>' -e 'API_TOKEN=<hidden>' -e MODE=dev postgres");
    const build = commandOf('images.build', { context: '/src', dockerfile: 'Dockerfile', tag: 'app', buildArgs: { NPM_TOKEN: 'secret-npm', LEVEL: '2' } });
    expect(build).not.toContain('secret-npm');
    expect(build).toContain('LEVEL=2');
    const login = commandOf('registries.login', { server: '127.0.0.1:5000', username: 'berth', password: 'berth-secret' });
    expect(login).toBe('docker login -u berth 127.0.0.1:5000');
  });

  it('covers every mutation of the contract, or says why one has no docker command', () => {
    // Mutations with no single docker command: keystrokes, Berth's own engines and settings, the
    // edit (its steps are shown in its own dialog), and update checks (registry HEAD requests).
    const withoutCommand = /^(exec\.(input|resize|close)|engines\.|containers\.edit$|images\.checkUpdates$)/;
    const procedures = (contractRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string; inputs: z.ZodType[] } }> } })._def.procedures;
    /** An input the procedure's own schema accepts (as it would reach the log: parsed, defaults filled). */
    const validInput = (schema: z.ZodType | undefined) =>
      schema ? (fc.sample(validArbitrary(schema), { numRuns: 40, seed: 3 }).map((v) => schema.safeParse(v)).find((r) => r.success)?.data as Record<string, unknown>) : {};
    const uncovered = Object.entries(procedures)
      .filter(([path, p]) => p._def.type === 'mutation' && !withoutCommand.test(path))
      .filter(([path, p]) => commandOf(path, validInput(p._def.inputs[0]) ?? {}) === undefined)
      .map(([path]) => path);
    expect(uncovered).toEqual([]);
  });

  it('names commit and project actions as the CLI writes them', () => {
    expect(commandOf('containers.commit', { container: 'abc', reference: 'web:v2', message: '', author: '', pause: true, changes: ['CMD ["httpd"]'] }, () => 'web')).toBe(
      `docker commit -c 'CMD ["httpd"]' web web:v2`,
    );
    expect(commandOf('projects.act', { project: 'shop', action: 'stop' })).toBe('docker compose -p shop stop');
    expect(commandOf('projects.remove', { project: 'shop', volumes: ['shop_data'], networks: ['shop_default'] })).toBe('docker compose -p shop down -v');
  });

  it('records unlocking an SSH key as what a docker CLI user runs, ssh-add with the key file, and never the passphrase', () => {
    const command = commandOf('engines.unlockKey', { id: '0123456789ab', key: '/home/me/.ssh/id_ed25519', passphrase: 'correct horse' });
    expect(command).toBe('ssh-add /home/me/.ssh/id_ed25519');
  });

  it('names no command for reads and keystrokes', () => {
    for (const path of ['containers.list', 'exec.input', 'exec.resize', 'logs.follow', 'engines.use']) expect(commandOf(path, {})).toBeUndefined();
  });
});

describe('CommandLog', () => {
  it('keeps at most its capacity, newest last, and numbers entries for its whole life', () => {
    const log = new CommandLog(3);
    for (let i = 1; i <= 5; i++) log.record(i, `docker stop c${i}`, { ok: true });
    expect(log.entries().map((e) => [e.seq, e.command])).toEqual([
      [3, 'docker stop c3'],
      [4, 'docker stop c4'],
      [5, 'docker stop c5'],
    ]);
  });

  it('sends every kept entry, then each new one, until the watcher stops', async () => {
    const log = new CommandLog();
    log.record(1, 'docker stop a', { ok: true });
    const abort = new AbortController();
    const seen: CommandLogUpdate[] = [];
    const watching = (async () => {
      for await (const update of log.watch(abort.signal)) {
        seen.push(update);
        if (update.kind === 'all') log.record(2, 'docker rm a', { ok: false, error: { code: 'CONFLICT', message: 'x', reason: 'containerRunning' } });
        else abort.abort();
      }
    })();
    await watching;
    expect(seen).toEqual([
      { kind: 'all', entries: [{ seq: 1, at: 1, command: 'docker stop a', ok: true }] },
      { kind: 'added', entry: { seq: 2, at: 2, command: 'docker rm a', ok: false, error: { code: 'CONFLICT', message: 'x', reason: 'containerRunning' } } },
    ]);
  });
});

describe('recorded at the contract', () => {
  const engine = { containers: { list: async () => [{ id: 'abc123abc123ffff', name: 'web' }] }, connection: { forgetKept: () => undefined } };
  const testRouter = router({
    containers: router({
      list: procedure.query(() => []),
      act: procedure.input(z.object({ ids: z.array(z.string()), action: z.string() })).mutation(({ input }) => input.ids.map((id) => (id === 'gone' ? { id, ok: false, error: { code: 'NOT_FOUND', message: 'No such container', reason: 'engineNotFound' } } : { id, ok: true }))),
      run: procedure.input(z.object({ image: z.string(), env: z.array(z.string()) })).mutation(() => {
        throw new BerthError('CONFLICT', 'Port is taken', undefined, { reason: 'nameInUse', params: { name: 'web' } });
      }),
    }),
    images: router({
      pull: procedure.input(z.object({ reference: z.string() })).subscription(async function* () {
        yield { kind: 'progress' };
        throw new BerthError('ENGINE_ERROR', 'login needed', undefined, { reason: 'registryLoginRequired', params: { registry: 'r' } });
      }),
    }),
  });

  it('records a stream the person stops as cancelled', async () => {
    const commandLog = new CommandLog();
    const slowRouter = router({
      images: router({
        pull: procedure.input(z.object({ reference: z.string() })).subscription(async function* () {
          yield { kind: 'progress' };
          yield { kind: 'progress' };
        }),
      }),
    });
    const caller = slowRouter.createCaller({ engine, engines: {}, commandLog } as never);
    for await (const _ of await caller.images.pull({ reference: 'busybox' })) break;
    expect(commandLog.entries()).toEqual([expect.objectContaining({ command: 'docker pull busybox', ok: false, cancelled: true })]);
  });

  it('records mutations and streams that act (with names and outcomes), never queries', async () => {
    const commandLog = new CommandLog();
    const caller = testRouter.createCaller({ engine, engines: {}, commandLog } as never);
    await caller.containers.list();
    await caller.containers.act({ ids: ['abc123abc123ffff', 'gone'], action: 'stop' });
    await expect(caller.containers.run({ image: 'busybox', env: ['DB_PASSWORD=pw'] })).rejects.toThrow();
    const pulled = await caller.images.pull({ reference: 'r/app' });
    await expect(async () => {
      for await (const _ of pulled) void _;
    }).rejects.toThrow();
    expect(commandLog.entries().map(({ command, ok, error }) => ({ command, ok, reason: error?.reason }))).toEqual([
      { command: 'docker stop web gone', ok: false, reason: 'engineNotFound' },
      { command: "docker run -d -e 'DB_PASSWORD=<hidden>' busybox", ok: false, reason: 'nameInUse' },
      { command: 'docker pull r/app', ok: false, reason: 'registryLoginRequired' },
    ]);
  });

  it('records nothing for an input its schema refuses, and builds no command of it (a megabyte string as labels became a million --label words)', async () => {
    const commandLog = new CommandLog();
    const caller = contractRouter.createCaller({ engine, engines: {}, commandLog } as never);
    // The fuzz's input (seed 1): refused by the real volumes.create schema before any handler or engine is reached.
    await expect(caller.volumes.create({ driver: 'R-/_Gj/', driverOptions: {}, labels: 'A'.repeat(1_000_000) } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.containers.act({ action: 'stop', ids: 'A'.repeat(100_000) } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(commandLog.entries()).toEqual([]);
  });
});
