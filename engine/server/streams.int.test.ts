import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { fixtureImage, requireDockerHost } from '../testing/engine-env.js';
import { startWebHostProcess, type WebHostProcess } from '../testing/web-host-process.js';
import { openSession, sessionProtocols, ticketFor } from './door-client.js';

/**
 * Issue 11 ("Hold the door"): a slow or paused page must not make the trusted side hold a whole
 * log or a whole file. The web host runs as its own process (as `npm run web` does), so its memory
 * is measured apart from this test runner: the kernel's peak RSS (VmHWM) of that process, reset
 * before each case through /proc/<pid>/clear_refs. A "paused" client reads nothing for `pauseMs`,
 * the way a browser tab in the background or a slow link does, then reads everything and checks
 * that nothing was lost.
 */
const rssLimitBytes = 300 * 1024 * 1024;
const pauseMs = 2000;
const token = 'streams-integration-token-0123456789';
const mib = 1024 * 1024;

let dir: string;
let host: WebHostProcess | undefined;
let port: number;
const docker = new Docker(dockerOptions(requireDockerHost()));
const made: Docker.Container[] = [];
/** Peak RSS of each case, printed at the end (with the RSS it started from) for docs/PERFORMANCE.md. */
const peaks: Record<string, number> = {};
const starts: Record<string, number> = {};
/** RSS at the end of each case's pause: what the host holds for a page that reads nothing. */
const whilePaused: Record<string, number> = {};
let lastPausedRss = 0;

function dockerOptions(url: string): Docker.DockerOptions {
  return url.startsWith('unix://') ? { socketPath: url.slice('unix://'.length) } : { host: new URL(url).hostname, port: Number(new URL(url).port) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-streams-'));
  host = await startWebHostProcess(dir, token);
  port = host.port;
}, 30_000);

