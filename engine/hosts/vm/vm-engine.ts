import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { BerthError } from '../../contract/errors.js';
import type { ProcessEnd, VmEngineStatus, VmSettings } from '../../contract/types.js';
import { backoffDelay, Listeners, sleep } from '../../shared/listeners.js';
import { withPatch } from '../../shared/patch.js';
import { findExecutable, processAlive, tailFile } from '../executables.js';
import type { SettingsFile } from '../settings.js';
import { ensurePrivateDir } from '../private-dir.js';
import { pingSocket } from '../unix-ping.js';
import { describeEnd, processEnd } from '../process-end.js';
import { chooseAccelerator } from './accelerator.js';
import { removeDockerContext, vmContextName, writeDockerContext } from './docker-context.js';
import { GuestLink, loadSsh } from './guest-link.js';
import { createOverlay, growOverlay, overlaySizeGiB, readGuestImage, verifyGuestImage, type GuestImage } from './guest-image.js';
import { PortForwards } from './port-forwards.js';
import { hostAddresses, qemuArguments, qemuBinaryName } from './qemu-command.js';
import { askGuestToPowerOff, qmp } from './qmp.js';
import { RestartPolicy } from '../restart-policy.js';
import { readAnnouncements } from './serial-console.js';
import { vmSettingsProblem, defaultVmSettings } from './vm-settings.js';
import { logFor } from '../../shared/log.js';

const log = logFor('vm');

export interface VmEngineOptions {
  /** Berth's data folder: the VM's disk, keys and logs live under `<dataDir>/vm`. */
  dataDir: string;
  /** Berth's runtime folder: the forwarded Docker socket and QEMU's control socket. */
  runtimeDir: string;
  /** The guest image folder (build-image.sh output). */
  imageDir: string;
  settings: SettingsFile;
  /** Host ports on 127.0.0.1 the guest may reach as its own localhost (e.g. a registry). */
  hostPorts?: number[];
  /** dockerd in the guest with iptables (outbound NAT for containers); off boots faster. */
  iptables?: boolean;
  bootTimeoutMs?: number;
  stopTimeoutMs?: number;
  /** First wait before restarting a VM whose QEMU died; doubles each time in a row. */
  restartBackoffMinMs?: number;
  restartBackoffMaxMs?: number;
  env?: NodeJS.ProcessEnv;
}

const guestDockerSocket = '/var/run/docker.sock';

/**
 * Berth's virtual machine engine: a Linux guest running dockerd under QEMU (the fastest accelerator
 * that really works, else emulation), its disk a copy-on-write overlay on a checked base image,
 * reached over one SSH connection with a key Berth made and the host key the guest announced on
 * first boot. The guest's Docker socket is served on a host socket (with a docker CLI context), and
 * ports its containers publish appear on the host's 127.0.0.1 while they run.
 */
export class VmEngine {
  readonly statusChanges = new Listeners<VmEngineStatus>();
  private current: VmEngineStatus;
  private qemu: ChildProcess | undefined;
  private link: GuestLink | undefined;
  private ports: PortForwards | undefined;
  private starting: Promise<VmEngineStatus> | undefined;
  private wanted = false;
  private readonly restartPolicy: RestartPolicy;
  private pendingRestart: AbortController | undefined;
  private readonly paths;
  private readonly options: Required<Omit<VmEngineOptions, 'hostPorts'>> & { hostPorts: number[] };

  constructor(options: VmEngineOptions) {
    this.options = {
      hostPorts: [],
      iptables: true,
      bootTimeoutMs: 240_000,
      stopTimeoutMs: 30_000,
      restartBackoffMinMs: 2_000,
      restartBackoffMaxMs: 30_000,
      env: process.env,
      ...options,
    };
    this.restartPolicy = new RestartPolicy({ minMs: this.options.restartBackoffMinMs, maxMs: this.options.restartBackoffMaxMs });
    const data = join(options.dataDir, 'vm');
    const runtime = join(options.runtimeDir, 'vm');
    this.paths = {
      data,
      runtime,
      overlay: join(data, 'disk.qcow2'),
      overlayBase: join(data, 'disk-base.json'),
      privateKey: join(data, 'ssh', 'id_ed25519'),
      hostKey: join(data, 'ssh', 'host_key'),
      acceleratorCache: join(data, 'accelerator.json'),
      verifiedStamps: join(data, 'image-verified.json'),
      serialLog: join(data, 'serial.log'),
      qemuLog: join(data, 'qemu.log'),
      dockerSocket: join(runtime, 'docker.sock'),
      qmpSocket: join(runtime, 'qmp.sock'),
      pidFile: join(runtime, 'qemu.pid'),
    };
    this.current = {
      state: 'stopped',
      url: `unix://${this.paths.dockerSocket}`,
      contextName: vmContextName,
      settings: defaultVmSettings(),
      restarts: 0,
      forwardedPorts: [],
      portProblems: [],
      imageDir: options.imageDir,
      diskFile: this.paths.overlay,
      serialLog: this.paths.serialLog,
    };
  }

