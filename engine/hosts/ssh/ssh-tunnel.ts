import { Agent, type AgentOptions } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { inspect } from 'node:util';
import type { Client, ClientChannel, ConnectConfig, ParsedKey } from 'ssh2';
import { BerthError } from '../../contract/errors.js';
import type { EngineStatus } from '../../contract/types.js';
import { loadSsh } from '../vm/guest-link.js';
import type { HostKeyCheck, HostKeyStore } from './host-keys.js';
import { unlockedKeys, wantsPassphrase, type UnlockedKeys } from './unlocked-keys.js';

export interface SshTarget {
  host: string;
  port: number;
  /** The login name; the local user's, as ssh does, when the address names none. */
  user?: string;
  /**
   * The engine's socket on the remote machine, when the address names one; otherwise
   * /var/run/docker.sock, or whatever engine the remote docker CLI uses by default.
   */
  socketPath?: string;
}

export interface SshTunnelOptions {
  hostKeys: HostKeyStore;
  /** For SSH_AUTH_SOCK and HOME (where the key files are). */
  env?: NodeJS.ProcessEnv;
  /** Key files to try first (IdentityFile lines of ~/.ssh/config for this host). */
  identityFiles?: string[];
  /** Keys unlocked with their passphrase; the process's own (`unlockedKeys`) by default. */
  unlockedKeys?: UnlockedKeys;
  readyTimeoutMs?: number;
  /** How often to check a quiet connection is still there (ssh's ServerAliveInterval). */
  keepaliveIntervalMs?: number;
}

/** A host key the person may trust: the one the host last offered, unknown to every file. */
export interface OfferedHostKey {
  host: string;
  port: number;
  blob: Buffer;
  fingerprint: string;
}

const defaultRemoteSocket = '/var/run/docker.sock';

/** What the engine status says of an SSH failure, for the renderer to word (contract/types.ts). */
type SshLinkProblem = NonNullable<EngineStatus['lastErrorKind']>;

/** A refused SSH link, with the kind the connection status carries to the renderer. */
export class SshLinkError extends BerthError {
  constructor(
    message: string,
    hint: string | undefined,
    readonly linkErrorKind: SshLinkProblem,
    worded: ConstructorParameters<typeof BerthError>[3],
  ) {
    super('ENGINE_UNAVAILABLE', message, hint, worded);
  }
}

/**
 * One long-lived SSH connection to a remote engine, made on first use and again after a drop, with
 * the host key checked against known_hosts and Berth's pins. Every Docker API request is its own
 * channel on it — a stream-local forward to the remote socket — handed to dockerode through
 * `agent()`, so a request costs a channel open (one round trip), not an SSH handshake.
 */
