import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { BerthError } from '../contract/errors.js';
import type { CliEngineVars } from './cli-engine.js';
import { AsyncQueue } from '../shared/async-queue.js';
import { composeInstallCommand } from './tool.js';

export interface ComposeRunOptions {
  /** The environment Compose runs in: the engine's address in DOCKER_HOST (see composeEnv). */
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** The folder Compose starts in (the project's): where relative paths Compose meets are read from. */
  cwd?: string;
  /** How long a cancelled Compose gets to stop after SIGTERM before SIGKILL, in ms. */
  killGraceMs?: number;
}

/** Lines of Compose's own output kept for the error when it fails. */
const tailLines = 20;
/** Longest line kept for that error: a line can be anything Compose prints. */
const tailLineChars = 500;
// eslint-disable-next-line no-control-regex -- removing terminal escapes is the point
const ansiEscape = /\u001b\[[0-9;?]*[A-Za-z]/g;

/**
 * The environment Compose runs with: Berth's own, with the engine variables of `engine` (DOCKER_HOST
 * set to the engine Berth is connected to, and its TLS variables set or removed; see
 * cli-engine.ts#leaseCliEngine; a bare URL means DOCKER_HOST alone) and DOCKER_CONTEXT dropped (the
 * CLI refuses both at once). DOCKER_CONFIG passes through.
 * Berth's own variables (BERTH_TOKEN, the web host's login token, among them) and Electron's are
 * dropped: Compose fills `${VAR}` in a compose file from this environment, so a file from a cloned
 * repository could otherwise copy them into a container.
 */
export function composeEnv(engine: string | CliEngineVars, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const vars: CliEngineVars = typeof engine === 'string' ? { DOCKER_HOST: engine } : engine;
  const kept = Object.entries(base).filter(([key]) => key !== 'DOCKER_CONTEXT' && !/^(BERTH_|ELECTRON_)/.test(key) && !(key in vars));
  const set = Object.entries(vars).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { ...Object.fromEntries(kept), ...Object.fromEntries(set) };
}

/** Keeps the last lines of a text stream, each bounded, for quoting in an error. */
class Tail {
  private lines: string[] = [];
  private partial = '';
  push(text: string): void {
    const parts = (this.partial + text).split(/\r?\n|\r/);
    this.partial = (parts.pop() ?? '').slice(-tailLineChars);
    for (const line of parts) if (line.trim()) this.lines.push(line.slice(0, tailLineChars));
    if (this.lines.length > tailLines) this.lines = this.lines.slice(-tailLines);
  }
  text(): string {
    return [...this.lines, ...(this.partial.trim() ? [this.partial] : [])].slice(-tailLines).join('\n');
  }
}

/**
 * Runs Compose with an argument array (never a shell) and yields its output as it comes: stdout and
 * stderr together (Compose writes its progress to stderr), terminal escapes removed. Ends when
 * Compose exits 0; otherwise throws `composeFailed` quoting Compose's last lines. A slow reader
 * pauses Compose's pipes (bounded queue); aborting `signal` stops Compose (SIGTERM, then SIGKILL).
 * @throws BerthError composeMissing when the program cannot be started.
 */
export async function* runCompose(argv: readonly string[], options: ComposeRunOptions): AsyncGenerator<string> {
  const [file, ...args] = argv;
  const child = spawn(file!, args, { env: options.env, ...(options.cwd ? { cwd: options.cwd } : {}), stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  const pipes = [child.stdout, child.stderr];
  const queue = new AsyncQueue<string>(64, (paused) => pipes.forEach((p) => (paused ? p.pause() : p.resume())));
  const tail = new Tail();
  for (const pipe of pipes) {
    const decoder = new StringDecoder('utf8');
    pipe.on('data', (chunk: Buffer) => {
      const text = decoder.write(chunk).replace(ansiEscape, '');
      if (!text) return;
      tail.push(text);
      queue.push(text);
    });
  }
  let exited = false;
  const exit = new Promise<number | null>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      exited = true;
      queue.fail(
        error.code === 'ENOENT'
          ? new BerthError('NOT_FOUND', `${file} was not found.`, 'Install Docker Compose.', { reason: 'composeMissing', params: { program: file!, installCommand: composeInstallCommand() } })
          : error,
      );
      resolve(null);
    });
    // 'close' comes after both pipes ended, so every line is in the queue before the end.
    child.on('close', (code) => {
      exited = true;
      resolve(code);
      queue.end();
    });
  });
  let killTimer: NodeJS.Timeout | undefined;
  const stop = () => {
    if (exited) return;
    child.kill('SIGTERM');
    killTimer = setTimeout(() => child.kill('SIGKILL'), options.killGraceMs ?? 5000);
    killTimer.unref();
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    yield* queue.drain(options.signal);
    const code = await exit;
    if (options.signal?.aborted) return;
    if (code !== 0) {
      const said = tail.text();
      throw new BerthError('ENGINE_ERROR', `Compose failed (exit code ${code ?? 'none'}): ${said}`, undefined, {
        reason: 'composeFailed',
        params: { code: code ?? -1 },
        ...(said ? { engineText: said } : {}),
      });
    }
  } finally {
    options.signal?.removeEventListener('abort', stop);
    // The page went away or a consumer stopped early: Compose must not run on unwatched.
    stop();
    await exit;
    if (killTimer) clearTimeout(killTimer);
  }
}

/** Runs Compose to completion and gives its stdout (at most `maxChars`); failures as runCompose. */
export async function composeOutput(argv: readonly string[], options: ComposeRunOptions, maxChars = 1024 * 1024): Promise<string> {
  // stdout alone is wanted here (config --services), stderr only for the failure: run through runCompose
  // for the error shape, but read stdout separately.
  const [file, ...args] = argv;
  return new Promise((resolve, reject) => {
    const child = spawn(file!, args, { env: options.env, ...(options.cwd ? { cwd: options.cwd } : {}), stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let out = '';
    const tail = new Tail();
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      if (out.length < maxChars) out += text.slice(0, maxChars - out.length);
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => tail.push(text.replace(ansiEscape, '')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const abort = () => child.kill('SIGTERM');
    options.signal?.addEventListener('abort', abort, { once: true });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new BerthError('NOT_FOUND', `${file} was not found.`, 'Install Docker Compose.', { reason: 'composeMissing', params: { program: file!, installCommand: composeInstallCommand() } })
          : error,
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      if (code === 0) return resolve(out);
      const said = tail.text();
      reject(
        new BerthError('ENGINE_ERROR', `Compose failed (exit code ${code ?? 'none'}): ${said}`, undefined, {
          reason: 'composeFailed',
          params: { code: code ?? -1 },
          ...(said ? { engineText: said } : {}),
        }),
      );
    });
  });
}
