import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BerthError } from '../contract/errors.js';
import type { NativeEngineStatus, ProcessEnd } from '../contract/types.js';
import { Listeners, sleep } from '../shared/listeners.js';
import { withPatch } from '../shared/patch.js';
import { defaultBridge, ensureBridge, ensureOutboundNat, type BridgeConfig } from './bridge.js';
import { findExecutable, processAlive, tailFile } from './executables.js';
import { dockerInstallCommand } from './install-hint.js';
import { describeEnd, processEnd } from './process-end.js';
import { ensurePrivateDir, provenPid, UnsafeFolderError } from './private-dir.js';
import { unmountUnder } from './mounts.js';
import { RestartPolicy } from './restart-policy.js';
import { pingSocket } from './unix-ping.js';

export interface NativeDockerdOptions {
  /** Berth's data folder: the engine's data root and log live under `<dataDir>/engine`. */
  dataDir: string;
  /** Berth's runtime folder: the socket, pid file and exec root live under `<runtimeDir>/engine`. */
  runtimeDir: string;
  bridge?: BridgeConfig;
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
  restartBackoffMinMs?: number;
  restartBackoffMaxMs?: number;
  /** Defaults to whether Berth itself runs as root. */
  rootful?: boolean;
  env?: NodeJS.ProcessEnv;
}

const rootlessScriptPlaces = ['/usr/share/docker.io/contrib/dockerd-rootless.sh', '/usr/bin/dockerd-rootless.sh'];

/**
 * Berth's own dockerd on Linux: spawns it with its own data root, exec root, socket and log under
 * Berth's folders; watches it and restarts it with back-off when it dies or fails to start, until it
 * has died `maxRestartsInARow` times in a row (restart-policy.ts, the VM's policy too), then says it
 * gave up; stops it gracefully (its containers' data stays); resets by wiping only Berth's folders.
 */
export class NativeDockerd {
  readonly statusChanges = new Listeners<NativeEngineStatus>();
  private child: ChildProcess | undefined;
  private current: NativeEngineStatus;
  private wanted = false;
  private readonly restartPolicy: RestartPolicy;
  private restartAbort: AbortController | undefined;
  private readonly paths;
  private readonly options: Required<Omit<NativeDockerdOptions, 'env' | 'rootful'>> & { env: NodeJS.ProcessEnv; rootful: boolean };

  constructor(options: NativeDockerdOptions) {
    this.options = {
      bridge: defaultBridge,
      readyTimeoutMs: 30_000,
      stopTimeoutMs: 20_000,
      restartBackoffMinMs: 500,
      restartBackoffMaxMs: 15_000,
      env: process.env,
      rootful: typeof process.getuid === 'function' && process.getuid() === 0,
      ...options,
    };
    this.restartPolicy = new RestartPolicy({ minMs: this.options.restartBackoffMinMs, maxMs: this.options.restartBackoffMaxMs });
    const engineData = join(options.dataDir, 'engine');
    const engineRuntime = join(options.runtimeDir, 'engine');
    this.paths = {
      engineData,
      engineRuntime,
      dataRoot: join(engineData, 'data'),
      logFile: join(engineData, 'dockerd.log'),
      execRoot: join(engineRuntime, 'exec'),
      socket: join(engineRuntime, 'docker.sock'),
      pidFile: join(engineRuntime, 'dockerd.pid'),
    };
    this.current = {
      state: 'stopped',
      mode: this.options.rootful ? 'rootful' : 'rootless',
      url: `unix://${this.paths.socket}`,
      dataRoot: this.paths.dataRoot,
      logFile: this.paths.logFile,
      restarts: 0,
    };
  }

  get status(): NativeEngineStatus {
    return this.current;
  }

  get url(): string {
    return this.current.url;
  }

  /** Starts the engine (or adopts Berth's dockerd still running from before) and keeps it running until stop(). */
  async start(): Promise<NativeEngineStatus> {
    this.wanted = true;
    this.restartAbort?.abort();
    // A person asking for a start gets the full number of automatic restarts again.
    this.restartPolicy.reset();
    if (this.current.state === 'running' || this.current.state === 'starting') return this.current;
    await this.launch();
    return this.current;
  }

  async stop(): Promise<NativeEngineStatus> {
    this.wanted = false;
    this.restartAbort?.abort();
    const pid = this.child?.pid ?? (await this.adoptedPid());
    if (pid === undefined || !processAlive(pid)) {
      this.update({ state: 'stopped', pid: undefined, retryInMs: undefined });
      return this.current;
    }
    this.update({ state: 'stopping', retryInMs: undefined });
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + this.options.stopTimeoutMs;
    while (processAlive(pid) && Date.now() < deadline) await sleep(100);
    if (processAlive(pid)) process.kill(pid, 'SIGKILL');
    while (processAlive(pid)) await sleep(50);
    this.child = undefined;
    this.update({ state: 'stopped', pid: undefined });
    return this.current;
  }

