import { connect as connectTcp, createServer, type Server, type Socket } from 'node:net';
import { rm } from 'node:fs/promises';
import type * as Ssh2Module from 'ssh2';
import type { Client, ClientChannel } from 'ssh2';
import { Listeners } from '../../shared/listeners.js';

export interface GuestLinkOptions {
  /** The host's 127.0.0.1 port QEMU forwards to the guest's sshd. */
  port: number;
  privateKey: string;
  /** The pinned host key, "ssh-ed25519 AAAA…": any other key is refused. */
  hostKey: string;
  readyTimeoutMs?: number;
}

type Ssh2 = typeof Ssh2Module;

// ssh2 loads its crypto eagerly; only Berth's VM needs it, so it is imported on first use. It is
// CommonJS: under Node's ESM loader its exports sit on `default`.
export async function loadSsh(): Promise<Ssh2> {
  const loaded = (await import('ssh2')) as Ssh2 & { default?: Ssh2 };
  return loaded.default ?? loaded;
}

/**
 * One long-lived SSH connection to Berth's guest, checked against its pinned host key, carrying
 * everything between host and guest: the guest's Docker socket on a host socket, published ports
 * on the host's loopback, and host ports the guest may reach as its own localhost. One handshake
 * for the VM's lifetime: a forwarded request costs milliseconds, not a new SSH session.
 */
export class GuestLink {
  readonly closed = new Listeners<string>();
  /** Each listener with the connections it accepted, so closing one ends them too (server.close() alone waits for them). */
  private readonly servers = new Map<Server, Set<Socket>>();
  private readonly reversePorts = new Set<number>();
  private ended = false;

  private constructor(private readonly client: Client) {
    client.on('close', () => this.end('the SSH connection closed'));
    client.on('error', (e) => this.end(e.message));
    client.on('tcp connection', (info, accept, reject) => {
      // The guest connected to a port Berth asked it to listen on: carry it to the host's loopback.
      if (!this.reversePorts.has(info.destPort)) return reject();
      const channel = accept();
      const socket = connectTcp({ host: '127.0.0.1', port: info.destPort });
      pipeBothWays(socket, channel);
    });
  }

  static async connect(options: GuestLinkOptions): Promise<GuestLink> {
    const { Client } = await loadSsh();
    const client = new Client();
    const pinned = Buffer.from(options.hostKey.split(' ')[1] ?? '', 'base64');
    await new Promise<void>((resolve, reject) => {
      client.once('ready', resolve);
      client.once('error', reject);
      client.connect({
        host: '127.0.0.1',
        port: options.port,
        username: 'root',
        privateKey: options.privateKey,
        // The guest announced this key on its serial console, which only Berth reads.
        hostVerifier: (key: Buffer) => pinned.length > 0 && key.equals(pinned),
        readyTimeout: options.readyTimeoutMs ?? 20_000,
        keepaliveInterval: 10_000,
        keepaliveCountMax: 3,
      });
    });
    return new GuestLink(client);
  }

  /** Serves a guest Unix socket (the Docker API) on a host Unix socket, owner-only. */
  async forwardSocket(hostPath: string, guestPath: string): Promise<void> {
    await rm(hostPath, { force: true });
    const server = this.serve((socket) => {
      this.client.openssh_forwardOutStreamLocal(guestPath, (error, channel) => {
        if (error) return socket.destroy();
        pipeBothWays(socket, channel);
      });
    });
    await listen(server, { path: hostPath, readableAll: false, writableAll: false });
  }

  /** Listens on the host's 127.0.0.1:hostPort and carries each connection to the guest's 127.0.0.1:guestPort. */
  async forwardPort(hostPort: number, guestPort: number): Promise<Server> {
    const server = this.serve((socket) => {
      this.client.forwardOut('127.0.0.1', hostPort, '127.0.0.1', guestPort, (error, channel) => {
        if (error) return socket.destroy();
        pipeBothWays(socket, channel);
      });
    });
    try {
      await listen(server, { host: '127.0.0.1', port: hostPort });
    } catch (e) {
      this.servers.delete(server);
      throw e;
    }
    return server;
  }

  /** Stops listening and ends the connections it carries (a keep-alive client would otherwise hold a stop forever). */
  async closeServer(server: Server): Promise<void> {
    const sockets = this.servers.get(server);
    this.servers.delete(server);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets ?? []) socket.destroy();
    await closed;
  }

  private serve(onConnection: (socket: Socket) => void): Server {
    const sockets = new Set<Socket>();
    // Half-open: `docker run` (no -i) shuts its side of an attach at once and then reads the
    // container's output; closing the whole connection on that first end lost the output.
    const server = createServer({ allowHalfOpen: true }, (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      onConnection(socket);
    });
    this.servers.set(server, sockets);
    return server;
  }

  /** Makes the guest's 127.0.0.1:port reach the host's 127.0.0.1:port (e.g. a registry on the host). */
  reversePort(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.client.forwardIn('127.0.0.1', port, (error) => {
        if (error) return reject(error);
        this.reversePorts.add(port);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.servers.keys()].map((server) => this.closeServer(server)));
    this.end('closed by Berth');
  }

  private end(why: string): void {
    if (this.ended) return;
    this.ended = true;
    for (const [server, sockets] of this.servers) {
      server.close();
      for (const socket of sockets) socket.destroy();
    }
    this.servers.clear();
    this.client.end();
    this.closed.emit(why);
  }
}

function listen(server: Server, options: Parameters<Server['listen']>[0]): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function pipeBothWays(socket: Socket, channel: ClientChannel): void {
  socket.pipe(channel).pipe(socket);
  const finish = () => {
    socket.destroy();
    channel.destroy();
  };
  socket.on('error', finish);
  channel.on('error', finish);
  socket.on('close', finish);
  channel.on('close', finish);
}
