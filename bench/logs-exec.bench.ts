import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import WebSocket from 'ws';
import { sessionProtocols } from '../engine/server/door-client.js';
import { startBenchBerth } from './harness.js';
import { median, ms, percentile } from './measure.js';

/**
 * Issue 4's benchmarks, in one run on the bench engine:
 *  1. 1,000,000 log lines: Berth's Logs tab (tail "all") until the last line is on screen, against
 *     `docker logs NAME > /dev/null`. Budget ≤ 1.5×, renderer heap after ≤ 200 MB.
 *  2. Exec echo round trip through the web host: a keystroke in, its TTY echo out; p50/p99 over 200.
 *     Budget p99 ≤ 30 ms.
 */
const lines = Number(process.env.BENCH_LOG_LINES ?? 1_000_000);
const keystrokes = Number(process.env.BENCH_KEYSTROKES ?? 200);
const image = process.env.BERTH_FIXTURE_IMAGE ?? 'berth-fixture/busybox:latest';
const run = promisify(execFile);

async function main() {
  const berth = await startBenchBerth();
  const docker = (...args: string[]) => run('docker', ['-H', berth.engineUrl, ...args], { maxBuffer: 1 << 30 }).then((r) => r.stdout.trim());
  const name = `berth-bench-logs-${process.pid}`;
  try {
    await docker('run', '-d', '--name', name, image, 'sh', '-c', `seq 1 ${lines}; sleep 3600`);
    // Wait until the container has written everything.
    for (;;) {
      const last = await docker('logs', '--tail', '1', name);
      if (last === String(lines)) break;
      await new Promise((r) => setTimeout(r, 200));
    }

    console.log(`\n## ${lines.toLocaleString('en')} log lines`);
    const cli: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await new Promise<void>((resolve, reject) => {
        const child = spawn('docker', ['-H', berth.engineUrl, 'logs', name], { stdio: ['ignore', 'ignore', 'ignore'] });
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`docker logs exited ${code}`))));
      });
      cli.push(performance.now() - started);
    }

    const ui: number[] = [];
    let heapMb = 0;
    for (let i = 0; i < 3; i++) {
      const page = await berth.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(berth.host.newLoginAddress());
      await page.getByRole('button', { name, exact: true }).click();
      await page.locator('.xterm-rows').waitFor();
      const lastLine = String(lines);
      const started = performance.now();
      await page.getByRole('combobox', { name: 'Lines' }).selectOption('all');
      // A locator, not waitForFunction: the page's CSP rightly forbids evaluating strings.
      await page.locator('.xterm-rows > div', { hasText: new RegExp(`^\\s*${lastLine}\\s*$`) }).waitFor({ timeout: 600_000 });
      ui.push(performance.now() - started);
      heapMb = await page.evaluate(`(performance.memory ? performance.memory.usedJSHeapSize : 0) / 1048576`);
      await page.close();
    }
    console.log(`docker logs > /dev/null        median ${ms(median(cli))}`);
    console.log(`Berth logs tab, last line shown median ${ms(median(ui))}`);
    console.log(`ratio Berth / docker logs       ${(median(ui) / median(cli)).toFixed(2)}× (budget ≤ 1.5×: ${median(ui) <= 1.5 * median(cli) ? 'within' : 'OVER'})`);
    console.log(`renderer JS heap after          ${heapMb.toFixed(0)} MB (budget ≤ 200 MB: ${heapMb <= 200 ? 'within' : 'OVER'})`);

    console.log(`\n## Exec echo round trip through the web host (${keystrokes} keystrokes)`);
    const rtt = await echoRoundTrips(berth.host.port, berth.session, name);
    console.log(`p50 ${ms(percentile(rtt, 50))}  p99 ${ms(percentile(rtt, 99))}  max ${ms(Math.max(...rtt))} (budget p99 ≤ 30 ms: ${percentile(rtt, 99) <= 30 ? 'within' : 'OVER'})`);
  } finally {
    await docker('rm', '-f', name).catch(() => undefined);
    await berth.close();
  }
}

/** Speaks the contract over the web host's WebSocket as the renderer does, and times each echo. */
async function echoRoundTrips(port: number, session: string, container: string): Promise<number[]> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/rpc`, sessionProtocols(session), {
    headers: { Origin: `http://127.0.0.1:${port}` },
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  let onOutput: ((text: string) => void) | undefined;
  socket.on('message', (raw: Buffer) => {
    const message = JSON.parse(raw.toString()) as { id?: number; result?: { type?: string; data?: { kind?: string; text?: string } } };
    if (message.result?.data?.kind === 'output') onOutput?.(message.result.data.text ?? '');
    else if (message.id !== undefined && message.result?.type === 'data') waiting.get(message.id)?.(message.result.data);
  });
  const call = (method: 'mutation' | 'subscription', path: string, input: unknown) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params: { path, input } }));
      if (method === 'subscription') resolve(undefined);
    });
  const { sessionId } = (await call('mutation', 'exec.open', { id: container, cols: 120, rows: 40 })) as { sessionId: string };
  await call('subscription', 'exec.output', { sessionId });
  await new Promise((r) => setTimeout(r, 500)); // let the prompt arrive
  const times: number[] = [];
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < keystrokes; i++) {
    const key = alphabet[i % alphabet.length]!;
    const echoed = new Promise<void>((resolve) => (onOutput = (text) => text.includes(key) && resolve()));
    const started = performance.now();
    socket.send(JSON.stringify({ id: nextId++, method: 'mutation', params: { path: 'exec.input', input: { sessionId, data: key } } }));
    await echoed;
    times.push(performance.now() - started);
  }
  socket.send(JSON.stringify({ id: nextId++, method: 'mutation', params: { path: 'exec.close', input: { sessionId } } }));
  socket.close();
  return times;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