  async restart(): Promise<NativeEngineStatus> {
    await this.stop();
    return this.start();
  }

  /** Stops the engine and deletes Berth's engine folders: its images, containers and volumes. Nothing else. */
  async reset(): Promise<NativeEngineStatus> {
    await this.stop();
    await unmountUnder(this.paths.engineRuntime);
    await unmountUnder(this.paths.engineData);
    await rm(this.paths.engineData, { recursive: true, force: true });
    await rm(this.paths.engineRuntime, { recursive: true, force: true });
    this.update({ restarts: 0, lastExit: undefined, outboundNatFailed: undefined, error: undefined, readyInMs: undefined });
    return this.current;
  }

  /** The end of dockerd's log, for the Engine view. */
  readLog(maxBytes = 64 * 1024): Promise<string> {
    return tailFile(this.paths.logFile, maxBytes);
  }

  private update(patch: Partial<NativeEngineStatus>): void {
    this.current = withPatch(this.current, patch);
    this.statusChanges.emit(this.current);
  }

  /** The dockerd named in our pid file, only when it is provably ours (started with this pid file). */
  private adoptedPid(): Promise<number | undefined> {
    return provenPid(this.paths.pidFile, this.paths.pidFile);
  }

  private async launch(): Promise<void> {
    this.update({ state: this.current.state === 'restarting' ? 'restarting' : 'starting', retryInMs: undefined });
    this.restartPolicy.started();
    try {
      // Sockets and pid files are trusted only in folders no one else can write to.
      await ensurePrivateDir(this.options.runtimeDir);
      await ensurePrivateDir(this.paths.engineRuntime);
      if (await pingSocket(this.paths.socket)) {
        // Berth's own dockerd from an earlier run is still answering: adopt it rather than fight it.
        this.update({ state: 'running', pid: await this.adoptedPid(), readyInMs: 0 });
        this.watchAdopted();
        return;
      }
      const command = await this.command();
      await this.stopOrphanedContainerd();
      await mkdir(this.paths.dataRoot, { recursive: true });
      await mkdir(this.paths.execRoot, { recursive: true });
      let natProblem: string | undefined;
      if (this.options.rootful) {
        await ensureBridge(this.options.bridge);
        natProblem = await ensureOutboundNat(this.options.bridge);
      }
      const began = performance.now();
      const log = openSync(this.paths.logFile, 'a');
      let child: ChildProcess;
      try {
        child = spawn(command[0]!, command.slice(1), {
          stdio: ['ignore', log, log],
          env: this.options.env,
          detached: false,
        });
      } finally {
        closeSync(log);
      }
      this.child = child;
      const exited = new Promise<ProcessEnd>((resolve) => {
        child.once('error', (e) => resolve(processEnd('dockerd', null, null, e.message)));
        child.once('exit', (code, signal) => resolve(processEnd('dockerd', code, signal)));
      });
      void exited.then((how) => this.onExit(child, how));
      const ready = await this.waitReady(exited);
      if (!ready) {
        const tail = (await this.readLog(2000)).trim().split('\n').slice(-3).join(' ');
        throw new BerthError('ENGINE_UNAVAILABLE', `Berth's engine did not start: ${tail || 'no log output'}`, `See the full log in ${this.paths.logFile}.`, {
          reason: 'ownEngineDidNotStart',
          params: { logFile: this.paths.logFile },
          // dockerd's own last log lines.
          ...(tail ? { engineText: tail } : {}),
        });
      }
      this.update({
        state: 'running',
        error: undefined,
        pid: child.pid,
        readyInMs: Math.round(performance.now() - began),
        outboundNatFailed: natProblem,
      });
    } catch (e) {
      // Stopped while starting: that is what was asked for, not a failure.
      if (!this.wanted) return;
      const error =
        e instanceof BerthError
          ? e
          : new BerthError('ENGINE_ERROR', `Berth's engine could not start: ${(e as Error).message}`, undefined, { reason: 'ownEngineCouldNotStart', engineText: (e as Error).message });
      this.child?.kill('SIGKILL');
      this.child = undefined;
      // Retrying cannot install dockerd or fix a folder; anything else (a busy bridge, a slow disk) may pass.
      if (error instanceof MissingDockerdError || error instanceof UnsafeFolderError) this.update({ state: 'failed', error: error.toShape(), pid: undefined, retryInMs: undefined });
      else this.died(error.message, error);
    }
  }

  private async waitReady(exited: Promise<ProcessEnd>): Promise<boolean> {
    let gone = false;
    void exited.then(() => (gone = true));
    const deadline = Date.now() + this.options.readyTimeoutMs;
    while (!gone && Date.now() < deadline) {
      if (await pingSocket(this.paths.socket, 300)) return true;
      await sleep(50);
    }
    return false;
  }

