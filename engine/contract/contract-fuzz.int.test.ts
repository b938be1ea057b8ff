import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import fc from 'fast-check';
import { getErrorShape, getTRPCErrorFromUnknown, TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { helperImage } from '../docker/archive-files.js';
import { EngineManager } from '../engine-manager.js';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { mutatedArbitrary, nastyValues, validArbitrary } from '../testing/zod-arbitrary.js';
import { BerthError, errorReasons, isBerthErrorShape } from './errors.js';
import { contractRouter } from './router.js';
import { CommandLog } from './command-log.js';
import type { ContractContext } from './trpc.js';

/**
 * The contract holds the door: every procedure, fed thousands of inputs generated from its own zod
 * schema and then broken (wrong types, missing and extra keys, huge and unusual text, path tricks,
 * odd numbers), through tRPC's server-side caller with the real context on the real engine. Every
 * refusal must reach the client as a structured `{ code, message, hint? }` with no stack, nothing may
 * hang or reject unhandled, and what the engine holds may change only by calls it accepted.
 */

const engineUrl = requireDockerHost();
const docker = new Docker({ socketPath: new URL(engineUrl).pathname });
const seed = Number(process.env.BERTH_FUZZ_SEED ?? 20261130);
/** Per procedure with an input: inputs its schema refuses (cheap), and inputs it accepts (real engine work). */
const refusedPerProcedure = 300;
const acceptedPerProcedure = 16;
/** A bound, not a speed target: creating and starting a container on this shared 2-core machine can take seconds. */
const callTimeoutMs = 10_000;
const keep = 'berth-fuzz-keep';

/**
 * Left out by design: these take no input (tRPC ignores whatever is sent), so every call is accepted
 * and would start, stop, restart or wipe an engine or the VM under the test. Their refusals are
 * covered by the procedures around them; their work by the engine-manager and VM tests.
 */
const lifecycle = new Set([
  'engines.native.start',
  'engines.native.stop',
  'engines.native.restart',
  'engines.native.reset',
  'engines.vm.start',
  'engines.vm.stop',
  'engines.vm.restart',
  'engines.vm.reset',
]);
/**
 * Called only with inputs its schema refuses: an accepted one would resize the VM's settings, or
 * save engines (and write docker contexts) into the person's settings and CLI configuration.
 */
const refusedOnly = new Set(['engines.vm.configure', 'engines.saved.add', 'engines.saved.update', 'engines.saved.remove']);
/**
 * Procedures that change or remove what they name: their inputs never name anything that exists
 * (no name, id or id prefix of an existing object), so a refusal is the only thing they can do here.
 */
const targetsOnlyAbsent = new Set([
  'engines.use',
  'containers.act',
  'containers.rename',
  'containers.remove',
  'containers.edit',
  'exec.open',
  'images.remove',
  'images.prune',
  'volumes.remove',
  'volumes.prune',
  'volumes.deleteFile',
  'networks.remove',
  'networks.connect',
  'networks.disconnect',
  'projects.act',
  'projects.remove',
  'registries.logout',
]);
/** Procedures that may reach a registry: their inputs name no IP address but loopback (no traffic leaves the machine). */
const reachesNetwork = new Set(['images.pull', 'images.push', 'images.build', 'registries.login', 'registries.logout', 'containers.run']);

interface Procedure {
  _def: { type: 'query' | 'mutation' | 'subscription'; inputs: z.ZodType[] };
}
const procedures = (contractRouter as unknown as { _def: { procedures: Record<string, Procedure> } })._def.procedures;

/** Makes valid inputs safe to run here (see each line); applied before mutation, so refusals stay near-valid. */
function adjust(path: string, input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const v = { ...(input as Record<string, unknown>) };
  if (path === 'containers.run') {
    // No host folder mounts and no command: a generated command must never run against a host path.
    v.command = [];
    v.mounts = ((v.mounts as { source: string }[] | undefined) ?? []).filter((m) => !m.source.startsWith('/'));
    // Loopback and engine-chosen ports only: nothing listens beyond this machine or on a fixed port.
    v.ports = ((v.ports as object[] | undefined) ?? []).map((p) => ({ ...p, hostIp: '127.0.0.1', hostPort: 0 }));
    v.network = '';
  }
  // A login the engine checks with a registry on this machine (a closed port): a generated name
  // ("bridge") goes to the DNS server beyond it, and one that resolves would be dialled. Each costs
  // dockerd 5 s per dropped DNS query, with its registry lock held, so `/info` waits too. The wait
  // on a registry that never answers is registries.int.test.ts's.
  if (path === 'registries.login') v.server = '127.0.0.1:1';
  // A folder that does not exist: a generated "/" or "/usr" would send the whole tree as build context.
  if (path === 'images.build') v.context = `/nonexistent-berth-fuzz/${String(v.context).slice(1, 40)}`;
  // Within a range no helper engine or host route uses; the first one is made, the rest overlap and are refused.
  if (path === 'networks.create' && v.subnet) v.subnet = '172.31.242.0/28';
  // An edit's form is valid only when its image, ports, env and mounts all parse, which a generated one
  // seldom does (0–1 in 48 for most seeds): a valid image no engine holds, and no lists. Its target is absent anyway.
  if (path === 'containers.edit' && v.form && typeof v.form === 'object') v.form = { ...v.form, image: 'berth-fuzz/absent:1', ports: [], env: [], mounts: [] };
  return v;
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => (out.push(k), strings(v, out)));
  return out;
}

