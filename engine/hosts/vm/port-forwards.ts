import { request } from 'node:http';
import type { Server } from 'node:net';
import { JsonLineParser } from '../../docker/json-lines.js';
import { sleep } from '../../shared/listeners.js';
import type { VmPortProblem } from '../../contract/types.js';
import type { GuestLink } from './guest-link.js';
import { logFor } from '../../shared/log.js';

const log = logFor('vm');

interface PublishedPort {
  PublicPort?: number;
  Type?: string;
}

/**
 * The ports running containers publish, once each (IPv4 and IPv6 bindings name the same port):
 * TCP ones Berth forwards, UDP ones it can only name, because SSH carries streams, not datagrams.
 */
export function publishedPorts(containers: { Ports?: PublishedPort[] }[]): { tcp: number[]; udp: number[] } {
  const tcp = new Set<number>();
  const udp = new Set<number>();
  for (const container of containers) {
    for (const port of container.Ports ?? []) {
      if (!port.PublicPort) continue;
      if (port.Type === 'tcp') tcp.add(port.PublicPort);
      if (port.Type === 'udp') udp.add(port.PublicPort);
    }
  }
  const sorted = (ports: Set<number>) => [...ports].sort((a, b) => a - b);
  return { tcp: sorted(tcp), udp: sorted(udp) };
}


/**
 * Keeps the host's 127.0.0.1 in step with the ports containers in the guest publish: a listener
 * per published TCP port while a container publishes it, carried over the guest link to the same
 * port on the guest's loopback (where docker-proxy answers, whether the container bound 0.0.0.0 or
 * 127.0.0.1). Driven by the guest engine's own container events. UDP cannot cross SSH: published
 * UDP ports are listed as problems, so nobody waits for packets that never come.
 */
export class PortForwards {
  private readonly open = new Map<number, Server>();
  private readonly problems = new Map<number, VmPortProblem>();
  private stopped = false;
  private events: ReturnType<typeof request> | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly link: GuestLink,
    private readonly dockerSocket: string,
    private readonly onChange: (ports: number[], problems: VmPortProblem[]) => void,
  ) {}

  start(): void {
    this.watch();
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.events?.destroy();
    await this.pending;
    await Promise.all([...this.open.values()].map((server) => this.link.closeServer(server)));
    this.open.clear();
  }

  private schedule(): void {
    this.pending = this.pending.then(() => this.reconcile()).catch(log.fallback('forwarding the VM’s published ports', undefined));
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    const published = publishedPorts(await this.getJson<{ Ports?: PublishedPort[] }[]>('/containers/json'));
    const wanted = new Set(published.tcp);
    for (const [port, server] of this.open) {
      if (!wanted.has(port)) {
        this.open.delete(port);
        await this.link.closeServer(server);
      }
    }
    for (const port of [...this.problems.keys()]) if (!wanted.has(port)) this.problems.delete(port);
    for (const port of wanted) {
      if (this.open.has(port) || this.stopped) continue;
      try {
        this.open.set(port, await this.link.forwardPort(port, port));
        this.problems.delete(port);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        this.problems.set(port, code === 'EADDRINUSE' ? { port, protocol: 'tcp', reason: 'in-use' } : { port, protocol: 'tcp', reason: 'error', detail: (e as Error).message });
      }
    }
    this.onChange([...this.open.keys()].sort((a, b) => a - b), [...this.problems.values(), ...published.udp.map((port) => ({ port, protocol: 'udp' as const, reason: 'udp' as const }))]);
  }

  /** The guest engine's container start/stop events; reconnects while the VM runs. */
  private watch(): void {
    if (this.stopped) return;
    const filters = encodeURIComponent(JSON.stringify({ type: ['container'], event: ['start', 'die', 'destroy', 'pause', 'unpause'] }));
    const parser = new JsonLineParser();
    const req = request({ socketPath: this.dockerSocket, path: `/events?filters=${filters}` }, (res) => {
      res.on('data', (chunk: Buffer) => {
        if (parser.push(chunk).length > 0) this.schedule();
      });
      res.on('end', () => void this.rewatch());
      res.on('error', () => void this.rewatch());
    });
    req.on('error', () => void this.rewatch());
    req.end();
    this.events = req;
  }

  private async rewatch(): Promise<void> {
    if (this.stopped) return;
    await sleep(1000);
    this.watch();
    this.schedule();
  }

  private getJson<T>(path: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const req = request({ socketPath: this.dockerSocket, path, timeout: 10_000 }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(body) as T);
          } catch (e) {
            reject(e as Error);
          }
        });
      });
      req.on('timeout', () => req.destroy(new Error('The VM engine did not answer.')));
      req.on('error', reject);
      req.end();
    });
  }
}
