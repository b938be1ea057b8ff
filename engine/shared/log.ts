import { mkdir, open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';

/**
 * Berth's own log (issue 17): JSON lines written by pino into `<log folder>/berth.N.log`, rotated by
 * pino-roll at `maxFileBytes` with `keptFiles` older files (so at most ~10 MB on disk), and a
 * `current.log` link to the file being written.
 *
 * Nothing secret reaches the file: fields named like secrets (password, passphrase, auth, token, secret, env,
 * X-Registry-Auth, …) are replaced by `<hidden>` (pino's redact), and every text (messages, error
 * messages and stacks) is scrubbed of values registered with `hideSecret` (a login's password) and
 * of `password=…`/`"token": "…"`-shaped pairs. See CVE-2025-3911 for what happens otherwise.
 *
 * `logFor(area)` may be called anywhere, at any time: until `openLog` runs (after the web host or
 * window is up, so pino stays off the start path) lines wait in a bounded queue; in tests that never
 * open a log they are dropped once the queue is full.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface AreaLog {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A caught error Berth handles (a fallback, a best-effort clean-up): logged at debug with what was being done. */
  caught(doing: string, error: unknown): void;
  /** For `.catch(…)`: logs the error as `caught` does and answers `value` instead, as the catch did before. */
  fallback<T>(doing: string, value: T): (error: unknown) => T;
}

export interface LogOptions {
  /** The folder for berth.N.log (created 0700). */
  dir: string;
  /** Lowest level written (default info; BERTH_LOG_LEVEL). */
  level?: LogLevel;
  /** One file's size before rotating, in bytes (default 2 MiB). */
  maxFileBytes?: number;
  /** Older files kept beside the current one (default 4). */
  keptFiles?: number;
}

const hidden = '<hidden>';
/** Field names whose values never reach the file, at the top level and one level down. */
const secretKeys = ['password', 'passwd', 'passphrase', 'auth', 'authorization', 'token', 'identitytoken', 'registrytoken', 'secret', 'env', 'Env', 'registryAuth', 'x-registry-auth', 'buildArgs', 'cookie'];
const redactPaths = secretKeys.flatMap((key) => [`["${key}"]`, `*["${key}"]`]);
/** `password=…`, `token: …`, `"secret":"…"` in free text. */
const secretPairs = /((?:password|passwd|passphrase|pwd|secret|token|auth)["']?\s*[:=]\s*["']?)([^\s"',;}&]+)/gi;

const earlyLimit = 500;
let early: { level: LogLevel; area: string; message: string; fields?: Record<string, unknown> }[] = [];
let logger: Logger | undefined;
let logDir: string | undefined;
const secrets: string[] = [];
const secretLimit = 100;

/** Remembers a secret value (a password being tried), so no log text ever shows it. Values under 4 characters are too common to scrub. */
export function hideSecret(value: string | undefined): void {
  if (!value || value.length < 4 || secrets.includes(value)) return;
  secrets.push(value);
  if (secrets.length > secretLimit) secrets.shift();
}

/** Text with registered secrets and secret-shaped pairs replaced by `<hidden>`. */
export function scrub(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(hidden);
  return out.replace(secretPairs, `$1${hidden}`);
}

