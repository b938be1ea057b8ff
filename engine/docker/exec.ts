import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';
import type { ExecEvent, ExecSessionInfo } from '../contract/types.js';
import { AsyncQueue } from '../shared/async-queue.js';
import { sleep } from '../shared/listeners.js';
import { OutputBatcher } from '../shared/output-batcher.js';
import { engineCall } from './bulk.js';

const shells = ['/bin/bash', '/usr/bin/bash', '/bin/sh', '/usr/bin/sh'];
/** Short batches: a terminal is interactive, and a typed key should echo within a frame or two. */
const echoIntervalMs = 4;
/** Input bytes that may wait for the engine to take them: many pastes' worth, far from unbounded. */
export const inputBacklogBytes = 1024 * 1024;

interface Session {
  exec: Docker.Exec;
  stream: Duplex;
  events: AsyncQueue<ExecEvent>;
}

/**
 * Interactive shells in containers: a TTY exec with hijacked stdin per session, output streamed and
 * batched, keystrokes and resizes sent in, and a clean end. The Engine API cannot kill an exec, and
 * closing the socket leaves a TTY shell running, so closing sends Ctrl-C and Ctrl-D first.
 */
export class ExecSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly docker: Docker) {}

  async open(id: string, size: { cols: number; rows: number }): Promise<ExecSessionInfo> {
    const container = this.docker.getContainer(id);
    const info = await engineCall(container.inspect(), `Container ${id}`);
    const name = info.Name.replace(/^\//, '');
    // A container waiting out its restart back-off also says Running; the engine would refuse the
    // exec with its own English sentence, so Berth says it first, in the person's language.
    if (info.State.Restarting) {
      throw new BerthError('NOT_RUNNING', `${name} is restarting, so there is nothing to open a shell in yet.`, 'Open the terminal again once it runs.', {
        reason: 'shellContainerRestarting',
        params: { container: name },
      });
    }
    if (!info.State.Running || info.State.Paused) {
      throw new BerthError(
        'NOT_RUNNING',
        `${name} is ${info.State.Paused ? 'paused' : 'not running'}, so there is nothing to open a shell in.`,
        info.State.Paused ? 'Resume it first.' : 'Start it first, then open the terminal again.',
        { reason: info.State.Paused ? 'shellContainerPaused' : 'shellContainerStopped', params: { container: name } },
      );
    }
    const shell = await findShell(container);
    if (!shell) {
      throw new BerthError(
        'INVALID_INPUT',
        `${name}'s image has no shell (Berth looked for bash and sh).`,
        'Images built FROM scratch or distroless have none; use Logs and Inspect, or copy files out with docker cp.',
        { reason: 'shellMissing', params: { container: name } },
      );
    }
    const exec = await engineCall(
      container.exec({
        Cmd: [shell],
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: true,
        Env: ['TERM=xterm-256color'],
      }),
    );
    const stream = (await engineCall(exec.start({ hijack: true, stdin: true, Tty: true }))) as unknown as Duplex;
    const sessionId = randomUUID();
    const events = new AsyncQueue<ExecEvent>(64, (paused) => (paused ? stream.pause() : stream.resume()));
    const batcher = new OutputBatcher(
      (segments) => events.push({ kind: 'output', text: segments.map((s) => s.text).join('') }),
      echoIntervalMs,
    );
    stream.on('data', (chunk: Buffer) => batcher.write('stdout', chunk));
    let ended = false;
    // Not every exec stream emits 'end'; 'close' covers the rest.
    const finish = async () => {
      if (ended) return;
      ended = true;
      batcher.finish();
      const code = await exec.inspect().then(
        (state) => state.ExitCode ?? null,
        () => null,
      );
      events.push({ kind: 'exit', code });
      events.end();
      this.sessions.delete(sessionId);
    };
    stream.on('end', () => void finish());
    stream.on('close', () => void finish());
    stream.on('error', () => void finish());
    this.sessions.set(sessionId, { exec, stream, events });
    await this.resize(sessionId, size);
    return { sessionId, shell };
  }

  output(sessionId: string, signal: AbortSignal | undefined): AsyncGenerator<ExecEvent> {
    const session = this.require(sessionId);
    // When the person's side goes away (tab closed, page gone), the shell goes too.
    signal?.addEventListener('abort', () => void this.close(sessionId));
    return session.events.drain(signal);
  }

  /**
   * Types `data` into the shell. A program that never reads its input (or a container that floods
   * the terminal with queries, each of which the page's xterm answers as input) would otherwise pile
   * it up here without end: beyond `inputBacklogBytes` waiting to reach the engine, the input is
   * refused (CONFLICT, reason terminalInputBacklog) and nothing of it is written.
   */
  input(sessionId: string, data: string): void {
    const { stream } = this.require(sessionId);
    if (stream.writableLength > inputBacklogBytes) {
      throw new BerthError('CONFLICT', 'The shell is not reading what is typed; this input was not sent.', 'Open a new terminal; this one takes input again once its program reads it.', {
        reason: 'terminalInputBacklog',
      });
    }
    stream.write(data);
  }

  async resize(sessionId: string, size: { cols: number; rows: number }): Promise<void> {
    try {
      await this.require(sessionId).exec.resize({ w: size.cols, h: size.rows });
    } catch (e) {
      // A shell that just exited cannot be resized; that is not worth an error.
      if (this.sessions.has(sessionId)) throw e;
    }
  }

  async close(sessionId: string): Promise<void> {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    session.stream.write('\x03');
    session.stream.write('\x04');
    await sleep(300);
    const running = await session.exec.inspect().then(
      (state) => state.Running,
      () => false,
    );
    if (running) session.stream.write('exit\r');
    session.stream.destroy();
    this.sessions.delete(sessionId);
  }

  private require(sessionId: string): Session {
    const session = this.sessions.get(sessionId);
    if (!session) {
      throw new BerthError('NOT_FOUND', 'That terminal session has ended.', 'Open a new terminal.', { reason: 'terminalEnded' });
    }
    return session;
  }
}

/** The first shell the container's file system has, found with the archive API (no process needed). */
async function findShell(container: Docker.Container): Promise<string | undefined> {
  for (const path of shells) {
    const found = await container.infoArchive({ path }).then(
      () => true,
      () => false,
    );
    if (found) return path;
  }
  return undefined;
}
