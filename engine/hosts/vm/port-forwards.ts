import { request } from 'node:http';
import type { Server } from 'node:net';
import { JsonLineParser } from '../../docker/json-lines.js';
import { sleep } from '../../shared/listeners.js';
import type { GuestLink } from './guest-link.js';

interface PublishedPort {
  PublicPort?: number;
  Type?: string;
}

/** The TCP ports running containers publish, once each (IPv4 and IPv6 bindings name the same port). */
export function publishedTcpPorts(containers: { Ports?: PublishedPort[] }[]): number[] {
  const ports = new Set<number>();
  for (const container of containers) {
    for (const port of container.Ports ?? []) {
      if (port.Type === 'tcp' && port.PublicPort) ports.add(port.PublicPort);
    }
  }
  return [...ports].sort((a, b) => a - b);
}

/**
 * Keeps the host's 127.0.0.1 in step with the ports containers in the guest publish: a listener
 * per published TCP port while a container publishes it, carried over the guest link to the same
 * port on the guest's loopback (where docker-proxy answers, whether the container bound 0.0.0.0 or
 * 127.0.0.1). Driven by the guest engine's own container events. UDP cannot cross SSH and is not
 * forwarded.
 */
export class PortForwards {
  private readonly open = new Map<number, Server>();
  private readonly problems = new Map<number, string>();
  private stopped = false;
  private events: ReturnType<typeof request> | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly link: GuestLink,
    private readonly dockerSocket: string,
    private readonly onChange: (ports: number[], problems: string[]) => void,
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
    this.pending = this.pending.then(() => this.reconcile()).catch(() => undefined);
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    const wanted = new Set(publishedTcpPorts(await this.getJson<{ Ports?: PublishedPort[] }[]>('/containers/json')));
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
        this.problems.set(port, code === 'EADDRINUSE' ? `${port}: already in use on this computer` : `${port}: ${(e as Error).message}`);
      }
    }
    this.onChange([...this.open.keys()].sort((a, b) => a - b), [...this.problems.values()]);
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