afterAll(async () => {
  const rows = Object.entries(peaks).map(
    ([name, peak]) => `${name}: ${Math.round((starts[name] ?? 0) / mib)} → ${Math.round((whilePaused[name] ?? 0) / mib)} → ${Math.round(peak / mib)} MiB`,
  );
  console.log(`RSS of the web host per case (at the start → at the end of the pause → peak):\n${rows.join('\n')}`);
  await host?.stop();
  await Promise.all(made.map((c) => c.remove({ force: true }).catch(() => undefined)));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The one place that knows how a client logs in: the printed token traded once for a session secret. */
let session: Promise<string> | undefined;
function login(): Promise<string> {
  session ??= openSession(port, token);
  return session;
}
const origin = () => ({ Origin: `http://127.0.0.1:${port}` });

function status(name: string): number {
  const line = readFileSync(`/proc/${host!.child.pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

/** Runs `work` and records the web host's peak RSS during it. */
async function measured<T>(name: string, work: () => Promise<T>): Promise<T> {
  starts[name] = resetPeak();
  const result = await work();
  peaks[name] = status('VmHWM');
  whilePaused[name] = lastPausedRss;
  return result;
}

/** Writing 5 resets the kernel's peak-RSS counter (VmHWM) to the current RSS. */
function resetPeak(): number {
  writeFileSync(`/proc/${host!.child.pid}/clear_refs`, '5');
  return status('VmRSS');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A container that has run `script` to its end (its log complete, its files in place). */
async function finished(script: string): Promise<Docker.Container> {
  const container = await docker.createContainer({ Image: fixtureImage, Cmd: ['sh', '-c', script] });
  made.push(container);
  await container.start();
  await container.wait();
  return container;
}

/** A tRPC client over the web host's WebSocket, as the page uses it. */
class Rpc {
  private next = 1;
  private readonly handlers = new Map<number, (message: RpcMessage) => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      if (data.toString() === 'PING') return socket.send('PONG');
      const message = JSON.parse(data.toString()) as RpcMessage;
      if (typeof message.id === 'number') this.handlers.get(message.id)?.(message);
    });
  }

  static async open(): Promise<Rpc> {
    const secret = await login();
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/rpc`, sessionProtocols(secret), { headers: origin() });
      socket.on('open', () => resolve(new Rpc(socket)));
      socket.on('error', reject);
    });
  }

  query(path: string, input?: unknown): Promise<unknown> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.handlers.set(id, (m) => (m.error ? reject(new Error(JSON.stringify(m.error))) : resolve(m.result?.data)));
      this.socket.send(JSON.stringify({ id, method: 'query', params: { path, input } }));
    });
  }

  /** Resolves when the subscription stops; `onData` sees every item. */
  subscribe(path: string, input: unknown, onData: (data: unknown) => void): Promise<void> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.handlers.set(id, (m) => {
        if (m.error) reject(new Error(JSON.stringify(m.error)));
        else if (m.result?.type === 'data') onData(m.result.data);
        else if (m.result?.type === 'stopped') resolve();
      });
      this.socket.send(JSON.stringify({ id, method: 'subscription', params: { path, input } }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

interface RpcMessage {
  id?: number;
  result?: { type: string; data?: unknown };
  error?: unknown;
}

/** The host answers another page's question while one page is paused. */
async function answersWhilePaused(): Promise<void> {
  const other = await Rpc.open();
  try {
    expect(Array.isArray(await other.query('containers.list'))).toBe(true);
  } finally {
    other.close();
  }
}

/** Reads a subscription with the socket paused for `pauseMs` right after the first item. */
async function readPaused(path: string, input: unknown, onData: (data: unknown) => void): Promise<void> {
  const rpc = await Rpc.open();
  let paused = false;
  let pausedFor: Promise<void> | undefined;
  let count = 0;
  const timer = process.env.BERTH_TEST_TRACE ? setInterval(() => console.log(path, 'items', count, 'paused', paused), 2000) : undefined;
  const done = rpc.subscribe(path, input, (data) => {
    count++;
    onData(data);
    if (paused) return;
    paused = true;
    rpc.socket.pause();
    pausedFor = (async () => {
      await pause(pauseMs);
      lastPausedRss = status('VmRSS');
      await answersWhilePaused();
      rpc.socket.resume();
    })();
  });
  await done;
  await pausedFor;
  clearInterval(timer);
  rpc.close();
}

type LogEvent = { kind: 'output'; segments: { stream: string; text: string }[] } | { kind: 'notice' };
type MergedEvent = { kind: 'sources'; names: string[] } | { kind: 'lines'; lines: { text: string }[] };

/** GET through a single-use ticket, as the page downloads; the body is read by the caller. */
async function get(path: string): Promise<IncomingMessage> {
  const target = await ticketFor(port, await login(), 'GET', path);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, headers: origin() }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** Reads a download, pausing for `pauseMs` once `pauseAt` bytes are in; resolves with its length. */
function readPausedDownload(res: IncomingMessage, pauseAt: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let paused = false;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (paused || size < pauseAt) return;
      paused = true;
      res.pause();
      void pause(pauseMs)
        .then(() => (lastPausedRss = status('VmRSS')))
        .then(answersWhilePaused)
        .then(() => res.resume(), reject);
    });
    res.on('end', () => resolve(size));
    res.on('error', reject);
  });
}

describe('a paused download holds only a little of it in the web host', () => {
  it('a 1 GiB file, paused halfway', async () => {
    // A sparse file bound in from this machine: made at once, read at the speed of memory.
    await writeFile(join(dir, 'big'), '');
    await truncate(join(dir, 'big'), 1024 * mib);
    const container = await docker.createContainer({ Image: fixtureImage, Cmd: ['true'], HostConfig: { Binds: [`${join(dir, 'big')}:/big:ro`] } });
    made.push(container);
    const size = await measured('download: 1 GiB file', async () => {
      const res = await get(`/download/container/${container.id}?path=/big&as=file`);
      expect(res.statusCode).toBe(200);
      return readPausedDownload(res, 512 * mib);
    });
    expect(size).toBe(1024 * mib);
    expect(peaks['download: 1 GiB file']).toBeLessThan(rssLimitBytes);
  }, 60_000);

  it('a log of 64 MiB, paused at the start', async () => {
    const container = await finished('s=0123456789abcdef; for i in $(seq 22); do s=$s$s; done; echo "$s"');
    const size = await measured('download: 64 MiB log', async () => {
      const res = await get(`/download/logs/${container.id}`);
      expect(res.statusCode).toBe(200);
      return readPausedDownload(res, 1);
    });
    expect(size).toBe(64 * mib + 1);
    expect(peaks['download: 64 MiB log']).toBeLessThan(rssLimitBytes);
  }, 60_000);
});

