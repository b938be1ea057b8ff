import { initTRPC, TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { paced, type Outbox } from '../shared/outbox.js';
import { commandOf, namesContainers, type CommandLog } from './command-log.js';
import { errorFields, logFor } from '../shared/log.js';
import { BerthError, type BerthErrorShape } from './errors.js';
import { inputRefusal, issueProblem } from './input-problems.js';
import { keptLists, type EngineApi, type EnginesApi, type KeptListName } from './service.js';

/** What every contract handler receives: the engine it works on, and the engines it could switch to. */
export interface ContractContext {
  engine: EngineApi;
  engines: EnginesApi;
  /** The page's send buffer, where there is one to watch (the web host's WebSocket). */
  outbox?: Outbox;
  /** The session's command log, shared by every window (command-log.ts); absent in tests that do not watch it. */
  commandLog?: CommandLog;
}

const log = logFor('contract');

/**
 * What a contract procedure does to the lists the engine side keeps between asks
 * (engine/docker/kept-list.ts), which Berth's own changes forget (`freshListsAfterChanges`):
 * - `'all'`: it can change any of them (a compose run pulls images, makes containers and volumes);
 * - a list of names: only those (a pull, build or push changes images only, so the containers and
 *   volumes lists stay kept through a long pull);
 * - `'none'`: it changes nothing they show (a shell's keystrokes, a registry login, a saved engine).
 * Where a change sends an engine event the list is forgotten then too; declaring it still matters:
 * the acting page asks again as soon as the answer (or a stream's value) arrives, often before the
 * event, and some changes send none (an image built without a name, a never-started container
 * connected to a network).
 */
export type KeptListsEffect = 'all' | 'none' | readonly KeptListName[];

/** What each procedure declares with `.meta(…)`. */
export interface ContractMeta {
  /**
   * Its effect on the kept lists. Every mutation and subscription states one (trpc.test.ts walks the
   * contract and fails for any that does not); a query reads only and states none.
   */
  changesLists?: KeptListsEffect;
}

const t = initTRPC.context<ContractContext>().meta<ContractMeta>().create({
  isServer: true,
  // tRPC adds more to an error outside "production", which neither Electron's main process nor the
  // web host sets as NODE_ENV; the formatter below drops the stack in every mode anyway.
  isDev: false,
  /**
   * What a client receives for any failure. tRPC's default shape carries `data.stack` outside
   * production and a `message` that, for a refused input, is the whole zod report; both go. What
   * remains is tRPC's code and path, and the Berth error, whose message is also the top-level one.
   */
  errorFormatter({ shape, error, path }) {
    const berth = toBerthErrorShape(error);
    // The client gets no internals; whoever runs Berth sees them here and in Berth's log (never the input).
    if (berth.reason === 'unexpected') {
      console.error(`Berth: unexpected failure in ${path ?? 'a call'}: ${(error.cause ?? error).message}`);
      log.error('unexpected failure', { path, ...errorFields(error.cause ?? error) });
    } else {
      log.info('call refused', { path, code: berth.code, reason: berth.reason, message: berth.message });
    }
    const { stack: _stack, ...data } = shape.data as typeof shape.data & { stack?: string };
    return { ...shape, message: berth.message, data: { ...data, berth } };
  },
});

/** Every subscription yields at the page's pace where the page's send buffer can be watched. */
const pacedSubscriptions = t.middleware(async ({ ctx, type, signal, next }) => {
  const result = await next();
  if (type !== 'subscription' || !result.ok || !ctx.outbox) return result;
  return { ...result, data: paced(result.data as AsyncIterable<unknown>, ctx.outbox, signal) };
});

/** How long the log waits for container names before it shows ids instead. */
const namesWait = 2000;

/**
 * Container id → name for the log, asked of the engine at the same time as the action runs (so a
 * removed container's name is still known, and the action never waits on it).
 */
function containerNames(ctx: ContractContext): () => Promise<(id: string) => string> {
  const listed = ctx.engine.containers.list().catch(() => []);
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<[]>((resolve) => (timer = setTimeout(() => resolve([]), namesWait)));
    const containers = await Promise.race([listed, timeout]).finally(() => clearTimeout(timer));
    return (ref) => containers.find((c) => c.id === ref || c.name === ref || (ref.length >= 12 && c.id.startsWith(ref)))?.name ?? ref.slice(0, 12);
  };
}