/** An error as log fields: type, message, code, reason and stack, scrubbed; no properties beyond those. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: scrub(String(error)).slice(0, 2000) };
  const e = error as Error & { code?: unknown; reason?: unknown; statusCode?: unknown };
  return {
    error: {
      type: e.name,
      message: scrub(e.message).slice(0, 2000),
      ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
      ...(typeof e.reason === 'string' ? { reason: e.reason } : {}),
      ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
      ...(e.stack ? { stack: scrub(e.stack).slice(0, 4000) } : {}),
    },
  };
}

function scrubFields(fields: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!fields) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = typeof value === 'string' ? scrub(value) : value instanceof Error ? errorFields(value).error : value;
  return out;
}

function write(level: LogLevel, area: string, message: string, fields?: Record<string, unknown>): void {
  if (!logger) {
    if (early.length < earlyLimit) early.push({ level, area, message, ...(fields ? { fields } : {}) });
    return;
  }
  logger[level]({ area, ...scrubFields(fields) }, scrub(message));
}

/** A logger for one area of Berth ("registries", "web-host", "vm"…). */
export function logFor(area: string): AreaLog {
  return {
    debug: (message, fields) => write('debug', area, message, fields),
    info: (message, fields) => write('info', area, message, fields),
    warn: (message, fields) => write('warn', area, message, fields),
    error: (message, fields) => write('error', area, message, fields),
    caught: (doing, error) => write('debug', area, doing, errorFields(error)),
    fallback: (doing, value) => (error) => {
      write('debug', area, doing, errorFields(error));
      return value;
    },
  };
}

/**
 * Starts writing the log file; lines logged before are written first. Loads pino and pino-roll on
 * first call (they cost tens of ms, kept off the start path). Throws when the folder cannot be made.
 */
export async function openLog(options: LogOptions): Promise<void> {
  if (logger) return;
  const [{ pino }, { default: roll }] = await Promise.all([import('pino'), import('pino-roll')]);
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const stream = await roll({
    file: join(options.dir, 'berth'),
    extension: '.log',
    size: `${Math.max(1, Math.round((options.maxFileBytes ?? 2 * 1024 * 1024) / 1024))}k`,
    limit: { count: options.keptFiles ?? 4 },
    symlink: true,
    mkdir: true,
    // Each line is written when logged (sonic-boom's sync mode): Berth logs little, and a line
    // written before a crash or a read of the tail is worth more than the batching.
    sync: true,
    mode: 0o600, // the person's own, like the folder
  });
  logger = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths, censor: hidden },
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
  logDir = options.dir;
  const waiting = early;
  early = [];
  for (const line of waiting) write(line.level, line.area, line.message, line.fields);
}

/** The level named by BERTH_LOG_LEVEL, or undefined when unset or not a level. */
export function levelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel | undefined {
  const value = env.BERTH_LOG_LEVEL;
  return value === 'debug' || value === 'info' || value === 'warn' || value === 'error' ? value : undefined;
}

/** Writes out what pino still buffers (before reading the file, or on quit). */
export function flushLog(): Promise<void> {
  const current = logger;
  if (!current) return Promise.resolve();
  return new Promise((resolve) => current.flush(() => resolve()));
}

/** The folder being written, once `openLog` ran. */
export function currentLogDir(): string | undefined {
  return logDir;
}

/** Most bytes read from the end of the log files for a tail: a few thousand lines at most. */
const tailBytes = 512 * 1024;

/**
 * The last `count` lines of Berth's log (newest last), as the file holds them (JSON, already
 * redacted), reading the current file and, when it holds too few, the one before. [] when no log is open.
 */
export async function readLogTail(count: number): Promise<string[]> {
  if (!logDir) return [];
  await flushLog();
  const files = (await readdir(logDir))
    .map((name) => ({ name, n: /^berth\.(\d+)\.log$/.exec(name)?.[1] }))
    .filter((f): f is { name: string; n: string } => f.n !== undefined)
    .sort((a, b) => Number(b.n) - Number(a.n));
  let lines: string[] = [];
  for (const file of files.slice(0, 2)) {
    const path = join(logDir, file.name);
    const size = (await stat(path)).size;
    const handle = await open(path, 'r');
    try {
      const length = Math.min(size, tailBytes);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      const text = buffer.toString('utf8');
      // A read that starts mid-file starts mid-line: drop that partial first line.
      const whole = (size > length ? text.slice(text.indexOf('\n') + 1) : text).split('\n').filter((l) => l.length > 0);
      lines = [...whole, ...lines];
    } finally {
      await handle.close();
    }
    if (lines.length >= count) break;
  }
  return lines.slice(-count);
}