export class SshTunnel {
  /** Completed SSH handshakes (each is one TCP connection to sshd). */
  handshakes = 0;
  /** The last host key refused as unknown, which `trust` may pin. */
  offeredHostKey: OfferedHostKey | undefined;
  /** Key files the last login skipped because they want a passphrase, which `unlock` may open. */
  lockedKeys: readonly string[] = [];
  private client: Promise<Client> | undefined;
  private closed = false;
  /** The channels open on each live connection, to destroy when it drops. */
  private readonly channels = new WeakMap<Client, Set<ClientChannel>>();
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly target: SshTarget,
    private readonly options: SshTunnelOptions,
  ) {
    this.env = options.env ?? process.env;
  }

  /** An http.Agent whose every connection is a channel to the remote engine's socket. */
  agent(options: AgentOptions = { keepAlive: true }): Agent {
    const agent = new Agent(options);
    (agent as unknown as { createConnection: unknown }).createConnection = (
      _options: unknown,
      done: (error: Error | null, socket?: Duplex) => void,
    ) => {
      this.openChannel().then(
        (channel) => done(null, channel),
        (error: Error) => done(error),
      );
      return undefined;
    };
    // docker-modem logs every request's options with util.inspect(…, { showHidden: true, depth: null })
    // whether or not its debug log is on (lib/modem.js buildRequest); walking this agent's sockets,
    // the SSH client and its crypto state cost 15–40 ms a request here. Shown as one word instead.
    (agent as unknown as Record<symbol, unknown>)[inspect.custom] = () => 'SshTunnel.agent';
    return agent;
  }

  /** A duplex stream to the remote engine's socket; connects (or reconnects) first when needed. */
  async openChannel(): Promise<Duplex> {
    const client = await this.connected();
    let channel: ClientChannel;
    try {
      channel = await forwardToSocket(client, this.target.socketPath ?? defaultRemoteSocket);
    } catch (forwardError) {
      // OpenSSH answers "open failed" alike when forwarding is off (AllowStreamLocalForwarding no)
      // and when nothing listens at the socket, so the remote CLI is asked each time the forward
      // fails; it costs one round trip more, and the keep-alive agent opens few channels.
      channel = await dialStdio(client, this.target.socketPath, forwardError as Error).catch(() => {
        throw forwardError;
      });
    }
    // ssh2 does not end a channel when its connection drops; a keep-alive agent would then reuse a
    // dead one and the request would hang. Channels of a lost connection are destroyed with it.
    const open = this.channels.get(client);
    if (!open) {
      channel.destroy();
      throw new Error('The SSH connection closed.');
    }
    open.add(channel);
    channel.once('close', () => open.delete(channel));
    return asSocket(channel);
  }

  /** Pins the key the host last offered, when it is the one the person saw (its fingerprint). */
  async trust(fingerprint: string): Promise<boolean> {
    const offered = this.offeredHostKey;
    if (!offered || offered.fingerprint !== fingerprint) return false;
    await this.options.hostKeys.pin(offered.host, offered.port, offered.blob);
    this.offeredHostKey = undefined;
    return true;
  }

  /**
   * Decrypts the key file `path` with `passphrase` (in memory, on this side) and keeps the key for
   * every later login of this process, as ssh-add would; only a file the last login skipped as
   * locked. Nothing else keeps the passphrase. Errors: sshKeyNotLocked (not such a file now, or one
   * that can no longer be read), sshKeyPassphraseWrong (the file stays locked; try again).
   */
  async unlock(path: string, passphrase: string): Promise<void> {
    const params = { key: path };
    const notLocked = () => new BerthError('CONFLICT', `${path} is not a key this engine's login is waiting to unlock.`, undefined, { reason: 'sshKeyNotLocked', params });
    if (!this.lockedKeys.includes(path)) throw notLocked();
    let file: Buffer;
    try {
      file = await readFile(path);
    } catch {
      // Gone (or no longer a file) since the login skipped it: the next login names what it needs now.
      this.lockedKeys = this.lockedKeys.filter((p) => p !== path);
      throw notLocked();
    }
    const { utils } = await loadSsh();
    // bcrypt_pbkdf in JavaScript, blocking: ~0.4 s for ssh-keygen's default 16 rounds, 3.3× OpenSSH (docs/PERFORMANCE.md).
    const key = utils.parseKey(file, passphrase);
    if (key instanceof Error) {
      throw new BerthError('INVALID_INPUT', `The passphrase does not unlock ${path}.`, undefined, { reason: 'sshKeyPassphraseWrong', params });
    }
    (this.options.unlockedKeys ?? unlockedKeys).set(path, file, key);
    this.lockedKeys = this.lockedKeys.filter((p) => p !== path);
  }

  close(): void {
    this.closed = true;
    void this.client?.then((c) => c.end(), () => undefined);
    this.client = undefined;
  }

  private connected(): Promise<Client> {
    if (this.closed) return Promise.reject(new Error('The SSH tunnel was closed.'));
    this.client ??= this.connect().catch((e: unknown) => {
      this.client = undefined;
      throw e;
    });
    return this.client;
  }

  private async connect(): Promise<Client> {
    const { Client, utils } = await loadSsh();
    const client = new Client();
    const { host, port } = this.target;
    const user = this.target.user ?? this.env.USER ?? userInfo().username;
    const { methods, locked } = this.authMethods(user, utils.parseKey);
    let refusal: Error | undefined;
    const hostVerifier = (key: Buffer, verify: (ok: boolean) => void) => {
      this.options.hostKeys.check(host, port, key).then(
        (check) => {
          refusal = this.refusalFor(check, key);
          verify(refusal === undefined);
        },
        (e: Error) => {
          refusal = e;
          verify(false);
        },
      );
    };
    await new Promise<void>((resolve, reject) => {
      client.once('ready', resolve);
      // `on`, not `once`: ssh2 may emit a second error ("Connection lost before handshake") after a refusal,
      // and an error with no listener would end the process.
      client.on('error', (e: Error & { level?: string }) => {
        if (refusal) return reject(refusal);
        if (e.level === 'client-authentication' && locked[0] !== undefined) {
          // What OpenSSH would prompt for: the first key it could not offer without a passphrase.
          this.lockedKeys = locked;
          const params = { user, host: `${host}:${port}`, key: locked[0] };
          return reject(
            new SshLinkError(`${user}@${host} refused every key Berth could offer; ${locked[0]} wants its passphrase.`, 'Unlock the key in Berth, or load it into ssh-agent (ssh-add).', { kind: 'sshKeyLocked', ...params }, {
              reason: 'sshKeyLocked',
              params,
            }),
          );
        }
        if (e.level === 'client-authentication') {
          return reject(
            new SshLinkError(`${user}@${host} refused every key Berth offered (ssh-agent and ~/.ssh keys).`, 'Add your public key to that user’s authorized_keys, or load the right key into ssh-agent.', { kind: 'sshAuthFailed', user, host: `${host}:${port}` }, {
              reason: 'sshAuthFailed',
              params: { user, host: `${host}:${port}` },
            }),
          );
        }
        reject(e);
      });
      client.once('close', () => reject(new Error('The SSH connection closed before it was ready.')));
      const config: ConnectConfig = {
        host,
        port,
        username: user,
        hostVerifier,
        authHandler: methods,
        readyTimeout: this.options.readyTimeoutMs ?? 15_000,
        keepaliveInterval: this.options.keepaliveIntervalMs ?? 5_000,
        keepaliveCountMax: 3,
      };
      client.connect(config);
      // Every API request is a few small packets: with Nagle's algorithm on, each waited for the
      // peer's delayed ACK (~40 ms a request, measured here).
      client.setNoDelay(true);
    });
    this.handshakes++;
    askForNoDelay(client);
    const channels = new Set<ClientChannel>();
    this.channels.set(client, channels);
    const current = this.client;
    const forget = () => {
      // The next request connects afresh; the engine connection's back-off paces the attempts.
      if (this.client && current === this.client) this.client = undefined;
      this.channels.delete(client);
      for (const channel of channels) channel.destroy();
      channels.clear();
      client.end();
    };
    client.on('close', forget);
    client.on('error', forget);
    return client;
  }

  private refusalFor(check: HostKeyCheck, blob: Buffer): Error | undefined {
    const { host, port } = this.target;
    const shown = { host: check.name, keyType: check.keyType, fingerprint: check.fingerprint };
    switch (check.kind) {
      case 'known':
        return undefined;
      case 'unknown':
        this.offeredHostKey = { host, port, blob, fingerprint: check.fingerprint };
        return new SshLinkError(`${check.name} is not a known host; its ${check.keyType} key is ${check.fingerprint}.`, 'Check that fingerprint on the host itself before you trust it.', { kind: 'sshHostKeyUnknown', ...shown }, {
          reason: 'sshHostKeyUnknown',
          params: shown,
        });
      case 'changed': {
        const params = { ...shown, knownFingerprint: check.knownFingerprint, file: check.file ?? '', line: check.line };
        return new SshLinkError(
          `${check.name} offered ${check.fingerprint}, but ${check.file}:${check.line} records ${check.knownFingerprint}: someone may be intercepting the connection.`,
          'If the host was reinstalled, remove the old line (ssh-keygen -R) and check the new key on the host itself.',
          { kind: 'sshHostKeyChanged', ...params },
          { reason: 'sshHostKeyChanged', params },
        );
      }
      case 'revoked': {
        const params = { ...shown, file: check.file ?? '', line: check.line };
        return new SshLinkError(`${check.name} offered ${check.fingerprint}, a key ${check.file}:${check.line} marks as revoked.`, undefined, { kind: 'sshHostKeyRevoked', ...params }, {
          reason: 'sshHostKeyRevoked',
          params,
        });
      }
    }
  }

  /**
   * ssh's order: the agent, then the identity files ~/.ssh/config names, then the usual key files;
   * a key file that wants a passphrase is offered once unlocked (`unlock`), and until then listed in `locked`.
   */
  private authMethods(username: string, parseKey: (file: Buffer) => ParsedKey | Error): { methods: NonNullable<ConnectConfig['authHandler']>; locked: string[] } {
    const methods: NonNullable<ConnectConfig['authHandler']> & unknown[] = [];
    const locked: string[] = [];
    if (this.env.SSH_AUTH_SOCK) methods.push({ type: 'agent', username, agent: this.env.SSH_AUTH_SOCK });
    const home = this.env.HOME ?? homedir();
    const files = [...(this.options.identityFiles ?? []), ...['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => join(home, '.ssh', f))];
    for (const file of new Set(files)) {
      let key: Buffer;
      try {
        key = readFileSync(file);
      } catch {
        continue;
      }
      const unlocked = (this.options.unlockedKeys ?? unlockedKeys).get(file, key);
      if (unlocked) {
        methods.push({ type: 'publickey', username, key: unlocked });
        continue;
      }
      const parsed = parseKey(key);
      // A file that is no key ssh2 reads is skipped, as ssh2 itself would skip it.
      if (parsed instanceof Error) {
        if (wantsPassphrase(parsed)) locked.push(file);
        continue;
      }
      methods.push({ type: 'publickey', username, key: parsed });
    }
    return { methods, locked };
  }
}

/**
 * OpenSSH's sshd turns Nagle's algorithm off on a connection only once a session asks for a
 * terminal (session.c: do_exec_pty → ssh_packet_set_interactive); until then a response dockerd
 * writes in two pieces (a log stream's headers, then its first line) waits for the client's delayed
 * ACK: ~40 ms a request, measured here. A terminal session running `true` — a command that does
 * nothing, as `docker -H ssh://` itself runs one per request — switches it off for the connection's
 * life. Best effort: an account that may not run commands only keeps the delay.
 */
function askForNoDelay(client: Client): void {
  try {
    client.exec('true', { pty: true }, (error, channel) => {
      if (error) return;
      channel.on('error', () => undefined);
      channel.stderr.resume();
      channel.resume();
    });
  } catch {
    // The connection closed already: the next one asks again.
  }
}

function forwardToSocket(client: Client, socketPath: string): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    client.openssh_forwardOutStreamLocal(socketPath, (error, channel) => (error ? reject(error) : resolve(channel)));
  });
}

