import type Docker from 'dockerode';
import type { ContainerUsage, EngineChanges } from '../contract/types.js';
import { sleep, type Listeners } from '../shared/listeners.js';
import { JsonLineParser } from './json-lines.js';
import { toStatsSample, type RawStats } from './stats.js';

const publishEveryMs = 2000;

/**
 * CPU and memory of every running container, from one shared set of engine stats streams: opened
 * when the first view subscribes, kept in step with containers starting and stopping (from the
 * engine's events, not by polling), closed when the last view goes.
 */
export class UsageHub {
  private readonly streams = new Map<string, NodeJS.ReadableStream & { destroy(): void }>();
  private readonly latest = new Map<string, ContainerUsage>();
  private subscribers = 0;
  private stopWatching: (() => void) | undefined;

  constructor(
    private readonly docker: Docker,
    private readonly changes: Listeners<EngineChanges>,
  ) {}

  async *watch(signal: AbortSignal | undefined): AsyncGenerator<Record<string, ContainerUsage>> {
    if (this.subscribers++ === 0) this.start();
    try {
      while (!signal?.aborted) {
        yield Object.fromEntries(this.latest);
        // sleep() removes its abort listener when it wakes: one listener per wait piled up before.
        await sleep(publishEveryMs, signal);
      }
    } finally {
      if (--this.subscribers === 0) this.stop();
    }
  }

  private start(): void {
    void this.sync();
    this.stopWatching = this.changes.add((change) => {
      if (change.containers || change.resources.includes('containers')) void this.sync();
    });
  }

  private stop(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    for (const stream of this.streams.values()) stream.destroy();
    this.streams.clear();
    this.latest.clear();
  }

  private async sync(): Promise<void> {
    const running = await this.docker.listContainers({ filters: { status: ['running'] } }).catch(() => undefined);
    if (!running || this.subscribers === 0) return;
    const ids = new Set(running.map((c) => c.Id));
    for (const [id, stream] of this.streams) {
      if (ids.has(id)) continue;
      stream.destroy();
      this.streams.delete(id);
      this.latest.delete(id);
    }
    for (const id of ids) {
      if (this.streams.has(id)) continue;
      const stream = (await this.docker
        .getContainer(id)
        .stats({ stream: true })
        .catch(() => undefined)) as unknown as (NodeJS.ReadableStream & { destroy(): void }) | undefined;
      if (!stream) continue;
      if (this.subscribers === 0) {
        stream.destroy();
        return;
      }
      this.streams.set(id, stream);
      const parser = new JsonLineParser<RawStats>();
      stream.on('data', (chunk: Buffer) => {
        for (const raw of parser.push(chunk)) {
          const sample = toStatsSample(raw);
          this.latest.set(id, { cpuPercent: sample.cpuPercent, memoryBytes: sample.memoryBytes });
        }
      });
      const forget = () => {
        if (this.streams.get(id) === stream) this.streams.delete(id);
        this.latest.delete(id);
      };
      stream.on('close', forget);
      stream.on('error', forget);
    }
  }
}