/** Whether tRPC refused the call's input (its zod schema) before the procedure ran. */
function refusedInput(error: TRPCError): boolean {
  return (error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR') && !(error.cause instanceof BerthError);
}

/** The first failure of a batch answer (ActionOutcome[]), if any. */
function firstFailure(data: unknown): BerthErrorShape | undefined {
  if (!Array.isArray(data)) return undefined;
  return (data as { ok?: unknown; error?: BerthErrorShape }[]).find((o) => o?.ok === false && o.error)?.error;
}

function shapeOf(error: unknown): BerthErrorShape {
  if (error instanceof BerthError) return toBerthErrorShape(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error }));
  if (error instanceof TRPCError) return toBerthErrorShape(error);
  return toBerthErrorShape(new TRPCError({ code: 'INTERNAL_SERVER_ERROR' }));
}

/**
 * Records what Berth did on the engine in the session's command log: every mutation and every
 * pull, push and build that has a docker equivalent (command-log.ts#commandOf), with how it ended.
 * Queries and streams that only read are not recorded, nor a call whose input its schema refused:
 * nothing ran on the engine. The command is made from the raw input (middleware runs before the
 * procedure's own parsing), but only once the schema has accepted it: a builder fed an input of
 * the wrong shape did real work on it first (a megabyte string as `labels` became a million
 * `--label` words, ~2.7 s with the whole process blocked). An input no builder can read is simply
 * not recorded.
 */
const recordCommands = t.middleware(async ({ ctx, type, path, getRawInput, next, signal }) => {
  const log = ctx.commandLog;
  if (type === 'query' || !log) return next();
  const at = Date.now();
  const names = namesContainers.has(path) ? containerNames(ctx) : undefined;
  const result = await next();
  if (!result.ok && refusedInput(result.error)) return result;
  const raw = await getRawInput().catch(() => undefined);
  const input = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const command = (name?: (id: string) => string, data?: unknown) => {
    try {
      return commandOf(path, input, name, data);
    } catch {
      return undefined; // an input no builder can read
    }
  };
  if (command() === undefined) return result;
  const line = async (data?: unknown) => command(names && (await names()), data) ?? '';
  if (type === 'mutation') {
    const failure = result.ok ? firstFailure(result.data) : toBerthErrorShape(result.error);
    log.record(at, await line(result.ok ? result.data : undefined), failure ? { ok: false, error: failure } : { ok: true });
    return result;
  }
  if (!result.ok) {
    log.record(at, await line(), { ok: false, error: toBerthErrorShape(result.error) });
    return result;
  }
  // A pull, push or build: recorded when its stream ends, or as cancelled when the person stops it.
  const stream = result.data as AsyncIterable<unknown>;
  const kept = log;
  async function* recorded() {
    let ended = false;
    try {
      yield* stream;
      ended = true;
      kept.record(at, await line(), { ok: true });
    } catch (e) {
      ended = !signal?.aborted;
      if (ended) kept.record(at, await line(), { ok: false, error: shapeOf(e) });
      throw e;
    } finally {
      // The person stopped it (Cancel, or closed the page) before it ended.
      if (!ended) kept.record(at, await line(), { ok: false, cancelled: true });
    }
  }
  return { ...result, data: recorded() };
});