/**
 * The remote docker CLI as the pipe to its engine. When it fails (no CLI there, or no engine at its
 * socket either), the request fails with both reasons rather than a bare "socket hang up".
 */
function dialStdio(client: Client, socketPath: string | undefined, forwardError: Error): Promise<ClientChannel> {
  // A socket the address names is the one to reach, not the remote CLI's default engine.
  const command = socketPath ? `docker -H ${shellQuote(`unix://${socketPath}`)} system dial-stdio` : 'docker system dial-stdio';
  return new Promise((resolve, reject) => {
    client.exec(command, (error, channel) => {
      if (error) return reject(error);
      // What the remote CLI says on stderr is not API bytes; kept (bounded) for the error below.
      let stderr = '';
      const fail = (why: string) =>
        (channel as unknown as Duplex).destroy(
          new Error(`The engine's socket ${socketPath ?? defaultRemoteSocket} could not be reached over SSH (${forwardError.message}; docker system dial-stdio: ${why}).`),
        );
      // Not a failure by itself: a login shell's startup files may print there too.
      channel.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < 2000) stderr += chunk.toString('utf8');
      });
      // sshd sends the end of the CLI's output before its exit status: an end passed on at once
      // would reach the HTTP client as a bare "socket hang up" before the exit below could say why.
      // So the end waits for the exit (or the channel's close, should no exit come).
      let exited = false;
      let endHeld = false;
      const readable = channel as unknown as { push(chunk: unknown, encoding?: BufferEncoding): boolean };
      const push = readable.push.bind(channel);
      readable.push = (chunk, encoding) => {
        if (chunk === null && !exited) {
          endHeld = true;
          return false;
        }
        return push(chunk, encoding);
      };
      const release = () => {
        if (endHeld) push(null);
        endHeld = false;
      };
      channel.once('close', () => {
        exited = true;
        release();
      });
      channel.once('exit', (code: number | null) => {
        exited = true;
        if (code !== 0 && code !== null) fail(stderr.trim().slice(0, 500) || `exit code ${code}`);
        else release();
      });
      resolve(withKill(channel));
    });
  });
}