const ipv4 = /(\d{1,3})\.\d{1,3}\.\d{1,3}\.\d{1,3}/;
const leavesMachine = (s: string) => s.includes('[') || ((m) => m !== null && m[1] !== '127' && !s.includes('0.0.0.0'))(s.match(ipv4));

interface Snapshot {
  containers: string[];
  images: string[];
  volumes: string[];
  networks: string[];
  logins: string;
}

async function snapshot(): Promise<Snapshot> {
  const [containers, images, volumes, networks] = await Promise.all([
    docker.listContainers({ all: true }),
    docker.listImages({ all: true }),
    docker.listVolumes(),
    docker.listNetworks(),
  ]);
  const config = await readFile(join(process.env.DOCKER_CONFIG ?? '', 'config.json'), 'utf8').catch(() => '{}');
  const logins = Object.keys((JSON.parse(config) as { auths?: object }).auths ?? {}).sort().join(',');
  return {
    containers: containers.map((c) => `${c.Id} ${c.Names.join(',')} ${c.State}`).sort(),
    // One entry per image and one per name, so a tag an accepted images.tag call adds to an existing
    // image is an addition (cleaned up alone), not a change of that image (whose other names cleanup
    // would remove), also when that image had no name (an id prefix the fuzz made up can name one).
    images: images.flatMap((i) => [i.Id, ...(i.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>').map((tag) => `${i.Id} ${tag}`)]).sort(),
    volumes: (volumes.Volumes ?? []).map((v) => v.Name).sort(),
    networks: networks.map((n) => `${n.Id} ${n.Name}`).sort(),
    logins,
  };
}

/**
 * What the added image entries of a snapshot stand for, one each: a name added (to a new image or
 * an existing one), or a new image with no name; Berth's helper image is not the fuzz's doing.
 */
function madeImages(added: string[]): string[] {
  const idOf = (entry: string) => entry.split(' ')[0]!;
  const helper = new Set(added.filter((i) => i.endsWith(` ${helperImage}`)).map(idOf));
  const mine = added.filter((i) => !helper.has(idOf(i)));
  const named = new Set(mine.filter((i) => i.includes(' ')).map(idOf));
  return mine.filter((i) => i.includes(' ') || !named.has(i));
}

/** Names and ids of everything on the engine (and the engines Berth knows), for the absent-target guard. */
function identifiers(s: Snapshot, engineIds: string[]): string[] {
  const out = [...engineIds];
  for (const line of [...s.containers, ...s.images, ...s.networks]) {
    const [id, names] = line.split(' ');
    out.push(id!.replace(/^sha256:/, ''), id!, ...(names ?? '').split(',').filter(Boolean).map((n) => n.replace(/^\//, '')));
    for (const n of (names ?? '').split(',')) out.push(n.split(':')[0]!);
  }
  return out.concat(s.volumes).filter(Boolean);
}

/**
 * Whether a string could name something on the engine: an existing name or id (or a prefix of
 * one), or any string of hex digits, which dockerd reads as an id prefix of objects that may appear
 * later (another test's, say).
 */
const touches = (ids: string[]) => (s: string) => {
  const t = s.replace(/^\//, '').replace(/^sha256:/, '');
  return t.length > 0 && (/^[0-9a-f]+$/.test(t) || ids.some((id) => id.startsWith(t) || t.startsWith(id)));
};

/**
 * Each procedure's inputs come from the run's seed and the procedure's own name (FNV-1a), not its
 * place in the router: a procedure added or moved does not change what every later one is fed, so a
 * failure found with one seed stays found. `draw` tells a procedure's samples (valid, broken) apart.
 */
function procedureSeed(path: string, draw: number): number {
  let hash = 0x811c9dc5;
  for (const char of `${path}#${draw}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return (seed ^ hash) | 0;
}

const sleep = (ms: number) => new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref());
const timeout = Symbol('timeout');
async function within<T>(ms: number, work: Promise<T>): Promise<T | typeof timeout> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof timeout>((r) => (timer = setTimeout(() => r(timeout), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

function summary(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 40)}…(${v.length})` : v));
    return (text ?? String(input)).slice(0, 300);
  } catch {
    return String(input);
  }
}

let manager: EngineManager;
let ctx: ContractContext;
let dataDir: string;
let before: Snapshot;
let engineIds: string[];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'berth-fuzz-'));
  manager = await EngineManager.start({ engineUrl, dataDir, runtimeDir: join(dataDir, 'run') });
  // With a command log, so the recording middleware (trpc.ts recordCommands) meets every input too.
  ctx = { engine: manager.api, engines: manager.engines, commandLog: new CommandLog() };
  await manager.waitUntilConnected(10_000);
  // Something of each kind to stay untouched, and for read-only calls to read.
  // Without Berth's helper image, so the fuzz's first volume calls race to make it (and must make one).
  await docker.getImage(helperImage).remove().catch(() => undefined);
  await docker.createVolume({ Name: keep }).catch(() => undefined);
  await docker.createNetwork({ Name: keep }).catch(() => undefined);
  await docker
    .createContainer({ name: keep, Image: fixtureImage, HostConfig: { Binds: [`${keep}:/data`] } })
    .catch(() => undefined);
  engineIds = (await ctx.engines.list()).map((c) => c.endpoint.id);
  before = await snapshot();
}, 30_000);

afterAll(async () => {
  await manager?.close();
  for (const c of await docker.listContainers({ all: true })) {
    if (c.Names.some((n) => n === `/${keep}`) || !before?.containers.some((l) => l.startsWith(c.Id))) await docker.getContainer(c.Id).remove({ force: true, v: true });
  }
  await docker.getNetwork(keep).remove().catch(() => undefined);
  await docker.getVolume(keep).remove().catch(() => undefined);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 30_000);

interface Tally {
  calls: number;
  /** Inputs the procedure's schema accepts: these reach the handler and the engine. */
  valid: number;
  accepted: number;
  refused: Record<string, number>;
}

describe('contract fuzz', () => {
  it('refuses a volume driver the engine lacks at once (dockerd looks for the plugin for ~15 s), and makes no volume', async () => {
    const caller = contractRouter.createCaller(ctx);
    const volumes = (await docker.listVolumes()).Volumes?.length ?? 0;
    const started = Date.now();
    const refusal = await caller.volumes.create({ name: 'berth-fuzz-driverless', driver: 'berth-no-such-driver' }).then(
      () => undefined,
      (e: TRPCError) => (e.cause as { toShape?: () => unknown }).toShape?.(),
    );
    expect(refusal).toMatchObject({ code: 'NOT_FOUND', reason: 'volumeDriverMissing', params: { driver: 'berth-no-such-driver', installed: 'local' } });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await docker.listVolumes()).Volumes?.length ?? 0).toBe(volumes);
  });

  it('makes Berth’s helper image once when several volume calls need it at once (two imports left a dangling image)', async () => {
    await docker.getImage(helperImage).remove().catch(() => undefined);
    const images = async () => (await docker.listImages({ all: true })).length;
    const count = await images();
    const caller = contractRouter.createCaller(ctx);
    await Promise.all(Array.from({ length: 4 }, () => caller.volumes.files({ volume: keep, path: '/' })));
    expect(await images()).toBe(count + 1);
    // Gone again, so the fuzz below races to make it too.
    await docker.getImage(helperImage).remove().catch(() => undefined);
  });

  it('answers disk usage asked for several times at once (dockerd scans one at a time)', async () => {
    const caller = contractRouter.createCaller(ctx);
    const answers = await Promise.allSettled(Array.from({ length: 6 }, () => caller.engine.diskUsage()));
    expect(answers.map((a) => (a.status === 'rejected' ? String(a.reason) : 'ok'))).toEqual(Array(6).fill('ok'));
  });

  it('refuses a name with a leading "/" or an empty part, where dockerd redirects and the host process used to crash', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    process.on('uncaughtException', onUnhandled);
    const caller = contractRouter.createCaller(ctx);
    const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (e: TRPCError) => (e.cause as { toShape?: () => unknown }).toShape?.());
    const stats = await caller.containers.stats({ id: `/${keep}` });
    await expect(stats[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'INVALID_INPUT', reason: 'nameNotSendable' });
    expect(await refusal(caller.containers.inspect({ id: `/${keep}` }))).toMatchObject({ code: 'INVALID_INPUT', reason: 'nameNotSendable', params: { name: `/${keep}` } });
    expect(await refusal(caller.images.detail({ reference: 'berth-fixture//busybox' }))).toMatchObject({ code: 'INVALID_INPUT', reason: 'nameNotSendable' });
    await new Promise((r) => setTimeout(r, 200));
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
    expect(unhandled.map(String)).toEqual([]);
  });

  it(`every procedure refuses bad input with a structured error, never hangs, and leaves the engine as it was`, { timeout: 120_000 }, async () => {
    const started = Date.now();
    const debug = process.env.BERTH_FUZZ_DEBUG ? (...a: unknown[]) => console.log(...a) : () => undefined;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => {
      if (!unhandled.length) debug('first unhandled:', reason instanceof Error ? reason.stack : reason, reason);
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    process.on('uncaughtException', onUnhandled);

    const failures: { path: string; input: string; problem: string }[] = [];
    const tallies: Record<string, Tally> = {};
    const created = { containers: 0, volumes: new Set<string>(), networks: 0, images: 0 };
    const ids = identifiers(before, engineIds);
    const touchesExisting = touches(ids);
    const existingSamples = [fc.constantFrom(keep, fixtureImage, 'berth-fixture/busybox', 'bridge')];
    const config = (contractRouter as unknown as { _def: { _config: Parameters<typeof getErrorShape>[0]['config'] } })._def._config;

    function refused(path: string, type: Procedure['_def']['type'], input: unknown, thrown: unknown, tally: Tally) {
      const error = thrown instanceof TRPCError ? thrown : getTRPCErrorFromUnknown(thrown);
      // What the client receives: the same shape the IPC and WebSocket adapters send.
      const shape = getErrorShape({ config, error, type, path, input, ctx }) as { message: string; data: Record<string, unknown> };
      const berth = shape.data.berth;
      const problem = (text: string) => failures.push({ path, input: summary(input), problem: text });
      const wire = JSON.stringify(shape);
      if ('stack' in shape.data || /\n\s+at /.test(wire)) problem('stack trace reaches the client');
      if (!isBerthErrorShape(berth)) return problem(`not a Berth error: ${wire.slice(0, 200)}`);
      tally.refused[berth.code] = (tally.refused[berth.code] ?? 0) + 1;
      if (berth.reason !== undefined && !(errorReasons as readonly string[]).includes(berth.reason)) problem(`reason "${berth.reason}" that no catalog words`);
      // A throw no handler meant: not a BerthError, so the person gets no code worth acting on.
      if (berth.code === 'INTERNAL' && !(error.cause instanceof BerthError)) problem(`unstructured ${error.cause?.constructor?.name ?? 'error'}: ${String(error.cause?.message ?? berth.message).slice(0, 160)}`);
      if (!berth.message.trim()) problem('empty message');
      if (wire.length > 4_000) problem(`error of ${wire.length} characters (echoes the input?)`);
    }

    async function call(path: string, type: Procedure['_def']['type'], input: unknown, tally: Tally) {
      tally.calls += 1;
      const controller = new AbortController();
      const caller = contractRouter.createCaller(ctx, { signal: controller.signal }) as unknown as Record<string, unknown>;
      const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
      try {
        const result = await within(callTimeoutMs, fn(input));
        if (result === timeout) return failures.push({ path, input: summary(input), problem: `no answer within ${callTimeoutMs} ms` });
        if (type !== 'subscription') {
          tally.accepted += 1;
          if (path === 'containers.run') {
            created.containers += 1;
            // docker run makes a named volume it is asked to mount.
            for (const m of (input as { mounts?: { source: string }[] }).mounts ?? []) created.volumes.add(m.source);
          }
          if (path === 'volumes.create') created.volumes.add((result as { name: string }).name);
          if (path === 'volumes.clone') created.volumes.add((input as { target: string }).target);
          if (path === 'networks.create') created.networks += 1;
          // A commit makes an image as a tag adds a name; a build's stream is cancelled before it could.
          if (path === 'images.tag' || path === 'containers.commit') created.images += 1;
          return;
        }
        // A stream: take what comes first (an event, its end or its error), then cancel it.
        const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
        const first = iterator.next().then(
          () => 'event' as const,
          (error: unknown) => ({ error }),
        );
        const early = await Promise.race([first, sleep(40)]);
        controller.abort();
        const settled = early === 'timeout' ? await within(callTimeoutMs, first) : early;
        if (settled === timeout) return failures.push({ path, input: summary(input), problem: 'stream did not end after cancel' });
        // An error before the cancel is the stream's answer; one after it is the cancel itself.
        if (typeof early === 'object') return refused(path, type, input, early.error, tally);
        if ((await within(callTimeoutMs, Promise.resolve(iterator.return?.()).catch(() => undefined))) === timeout) {
          return failures.push({ path, input: summary(input), problem: 'stream did not close after cancel' });
        }
        tally.accepted += 1;
      } catch (error) {
        // Refused by the engine after its create, as `docker run --network absent` is: the container
        // stays, created and not started, as docker's does (run.ts).
        if (path === 'containers.run' && procedures[path]!._def.inputs[0]?.safeParse(input).success) created.containers += 1;
        refused(path, type, input, error, tally);
      }
    }

    // The inputs, generated up front from one seed and each procedure's name, so a failure can be
    // replayed (BERTH_FUZZ_SEED, BERTH_FUZZ_ONLY) and stays put when procedures are added.
    const jobs: { path: string; type: Procedure['_def']['type']; input: unknown }[] = [];
    // BERTH_FUZZ_ONLY=regex replays only some procedures (the counts then fall short of the total).
    const only = process.env.BERTH_FUZZ_ONLY ? new RegExp(process.env.BERTH_FUZZ_ONLY) : undefined;
    for (const [path, procedure] of Object.entries(procedures)) {
      if (lifecycle.has(path) || (only && !only.test(path))) continue;
      const { type, inputs } = procedure._def;
      tallies[path] = { calls: 0, valid: 0, accepted: 0, refused: {} };
      const schema = inputs[0];
      let draw = 0;
      const sample = <T,>(arb: fc.Arbitrary<T>, n: number) => fc.sample(arb, { numRuns: n, seed: procedureSeed(path, draw++) });
      if (!schema) {
        // No input: whatever is sent is ignored; a few calls prove the door stays shut to it.
        for (const input of sample(fc.constantFrom(...nastyValues), 12)) jobs.push({ path, type, input });
        tallies[path].valid = 12;
        continue;
      }
      const extra = targetsOnlyAbsent.has(path) ? [] : existingSamples;
      const fix = (v: unknown) => adjust(path, v);
      const valid = refusedOnly.has(path) ? [] : sample(validArbitrary(schema, extra).map(fix), 48);
      const broken = sample(mutatedArbitrary(schema, extra, fix), refusedPerProcedure * 1.5);
      let accepted = 0;
      let refusedBySchema = 0;
      for (const input of [...valid, ...broken]) {
        if (targetsOnlyAbsent.has(path) && strings(input).some(path === 'engines.use' ? (s) => engineIds.includes(s) : touchesExisting)) continue;
        if (reachesNetwork.has(path) && strings(input).some(leavesMachine)) continue;
        // A tag or a commit onto an existing name (the fixture's own) would move that name to another
        // image (a commit as "berth-fixture/busybox:latest" did, and cleanup then took the fixture away).
        const named = (input as { target?: unknown; reference?: unknown } | null)?.[path === 'images.tag' ? 'target' : 'reference'];
        if ((path === 'images.tag' || path === 'containers.commit') && typeof named === 'string' && touchesExisting(named)) continue;
        // Inputs the schema accepts reach the engine and cost it real work: a few per procedure.
        if (schema.safeParse(input).success) {
          if (refusedOnly.has(path) || accepted >= acceptedPerProcedure) continue;
          accepted += 1;
          tallies[path].valid += 1;
        } else if (refusedBySchema++ >= refusedPerProcedure) continue;
        jobs.push({ path, type, input });
      }
    }

    debug(`generated ${jobs.length} inputs in ${Date.now() - started} ms`);
    // A few calls at a time, as a busy window would make them.
    const queue = [...jobs];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const t0 = Date.now();
          await call(job.path, job.type, job.input, tallies[job.path]!);
          if (Date.now() - t0 > 1000) debug(`slow ${Date.now() - t0} ms ${job.path} ${summary(job.input)}`);
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);

    // What the engine holds now: only what accepted calls made, nothing changed or gone. Integration
    // files run one at a time (npm run integration: --no-file-parallelism), so no other test moved it.
    const after = await snapshot();
    const added = (k: keyof Omit<Snapshot, 'logins'>) => after[k].filter((x) => !before[k].includes(x));
    const gone = (k: keyof Omit<Snapshot, 'logins'>) => before[k].filter((x) => !after[k].includes(x));
    debug('added', { containers: added('containers'), images: added('images'), volumes: added('volumes'), networks: added('networks') });
    const engineProblems = [
      ...(['containers', 'images', 'volumes', 'networks'] as const).flatMap((k) => gone(k).map((x) => `${k}: changed or gone: ${x}`)),
      ...added('volumes').filter((v) => !created.volumes.has(v)).map((v) => `volume made by a refused call: ${v}`),
      ...(added('containers').length > created.containers ? [`containers made by refused calls: ${added('containers').length - created.containers}`] : []),
      ...(madeImages(added('images')).length > created.images ? [`images made by refused calls: ${added('images').join('; ')}`] : []),
      ...(added('networks').length > created.networks ? [`networks made by refused calls: ${added('networks').join('; ')}`] : []),
      ...(after.logins !== before.logins ? ['saved registry logins changed'] : []),
    ];
    // Clean up what accepted calls made: containers first, as they hold volumes, networks and images.
    for (const c of added('containers')) await docker.getContainer(c.split(' ')[0]!).remove({ force: true, v: true }).catch(() => undefined);
    for (const v of added('volumes')) await docker.getVolume(v).remove().catch(() => undefined);
    for (const n of added('networks')) await docker.getNetwork(n.split(' ')[0]!).remove().catch(() => undefined);
    for (const tag of added('images').map((i) => i.split(' ')[1]).filter(Boolean)) await docker.getImage(tag!).remove().catch(() => undefined);
    // A commit without a reference makes an image with no name: by its id.
    for (const id of added('images').filter((i) => !i.includes(' '))) await docker.getImage(id).remove().catch(() => undefined);

    const seconds = (Date.now() - started) / 1000;
    const rows = Object.entries(tallies).map(([path, t]) => `${path.padEnd(28)} ${String(t.calls).padStart(5)} ${String(t.valid).padStart(5)} ${String(t.accepted).padStart(5)}  ${JSON.stringify(t.refused)}`);
    const total = Object.values(tallies).reduce((n, t) => n + t.calls, 0);
    console.log(`contract fuzz (seed ${seed}): procedure, calls, schema-valid, answered, refused by code\n${rows.join('\n')}\ntotal ${total} calls in ${seconds.toFixed(1)} s; left out by design: ${[...lifecycle].join(', ')}`);
    const grouped = new Map<string, string[]>();
    for (const f of failures) grouped.set(`${f.path}: ${f.problem.replace(/\d+/g, 'N').slice(0, 100)}`, [...(grouped.get(`${f.path}: ${f.problem.replace(/\d+/g, 'N').slice(0, 100)}`) ?? []), `${f.problem.slice(0, 200)} <- ${f.input}`]);
    const report = [...grouped].map(([k, v]) => `${k} (${v.length}×), e.g. ${v[0]}`);

    if (!only) expect(total).toBeGreaterThanOrEqual(10_000);
    // Each procedure with an input got inputs its schema accepts (else the fuzz only tested zod).
    for (const [path, procedure] of Object.entries(procedures)) {
      if (lifecycle.has(path) || refusedOnly.has(path) || !procedure._def.inputs[0] || !tallies[path]) continue;
      expect.soft(tallies[path].valid, `${path} got inputs its schema accepts`).toBeGreaterThan(0);
    }
    expect.soft(report, 'refusals').toEqual([]);
    expect.soft(unhandled.map(String), 'unhandled rejections').toEqual([]);
    expect.soft(engineProblems, 'engine state').toEqual([]);
  });
});