  /**
   * A dockerd killed outright leaves its containerd running; the next dockerd finds it "still
   * running" yet cannot connect and waits for ever. It is Berth's own (it lives in Berth's exec root),
   * so stop it; the containers' shims survive and the new containerd picks them up again.
   */
  private async stopOrphanedContainerd(): Promise<void> {
    // Only a containerd started with our exec root (its config lives there), never a stranger that
    // inherited a stale pid. A pid file naming anything else (a stranger, or the dead containerd's
    // zombie, whose command line is empty) is stale: dockerd would take it for a running containerd
    // and wait for it, so it goes.
    const pidFile = join(this.paths.execRoot, 'containerd', 'containerd.pid');
    const pid = await provenPid(pidFile, this.paths.execRoot);
    if (pid === undefined) {
      await rm(pidFile, { force: true });
      return;
    }
    if (!processAlive(pid)) return;
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 3000;
    while (processAlive(pid) && Date.now() < deadline) await sleep(50);
    if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  }

  /** dockerd for root, with its own bridge and no iptables rules of its own; dockerd-rootless.sh otherwise. */
  private async command(): Promise<string[]> {
    const common = [
      '--data-root', this.paths.dataRoot,
      '--exec-root', this.paths.execRoot,
      '--pidfile', this.paths.pidFile,
      '-H', `unix://${this.paths.socket}`,
    ];
    if (this.options.rootful) {
      const dockerd = await findExecutable('dockerd', this.options.env);
      if (!dockerd) throw missingDockerd();
      return [dockerd, ...common, '-b', this.options.bridge.name, '--iptables=false', '--ip-masq=false'];
    }
    const script =
      (await findExecutable('dockerd-rootless.sh', this.options.env)) ?? rootlessScriptPlaces.find((p) => existsSync(p));
    if (!script) throw missingDockerd();
    return [script, ...common];
  }

  private onExit(child: ChildProcess, end: ProcessEnd): void {
    if (this.child !== child) return;
    this.child = undefined;
    // Still starting: launch() saw the exit and decides; stopping: that was asked for.
    if (!this.wanted || this.current.state !== 'running') return;
    this.update({ lastExit: end, pid: undefined });
    this.died(describeEnd(end));
  }

  private watchAdopted(): void {
    const pid = this.current.pid;
    if (pid === undefined) return;
    const timer = setInterval(() => {
      if (this.current.pid !== pid || this.current.state !== 'running') return clearInterval(timer);
      if (!processAlive(pid)) {
        clearInterval(timer);
        if (this.wanted) {
          const end: ProcessEnd = { process: 'dockerd', wentAway: true };
          this.update({ lastExit: end, pid: undefined });
          this.died(describeEnd(end));
        }
      }
    }, 1000);
    timer.unref();
  }

  /**
   * The engine ended unasked (`how`), or a start failed (`error`): restart it after a growing wait,
   * or, when it keeps dying soon after each start, stop trying and say so.
   */
  private died(how: string, error?: BerthError): void {
    if (!this.wanted) return;
    const decision = this.restartPolicy.died();
    if (!decision.restart) {
      this.update({
        state: 'failed',
        pid: undefined,
        retryInMs: undefined,
        error: {
          code: 'ENGINE_UNAVAILABLE',
          message: `Berth's engine stopped ${decision.inARow + 1} times in a row soon after starting (last: ${how}); Berth stopped restarting it.`,
          hint: `See its log (${this.paths.logFile}). Start tries again; its images, containers and volumes are kept.`,
          reason: 'ownEngineGaveUp',
          params: { times: decision.inARow + 1, logFile: this.paths.logFile },
          // How dockerd ended, or what the last failed start quoted (never a sentence of Berth's own).
          ...(error ? (error.engineText ? { engineText: error.engineText } : {}) : { engineText: how }),
        },
      });
      return;
    }
    const retryInMs = decision.retryInMs;
    this.update({ state: 'restarting', pid: undefined, retryInMs, restarts: this.current.restarts + 1, ...(error ? { error: error.toShape() } : {}) });
    const abort = new AbortController();
    this.restartAbort = abort;
    void sleep(retryInMs, abort.signal).then(async () => {
      if (abort.signal.aborted || !this.wanted) return;
      await this.launch();
    });
  }
}

class MissingDockerdError extends BerthError {}

function missingDockerd(): BerthError {
  return new MissingDockerdError(
    'ENGINE_UNAVAILABLE',
    'dockerd is not installed, so Berth cannot run its own engine.',
    `Install it with: ${dockerInstallCommand()}`,
    { reason: 'dockerdMissing', params: { command: dockerInstallCommand() } },
  );
}