/**
 * After a mutation that changes kept lists (its `changesLists`), they are forgotten before the answer
 * leaves (the next ask goes to the engine), so the page's refetch that follows sees what Berth just
 * did even where the engine sent no event (or has not sent it yet). A subscription that changes them
 * forgets them before each value leaves (a page acts on what it sends before it ends: the Build
 * dialog asks for the images list on `done`) and again at its end. A procedure that declares nothing
 * is taken to change every list: a list forgotten for nothing costs one wait on the engine, one kept
 * too long shows rows the engine no longer has.
 */
const freshListsAfterChanges = t.middleware(async ({ ctx, type, meta, next }) => {
  const lists = listsChangedBy(meta);
  if (type === 'query' || !lists.length) return next();
  const result = await next();
  if (type === 'mutation') {
    forgetKept(ctx, lists);
    return result;
  }
  if (!result.ok) return result;
  return { ...result, data: forgettingAsItGoes(result.data as AsyncIterable<unknown>, () => forgetKept(ctx, lists)) };
});

function listsChangedBy(meta: ContractMeta | undefined): readonly KeptListName[] {
  const effect = meta?.changesLists ?? 'all';
  return effect === 'all' ? keptLists : effect === 'none' ? [] : effect;
}

function forgetKept(ctx: ContractContext, lists: readonly KeptListName[]): void {
  try {
    ctx.engine.connection.forgetKept(lists);
  } catch (error) {
    log.caught('forgetting the kept lists after a change', error); // the change itself is done: its answer stands
  }
}

async function* forgettingAsItGoes<T>(stream: AsyncIterable<T>, forget: () => void): AsyncGenerator<T> {
  try {
    for await (const value of stream) {
      forget();
      yield value;
    }
  } finally {
    forget();
  }
}

export const router = t.router;
export const procedure = t.procedure.use(pacedSubscriptions).use(recordCommands).use(freshListsAfterChanges);

/** Longest message or hint sent: a refused value may be quoted in it, and a value can be megabytes. */
const maxTextLength = 500;
const bounded = (text: string) => (text.length > maxTextLength ? `${text.slice(0, maxTextLength - 1)}…` : text);
/** Most names a list param carries (unknown keys of a refused object can be any number). */
const maxListLength = 20;

/**
 * A tRPC failure as the structured error the renderer words: the BerthError a handler threw, the
 * first problem zod found with the input (reason `inputProblem`, params `{ problem, field, ...}`
 * naming its words `problems.<problem>`, input-problems.ts), or (for anything a handler did not mean to throw) a
 * generic INTERNAL error that names no internals. Texts are bounded in length.
 */
export function toBerthErrorShape(error: TRPCError): BerthErrorShape {
  const shape = unbounded(error);
  const out: BerthErrorShape = { ...shape, message: bounded(shape.message) };
  if (shape.hint !== undefined) out.hint = bounded(shape.hint);
  if (shape.params) out.params = Object.fromEntries(Object.entries(shape.params).map(([k, v]) => [k, typeof v === 'string' ? bounded(v) : Array.isArray(v) ? v.slice(0, maxListLength).map(bounded) : v]));
  return out;
}

function unbounded(error: TRPCError): BerthErrorShape {
  const cause = error.cause;
  if (cause instanceof BerthError) return cause.toShape();
  if (error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR') {
    const issues = (cause as { issues?: unknown } | undefined)?.issues;
    const first = Array.isArray(issues) ? (issues[0] as z.core.$ZodIssue | undefined) : undefined;
    if (first && typeof first.code === 'string' && Array.isArray(first.path)) {
      // The renderer words `problems.<problem>` from the params; `field` ("ports.0") lets a form mark it.
      return inputRefusal(issueProblem(first));
    }
    return { code: 'INVALID_INPUT', message: error.message };
  }
  // A throw no handler meant: its text is an internal detail (a file path, a TypeError), so the
  // client gets neither it nor the stack, only what happened in words it can show.
  return {
    code: 'INTERNAL',
    message: 'Something went wrong inside Berth.',
    hint: 'Try again; if it keeps happening, the engine log may say more.',
    reason: 'unexpected',
  };
}