  get status(): VmEngineStatus {
    return this.current;
  }

  get url(): string {
    return this.current.url;
  }

  /** Reads the saved settings and whether QEMU and a guest image are here; run once before showing the status. */
  async refresh(): Promise<VmEngineStatus> {
    const settings = { ...defaultVmSettings(), ...(await this.options.settings.read()).vm };
    const unavailable = await this.unavailability();
    const state = this.current.state === 'unavailable' || this.current.state === 'stopped' ? (unavailable ? 'unavailable' : 'stopped') : this.current.state;
    this.update({ settings, state, unavailable: unavailable?.toShape() });
    return this.current;
  }

  start(): Promise<VmEngineStatus> {
    this.wanted = true;
    this.cancelPendingRestart();
    // A person asking for a start gets the full number of automatic restarts again.
    this.restartPolicy.reset();
    if (this.current.state === 'running') return Promise.resolve(this.current);
    this.starting ??= this.boot().finally(() => (this.starting = undefined));
    return this.starting;
  }

  async stop(): Promise<VmEngineStatus> {
    this.wanted = false;
    this.cancelPendingRestart();
    await this.starting?.catch(() => undefined);
    const qemu = this.qemu;
    if (!qemu || qemu.exitCode !== null) {
      await this.disconnect();
      this.update({ state: 'stopped', stage: undefined, runningSettings: undefined, retryInMs: undefined });
      return this.current;
    }
    this.update({ state: 'stopping', stage: undefined });
    await this.ports?.stop();
    const exited = new Promise<void>((resolve) => (qemu.exitCode !== null ? resolve() : qemu.once('exit', () => resolve())));
    // Ctrl-Alt-Delete asks the guest to stop dockerd (its containers stop cleanly) and power off.
    await askGuestToPowerOff(this.paths.qmpSocket).catch(log.fallback('asking the VM to power off', undefined));
    const clean = await Promise.race([exited.then(() => true), sleep(this.options.stopTimeoutMs).then(() => false)]);
    if (!clean) {
      await qmp(this.paths.qmpSocket, [{ execute: 'quit' }]).catch(() => qemu.kill('SIGKILL'));
      await exited;
    }
    await this.disconnect();
    this.update({ state: 'stopped', stage: undefined, runningSettings: undefined, forwardedPorts: [], portProblems: [] });
    return this.current;
  }

  async restart(): Promise<VmEngineStatus> {
    await this.stop();
    return this.start();
  }

  /** Stops the VM and deletes its disk (images, containers, volumes), keys and logs. The base image stays. */
  async reset(): Promise<VmEngineStatus> {
    await this.stop();
    await rm(this.paths.data, { recursive: true, force: true });
    await rm(this.paths.runtime, { recursive: true, force: true });
    await removeDockerContext(this.options.env);
    this.update({ error: undefined, bootMs: undefined, accelerator: undefined, acceleratorNote: undefined });
    return this.refresh();
  }

  /** Saves CPUs, memory and disk size; they apply at the next start. The disk can only grow. */
  async configure(settings: VmSettings): Promise<VmEngineStatus> {
    const currentDisk = existsSync(this.paths.overlay) ? await this.overlaySize() : undefined;
    const problem = vmSettingsProblem(settings, { cpus: cpus().length, memoryMiB: Math.floor(totalmem() / 2 ** 20), currentDiskGiB: currentDisk });
    if (problem) throw new BerthError('INVALID_INPUT', problem.message, problem.hint, { reason: problem.reason, params: problem.params });
    await this.options.settings.update({ vm: settings });
    this.update({ settings });
    return this.current;
  }

  /** QEMU's and the guest console's output, for the Engine view. */
  async readLog(maxBytes = 64 * 1024): Promise<string> {
    const [serial, qemu] = await Promise.all([tailFile(this.paths.serialLog, maxBytes), tailFile(this.paths.qemuLog, 4096)]);
    return [serial, qemu && `--- QEMU ---\n${qemu}`].filter(Boolean).join('\n');
  }