describe('a paused page holds only a little of a big log in the web host', () => {
  it('a single 64 MiB line, read whole', async () => {
    const container = await finished('s=0123456789abcdef; for i in $(seq 22); do s=$s$s; done; echo "$s"');
    let chars = 0;
    let newlines = 0;
    await measured('log: one 64 MiB line', () =>
      readPaused('logs.follow', { id: container.id, tail: 100_000_000, since: 'all', timestamps: false, follow: false }, (data) => {
        const event = data as LogEvent;
        if (event.kind !== 'output') return;
        for (const s of event.segments) {
          chars += s.text.length;
          for (let i = s.text.indexOf('\n'); i >= 0; i = s.text.indexOf('\n', i + 1)) newlines++;
        }
      }),
    );
    expect(chars).toBe(64 * mib + 1);
    expect(newlines).toBe(1);
    expect(peaks['log: one 64 MiB line']).toBeLessThan(rssLimitBytes);
  }, 60_000);

  it('300,000 lines in a burst, read whole', async () => {
    const container = await finished('seq 1 300000');
    let text = '';
    let lines = 0;
    await measured('log: 300,000 lines', () =>
      readPaused('logs.follow', { id: container.id, tail: 100_000_000, since: 'all', timestamps: false, follow: false }, (data) => {
        const event = data as LogEvent;
        if (event.kind !== 'output') return;
        for (const s of event.segments) {
          text = (text + s.text).slice(-32);
          for (let i = s.text.indexOf('\n'); i >= 0; i = s.text.indexOf('\n', i + 1)) lines++;
        }
      }),
    );
    expect(lines).toBe(300_000);
    expect(text.endsWith('\n300000\n')).toBe(true);
    expect(peaks['log: 300,000 lines']).toBeLessThan(rssLimitBytes);
  }, 60_000);

  it('merged logs: 300,000 lines in a burst while following, and a last line with no newline', async () => {
    const a = await docker.createContainer({ Image: fixtureImage, Cmd: ['sh', '-c', 'while [ ! -f /tmp/go ]; do sleep 0.1; done; seq 1 300000; printf last'] });
    const b = await finished('echo one; printf "two, no newline"');
    made.push(a);
    await a.start();
    const rpc = await Rpc.open();
    const texts: string[] = [];
    let lines = 0;
    let started: () => void;
    const historyShown = new Promise<void>((resolve) => (started = resolve));
    let go: Promise<void> | undefined = undefined;
    starts['merged: 300,000 lines following'] = resetPeak();
    const done = rpc.subscribe('logs.merged', { ids: [a.id, b.id], tail: 100 }, (data) => {
        const event = data as MergedEvent;
        if (event.kind !== 'lines') return;
        started();
        lines += event.lines.length;
        for (const line of event.lines) if (!/^\d+$/.test(line.text)) texts.push(line.text);
        if (lines >= 300_003) rpc.close();
      });
    await historyShown;
    // The burst starts only now that the page follows; the page then reads nothing for a while.
    go = (async () => {
      const exec = await a.exec({ Cmd: ['touch', '/tmp/go'] });
      await exec.start({});
      rpc.socket.pause();
      await pause(pauseMs);
      whilePaused['merged: 300,000 lines following'] = status('VmRSS');
      await answersWhilePaused();
      rpc.socket.resume();
    })();
    // A guard, not a wait: a line that never comes fails the count below instead of hanging.
    await Promise.race([done, new Promise((resolve) => rpc.socket.on('close', resolve)), pause(30_000)]);
    await go;
    peaks['merged: 300,000 lines following'] = status('VmHWM');
    expect(texts).toEqual(['one', 'two, no newline', 'last']);
    expect(lines).toBe(300_003);
    expect(peaks['merged: 300,000 lines following']).toBeLessThan(rssLimitBytes);
  }, 60_000);
});