/** One argument for the remote's POSIX shell, which is what runs an SSH exec request. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * Node's http client and Agent call a few net.Socket methods (setTimeout, setNoDelay, setKeepAlive,
 * ref, unref) on whatever createConnection gives them; a channel has none, and none of them means
 * anything for a channel (keepalive is the SSH connection's).
 */
function asSocket(channel: ClientChannel): Duplex {
  const socket = channel as unknown as Record<string, unknown>;
  for (const method of ['setTimeout', 'setNoDelay', 'setKeepAlive', 'ref', 'unref']) {
    if (typeof socket[method] !== 'function') socket[method] = () => channel;
  }
  // A channel's destroy() asks the server to close it and emits 'close' only when the server
  // answers, which sshd does not do while a process behind it still runs; and it drops the error it
  // was given. Node's http client waits for that 'close' to fail or end a request, so an aborted
  // request would hang for ever. Here destroy() reports the error at once and closes within a second.
  const emit = channel.emit.bind(channel);
  let closeEmitted = false;
  socket.emit = (event: string | symbol, ...args: unknown[]) => {
    if (event === 'close') {
      if (closeEmitted) return false;
      closeEmitted = true;
    }
    return emit(event, ...args);
  };
  const destroy = channel.destroy.bind(channel);
  let destroyed = false;
  socket.destroy = (error?: Error) => {
    if (destroyed) return channel;
    destroyed = true;
    destroy();
    if (error && channel.listenerCount('error') > 0) process.nextTick(() => channel.emit('error', error));
    setTimeout(() => channel.emit('close'), 1000).unref();
    return channel;
  };
  return channel;
}

/** A remote process behind a channel ends with it (OpenSSH honours signal requests since 7.9). */
function withKill(channel: ClientChannel): ClientChannel {
  const destroy = channel.destroy.bind(channel);
  (channel as unknown as { destroy: () => ClientChannel }).destroy = () => {
    try {
      channel.signal('KILL');
    } catch {
      // Already closed.
    }
    return destroy();
  };
  return channel;
}