  private update(patch: Partial<VmEngineStatus>): void {
    this.current = withPatch(this.current, patch);
    this.statusChanges.emit(this.current);
  }

  private async unavailability(): Promise<BerthError | undefined> {
    if (process.arch !== 'x64') {
      // The guest image builder and QEMU's arguments are x86-64 only so far (no arm64 kernel, no -machine virt).
      return new BerthError(
        'ENGINE_UNAVAILABLE',
        `Berth's virtual machine runs on x86-64 computers only so far; this one is ${process.arch}.`,
        'Use another engine Berth finds (Docker Desktop, Colima, Podman, or a dockerd of your own).',
        { reason: 'vmArchUnsupported', params: { arch: process.arch } },
      );
    }
    if (!(await this.qemuBinaries())) {
      return new BerthError('ENGINE_UNAVAILABLE', 'QEMU is not installed, so Berth cannot run its virtual machine.', `Install it with: ${qemuInstallCommand()}`, {
        reason: 'qemuMissing',
        params: { command: qemuInstallCommand() },
      });
    }
    try {
      await readGuestImage(this.options.imageDir);
      return undefined;
    } catch (e) {
      return e as BerthError;
    }
  }

  private async qemuBinaries(): Promise<{ qemu: string; qemuImg: string } | undefined> {
    const qemu = await findExecutable(qemuBinaryName(), this.options.env);
    const qemuImg = await findExecutable('qemu-img', this.options.env);
    return qemu && qemuImg ? { qemu, qemuImg } : undefined;
  }

  private async boot(): Promise<VmEngineStatus> {
    const began = performance.now();
    const unavailable = await this.unavailability();
    const binaries = await this.qemuBinaries();
    if (unavailable || !binaries) {
      // Nothing to retry until QEMU or an image is installed: say what is missing, not "failed".
      this.update({ state: 'unavailable', stage: undefined, unavailable: unavailable?.toShape() });
      return this.current;
    }
    this.update({ state: 'starting', stage: 'preparing', error: undefined, unavailable: undefined, bootMs: undefined, bootStartedAt: Date.now(), forwardedPorts: [], portProblems: [] });
    try {
      const image = await readGuestImage(this.options.imageDir);
      await mkdir(join(this.paths.data, 'ssh'), { recursive: true, mode: 0o700 });
      // The forwarded Docker socket and QEMU's control socket go only where no one else can write.
      await ensurePrivateDir(this.options.runtimeDir);
      await ensurePrivateDir(this.paths.runtime);
      await this.stopLeftover();
      await verifyGuestImage(image, this.paths.verifiedStamps);
      const settings = { ...defaultVmSettings(), ...(await this.options.settings.read()).vm };
      await this.prepareDisk(binaries.qemuImg, image, settings.diskGiB);
      const publicKey = await this.clientKey();

      this.update({ stage: 'accelerator', settings, runningSettings: settings });
      const accelerator = await chooseAccelerator({ qemu: binaries.qemu, kernel: image.kernel, initrd: image.initrd, cacheFile: this.paths.acceleratorCache });
      this.update({ stage: 'kernel', accelerator: accelerator.accelerator, acceleratorNote: accelerator.note });

      const sshPort = await freeLoopbackPort();
      const args = qemuArguments({
        accelerator: accelerator.accelerator,
        settings,
        kernel: image.kernel,
        initrd: image.initrd,
        overlay: this.paths.overlay,
        sshPort,
        publicKey,
        serialLog: this.paths.serialLog,
        qmpSocket: this.paths.qmpSocket,
        pidFile: this.paths.pidFile,
        iptables: this.options.iptables,
        hostAddresses: hostAddresses(),
      });
      const { exited } = await this.launch(binaries.qemu, args);
      const hostKey = await this.followBoot(exited);
      this.update({ stage: 'connecting' });
      await this.connect(sshPort, hostKey, exited);
      this.update({ state: 'running', stage: 'ready', bootMs: Math.round(performance.now() - began) });
      this.restartPolicy.started();
      const qemu = this.qemu;
      void exited.then((how) => this.onQemuExit(qemu, how));
      return this.current;
    } catch (e) {
      this.qemu?.kill('SIGKILL');
      await this.disconnect();
      if (!this.wanted) {
        this.update({ state: 'stopped', stage: undefined });
        return this.current;
      }
      const error =
        e instanceof BerthError
          ? e
          : new BerthError('ENGINE_ERROR', `Berth's virtual machine could not start: ${(e as Error).message}`, undefined, { reason: 'vmCouldNotStart', engineText: (e as Error).message });
      this.update({ state: 'failed', stage: undefined, runningSettings: undefined, error: error.toShape() });
      return this.current;
    }
  }

  /** Starts QEMU; `exited` resolves with how it ended, whenever that is. */
  private async launch(qemu: string, args: string[]): Promise<{ exited: Promise<ProcessEnd> }> {
    // Each boot gets a fresh console log, so an earlier boot's "ready" is never mistaken for this one's;
    // the previous log stays beside it for diagnosis.
    await rename(this.paths.serialLog, `${this.paths.serialLog}.previous`).catch(log.fallback('keeping the previous serial log', undefined));
    const child = spawn(qemu, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.qemu = child;
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString('utf8')).slice(-4000)));
    const exited = new Promise<ProcessEnd>((resolve) => {
      child.once('error', (e) => resolve(processEnd('QEMU', null, null, e.message)));
      child.once('exit', (code, signal) => {
        void writeFile(this.paths.qemuLog, errors).catch(log.fallback('writing QEMU’s log', undefined));
        const firstError = errors.trim().split('\n')[0]?.replace(/^qemu-system-\w+: /, '');
        resolve(processEnd('QEMU', code, signal, firstError));
      });
    });
    return { exited };
  }

  /** Follows the serial console until the guest's dockerd answers inside it; returns the pinned host key. */
  private async followBoot(exited: Promise<ProcessEnd>): Promise<string> {
    let gone: string | undefined;
    void exited.then((end) => (gone = end.said ?? describeEnd(end)));
    const deadline = Date.now() + this.options.bootTimeoutMs;
    while (Date.now() < deadline) {
      if (!this.wanted) throw new BerthError('ENGINE_UNAVAILABLE', 'Stopped while starting.', undefined, { reason: 'vmStoppedWhileStarting' });
      const said = readAnnouncements(await readFile(this.paths.serialLog, 'utf8').catch(() => ''));
      // What the guest or QEMU said is quoted beside Berth's words.
      const log = { log: this.paths.serialLog };
      if (gone !== undefined) {
        throw new BerthError('ENGINE_UNAVAILABLE', `The virtual machine stopped while booting: ${said.error ?? gone}.`, `See the VM's log (${this.paths.serialLog}).`, {
          reason: 'vmStoppedBooting',
          params: log,
          engineText: said.error ?? gone,
        });
      }
      if (said.error) {
        throw new BerthError('ENGINE_UNAVAILABLE', `The virtual machine's engine failed: ${said.error}.`, `See the VM's log (${this.paths.serialLog}).`, {
          reason: 'vmEngineFailed',
          params: log,
          engineText: said.error,
        });
      }
      if (said.stage && said.stage !== this.current.stage) this.update({ stage: said.stage });
      if (said.stage === 'ready') {
        if (!said.hostKey) {
          throw new BerthError('ENGINE_ERROR', 'The virtual machine did not announce its SSH host key.', 'Reset the VM to give it a fresh disk.', { reason: 'vmNoHostKey' });
        }
        return this.pinHostKey(said.hostKey);
      }
      await sleep(100);
    }
    throw new BerthError(
      'ENGINE_UNAVAILABLE',
      `The virtual machine did not finish booting within ${Math.round(this.options.bootTimeoutMs / 1000)} s (last stage: ${this.current.stage}).`,
      `See the VM's log (${this.paths.serialLog}).`,
      {
        reason: 'vmBootTimeout',
        params: { seconds: Math.round(this.options.bootTimeoutMs / 1000), stage: this.current.stage ?? '', log: this.paths.serialLog },
      },
    );
  }

  /** Trust on first boot through the serial console (only Berth reads it); afterwards only that key. */
  private async pinHostKey(announced: string): Promise<string> {
    const pinned = (await readFile(this.paths.hostKey, 'utf8').catch(log.fallback('reading the pinned host key', ''))).trim();
    if (!pinned) {
      await writeFile(this.paths.hostKey, `${announced}\n`, { mode: 0o600 });
      return announced;
    }
    if (pinned !== announced) {
      throw new BerthError(
        'ENGINE_ERROR',
        'The virtual machine presented a different SSH host key than the one Berth pinned.',
        'If you did not change its disk yourself, something else did. Reset the VM to start over with a fresh disk.',
        { reason: 'vmHostKeyChanged' },
      );
    }
    return pinned;
  }

  private async connect(sshPort: number, hostKey: string, exited: Promise<ProcessEnd>): Promise<void> {
    const privateKey = await readFile(this.paths.privateKey, 'utf8');
    let gone = false;
    void exited.then(() => (gone = true));
    let attempt = 0;
    for (;;) {
      try {
        this.link = await GuestLink.connect({ port: sshPort, privateKey, hostKey });
        break;
      } catch (e) {
        // sshd announced itself moments ago; give it a few tries before calling it a failure.
        if (++attempt >= 5 || !this.wanted || gone) {
          throw new BerthError('ENGINE_UNAVAILABLE', `Berth could not reach the virtual machine over SSH: ${(e as Error).message}.`, undefined, {
            reason: 'vmSshUnreachable',
            engineText: (e as Error).message,
          });
        }
        await sleep(backoffDelay(attempt, 200, 2000));
      }
    }
    const link = this.link;
    await link.forwardSocket(this.paths.dockerSocket, guestDockerSocket);
    await chmod(this.paths.dockerSocket, 0o600);
    if (!(await pingSocket(this.paths.dockerSocket, 10_000))) {
      throw new BerthError('ENGINE_UNAVAILABLE', 'The virtual machine’s Docker API did not answer through the SSH link.', undefined, { reason: 'vmDockerSilent' });
    }
    for (const port of this.options.hostPorts) await link.reversePort(port);
    await writeDockerContext(this.paths.dockerSocket, this.options.env);
    this.ports = new PortForwards(link, this.paths.dockerSocket, (forwardedPorts, portProblems) => this.update({ forwardedPorts, portProblems }));
    this.ports.start();
    link.closed.add((why) => {
      if (this.link === link && this.current.state === 'running' && this.wanted) void this.relink(sshPort, hostKey, exited, why);
    });
  }

  /** The SSH link dropped while the VM still runs: connect again, with back-off. */
  private async relink(sshPort: number, hostKey: string, exited: Promise<ProcessEnd>, why: string): Promise<void> {
    // A link drops first when QEMU dies; that is onQemuExit's to handle. Give the exit a moment to show.
    let gone = false;
    void exited.then(() => (gone = true));
    await sleep(1000);
    if (gone) return;
    await this.ports?.stop();
    this.ports = undefined;
    this.update({
      state: 'starting',
      stage: 'connecting',
      error: { code: 'ENGINE_UNAVAILABLE', message: `The SSH link to the VM dropped (${why}); reconnecting.`, reason: 'vmLinkDropped', engineText: why },
    });
    try {
      await this.connect(sshPort, hostKey, exited);
      this.update({ state: 'running', stage: 'ready', error: undefined });
    } catch (e) {
      if (gone) return;
      // A VM Berth cannot reach is of no use and would hold its disk: stop it, then say why.
      const error = e instanceof BerthError ? e : new BerthError('ENGINE_ERROR', (e as Error).message, undefined, { reason: 'vmLinkFailed', engineText: (e as Error).message });
      await this.stop();
      this.update({ state: 'failed', error: error.toShape() });
    }
  }

  /**
   * QEMU ended while the VM was wanted: restart it with back-off, unless it keeps dying. Decided at
   * once, for this QEMU only: a stop (or a restart's stop) clears `wanted` before QEMU ends, and a
   * QEMU that is no longer the current one is not this handler's to mourn.
   */
  private async onQemuExit(qemu: ChildProcess | undefined, end: ProcessEnd): Promise<void> {
    if (qemu !== this.qemu || !this.wanted || this.current.state === 'stopping' || this.current.state === 'stopped') return;
    await this.disconnect();
    const decision = this.restartPolicy.died();
    const how = end.said ?? describeEnd(end);
    const gone = { stage: undefined, runningSettings: undefined, forwardedPorts: [], portProblems: [], lastExit: end };
    if (!decision.restart) {
      this.update({
        ...gone,
        state: 'failed',
        error: {
          code: 'ENGINE_UNAVAILABLE',
          message: `The virtual machine stopped unexpectedly ${decision.inARow + 1} times in a row (last: ${how}); Berth stopped restarting it.`,
          hint: 'See its log (Log). Start tries again; its disk and containers are kept.',
          reason: 'vmGaveUp',
          params: { times: decision.inARow + 1 },
          engineText: how,
        },
      });
      return;
    }
    const retryInMs = decision.retryInMs;
    this.update({
      ...gone,
      state: 'restarting',
      retryInMs,
      restarts: this.current.restarts + 1,
      error: {
        code: 'ENGINE_UNAVAILABLE',
        message: `The virtual machine stopped unexpectedly (${how}); Berth is restarting it.`,
        hint: 'Its disk and containers are kept.',
        reason: 'vmRestarting',
        engineText: how,
      },
    });
    const pending = new AbortController();
    this.pendingRestart = pending;
    await sleep(retryInMs, pending.signal);
    if (pending.signal.aborted || !this.wanted) return;
    this.pendingRestart = undefined;
    this.update({ retryInMs: undefined });
    this.starting ??= this.boot().finally(() => (this.starting = undefined));
  }

  private cancelPendingRestart(): void {
    if (!this.pendingRestart) return;
    this.pendingRestart.abort();
    this.pendingRestart = undefined;
    this.update({ retryInMs: undefined });
  }

  private async disconnect(): Promise<void> {
    await this.ports?.stop();
    this.ports = undefined;
    const link = this.link;
    this.link = undefined;
    await link?.close();
    await rm(this.paths.dockerSocket, { force: true });
    this.qemu = undefined;
  }

  /** A QEMU of Berth's left from a run that did not stop cleanly holds the disk's lock: end it. */
  private async stopLeftover(): Promise<void> {
    const pid = Number((await readFile(this.paths.pidFile, 'utf8').catch(() => '')).trim());
    if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return;
    // The pid file may be stale and its number reused: end the process only when it is surely ours —
    // its command line names our disk (Linux), or it answers on our QMP socket (elsewhere).
    if (process.platform === 'linux') {
      const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
      if (!command.includes(this.paths.overlay)) return;
      await askGuestToPowerOff(this.paths.qmpSocket).catch(log.fallback('asking a left-over VM to power off', undefined));
    } else {
      const answered = await askGuestToPowerOff(this.paths.qmpSocket).then(
        () => true,
        () => false,
      );
      if (!answered) return;
    }
    const deadline = Date.now() + this.options.stopTimeoutMs;
    while (processAlive(pid) && Date.now() < deadline) await sleep(200);
    if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  }

  /** The VM's own overlay on the base: made on first start, grown when the disk setting grew. */
  private async prepareDisk(qemuImg: string, image: GuestImage, sizeGiB: number): Promise<void> {
    if (existsSync(this.paths.overlay)) {
      const base = JSON.parse(await readFile(this.paths.overlayBase, 'utf8').catch(log.fallback('reading the disk’s base record', '{}'))) as { sha256?: string };
      if (base.sha256 && base.sha256 !== image.diskSha256) {
        throw new BerthError(
          'ENGINE_UNAVAILABLE',
          'The guest image changed since this VM’s disk was made on it.',
          'Reset the VM to start from the new image (its images, containers and volumes are deleted), or restore the old image.',
          { reason: 'vmImageChanged' },
        );
      }
      if ((await this.overlaySize()) < sizeGiB) await growOverlay(qemuImg, this.paths.overlay, sizeGiB);
      return;
    }
    await createOverlay(qemuImg, image.disk, this.paths.overlay, sizeGiB);
    await writeFile(this.paths.overlayBase, JSON.stringify({ sha256: image.diskSha256, base: image.disk }));
  }

  private async overlaySize(): Promise<number> {
    const binaries = await this.qemuBinaries();
    return binaries ? overlaySizeGiB(binaries.qemuImg, this.paths.overlay) : 0;
  }

  /** Berth's own SSH key for its guest, made once; the private half never leaves this folder. */
  private async clientKey(): Promise<string> {
    const publicPath = `${this.paths.privateKey}.pub`;
    const existing = await readFile(publicPath, 'utf8').catch(log.fallback('reading the VM’s public key', ''));
    if (existing && existsSync(this.paths.privateKey)) return existing.trim();
    const { utils } = await loadSsh();
    const pair = utils.generateKeyPairSync('ed25519', { comment: 'berth' });
    await writeFile(this.paths.privateKey, pair.private, { mode: 0o600 });
    await writeFile(publicPath, `${pair.public}\n`, { mode: 0o644 });
    return pair.public.trim();
  }
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function qemuInstallCommand(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'brew install qemu';
  if (platform === 'win32') return 'winget install SoftwareFreedomConservancy.QEMU';
  return 'sudo apt-get install qemu-system-x86 qemu-utils';
}
