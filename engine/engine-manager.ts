import { BerthError } from './contract/errors.js';
import type { ConnectionApi, EngineApi, EnginesApi, NativeEngineApi, VmEngineApi } from './contract/service.js';
import type { CrashAlerts, EngineChanges, EngineChoice, EngineEndpoint, EngineStatus } from './contract/types.js';
import type { ConnectionTimings } from './docker/connection.js';
import { needsPlainTcpConsent, usesTls } from './contract/engine-address.js';
import { endpointId } from './hosts/detect.js';
import { catalogEndpoints, choiceKey, findChoice } from './hosts/engine-catalog.js';
import { SavedEngines } from './hosts/saved-engines.js';
import { NativeDockerd, type NativeDockerdOptions } from './hosts/native-dockerd.js';
import { berthPaths } from './hosts/paths.js';
import { SettingsFile } from './hosts/settings.js';
import { VmEngine, type VmEngineOptions } from './hosts/vm/vm-engine.js';
import { Listeners } from './shared/listeners.js';
import { logFor } from './shared/log.js';
import { connectEngine, defaultEndpoint, firstAnswering, probe, type EngineHostOptions, type OpenEngine } from './runtime.js';
import { sweepStaleEngineFolders } from './compose/engine-folders.js';

export interface EngineManagerOptions {
  /** An engine URL that overrides everything (BERTH_ENGINE); not remembered. */
  engineUrl?: string;
  dataDir?: string;
  runtimeDir?: string;
  timings?: Partial<ConnectionTimings>;
  native?: Partial<NativeDockerdOptions>;
  vm?: Partial<VmEngineOptions>;
  /** HOME (key files, known_hosts) and SSH_AUTH_SOCK for ssh:// engines; process.env by default (tests give a HOME of their own). */
  env?: NodeJS.ProcessEnv;
}

const log = logFor('engines');
const berthEngineChoice = 'berth';
const berthVmChoice = 'berth-vm';

/**
 * The engine Berth works on, and the others it could: picks one at start (the person's remembered
 * choice, else the first detected engine that answers, else Berth's own engine on Linux), switches on
 * request, and forwards the current engine's status and changes so subscriptions survive a switch.
 */
export class EngineManager {
  readonly statusChanges = new Listeners<EngineStatus>();
  readonly changes = new Listeners<EngineChanges>();
  readonly alerts = new Listeners<CrashAlerts>();
  readonly native: NativeDockerd | undefined;
  readonly vm: VmEngine;
  readonly api: EngineApi;
  readonly engines: EnginesApi;
  private current!: OpenEngine;
  private unlink: (() => void)[] = [];
  private readonly settings: SettingsFile;
  private readonly saved: SavedEngines;
  private readonly dataDir: string;
  private switching: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: EngineManagerOptions) {
    const paths = berthPaths();
    const dataDir = options.dataDir ?? paths.dataDir;
    this.dataDir = dataDir;
    this.settings = new SettingsFile(dataDir);
    this.saved = new SavedEngines(this.settings);
    this.native =
      process.platform === 'linux'
        ? new NativeDockerd({
            dataDir,
            runtimeDir: options.runtimeDir ?? paths.runtimeDir,
            ...(paths.bridge ? { bridge: paths.bridge } : {}),
            ...options.native,
          })
        : undefined;
    this.vm = new VmEngine({
      dataDir,
      runtimeDir: options.runtimeDir ?? paths.runtimeDir,
      imageDir: paths.vmImageDir,
      settings: this.settings,
      ...paths.vm,
      ...options.vm,
    });
    this.api = this.currentEngineApi();
    this.engines = this.enginesApi();
  }

  static async start(options: EngineManagerOptions = {}): Promise<EngineManager> {
    const manager = new EngineManager(options);
    // Compose's temp folders a Berth killed mid-run left (./compose/engine-folders.ts); off the start path.
    void sweepStaleEngineFolders();
    // Whether Berth's VM can run (its image checked) matters for the choice only when no engine URL
    // was given; with one, the list need not wait for it (issue 17: start fast).
    // The VM's status streams its answer to the Engine view when the check ends.
    const vmRefreshed = manager.vm.refresh();
    if (!options.engineUrl) await vmRefreshed;
    else vmRefreshed.catch(log.fallback('checking Berth’s VM', undefined));
    await manager.link(await manager.initialEndpoint());
    return manager;
  }

  get endpoint(): EngineEndpoint {
    return this.current.endpoint;
  }

  /** The current engine's connection status. */
  get status(): EngineStatus {
    return this.current.connection.status;
  }

  waitUntilConnected(timeoutMs: number): Promise<void> {
    return this.current.connection.waitUntilConnected(timeoutMs);
  }

  async close(): Promise<void> {
    await this.current.close();
    // Berth's own engines stop with Berth; their containers' data stays on their disks.
    await Promise.all([this.native?.stop(), this.vm.stop()]);
  }

  private nativeEndpoint(): EngineEndpoint | undefined {
    return this.native && { id: endpointId(this.native.url), url: this.native.url, source: 'berth' };
  }

  private vmEndpoint(): EngineEndpoint | undefined {
    if (this.vm.status.state === 'unavailable') return undefined;
    return { id: endpointId(this.vm.url), url: this.vm.url, source: 'berth-vm' };
  }

  private async initialEndpoint(): Promise<EngineEndpoint> {
    if (this.options.engineUrl) return { id: endpointId(this.options.engineUrl), url: this.options.engineUrl, source: 'user' };
    const { engine } = await this.settings.read();
    const native = this.nativeEndpoint();
    if (engine === berthEngineChoice && native) {
      await this.native!.start();
      return native;
    }
    const vm = this.vmEndpoint();
    if (engine === berthVmChoice && vm) {
      // A VM takes tens of seconds to boot: show the window now; the link connects when the VM answers.
      void this.vm.start();
      return vm;
    }
    const catalog = await this.catalog();
    const remembered = engine
      ? (findChoice(catalog, engine) ?? (/^(context|saved):/.test(engine) ? undefined : { id: endpointId(engine), url: engine, source: 'user' as const }))
      : undefined;
    // Plain tcp:// to another computer is never connected without the person's say-so that time.
    const detected = [...(remembered ? [remembered] : []), ...catalog].filter(
      (e, i, all) => all.findIndex((o) => o.id === e.id) === i && !needsPlainTcpConsent(e, process.env),
    );
    const answering = await firstAnswering(detected);
    if (answering) return answering;
    if (native) {
      // Nothing answers here: run Berth's own engine rather than show an empty window.
      const status = await this.native!.start();
      if (status.state === 'running') return native;
    }
    return detected[0] ?? defaultEndpoint();
  }

  private async link(endpoint: EngineEndpoint): Promise<void> {
    const next = await connectEngine(endpoint, this.options.timings, this.hostOptions());
    const previous = this.current;
    this.unlink.forEach((stop) => stop());
    this.current = next;
    this.unlink = [
      next.connection.statusChanges.add((status) => this.statusChanges.emit(status)),
      next.connection.changes.add((changes) => this.changes.emit(changes)),
      next.connection.alerts.add((alerts) => this.alerts.emit(alerts)),
    ];
    // A watcher of the previous engine's alerts starts again from this one's (none yet).
    this.alerts.emit({ initial: true, alerts: [] });
    this.statusChanges.emit(next.connection.status);
    await previous?.close();
  }

  private hostOptions(): EngineHostOptions {
    return { dataDir: this.dataDir, ...(this.options.env ? { env: this.options.env } : {}) };
  }

  /** Saved engines, detected ones and every docker context (Berth's own are added by choices()). */
  private async catalog(preferredUrl?: string) {
    return catalogEndpoints({ saved: await this.saved.list(), ...(preferredUrl ? { preferredUrl } : {}) });
  }

  /** Every engine, probed in parallel (ping and version, a short timeout each); the current one from its live status. */
  private async choices(): Promise<EngineChoice[]> {
    const own = [this.nativeEndpoint(), this.vmEndpoint()].filter((e): e is EngineEndpoint => e !== undefined);
    // A docker context (or socket) that points at one of Berth's own engines is that engine, listed once
    // under Berth's name; the context's name is kept on it.
    const others = (await this.catalog()).filter((endpoint) => {
      const mine = own.find((o) => o.url === endpoint.url);
      if (mine && endpoint.contextName) mine.contextName = endpoint.contextName;
      return !mine;
    });
    const endpoints = [...own, ...others];
    if (!endpoints.some((e) => e.id === this.current.endpoint.id)) endpoints.unshift(this.current.endpoint);
    return Promise.all(
      endpoints.map(async (endpoint): Promise<EngineChoice> => {
        const current = endpoint.id === this.current.endpoint.id;
        const status = this.current.connection.status;
        if (current && status.state === 'connected') {
          return { endpoint, current, answering: true, ...(status.version ? { version: status.version } : {}), ...(status.apiVersion ? { apiVersion: status.apiVersion } : {}) };
        }
        return { endpoint, current, ...(await probe(endpoint, 800, this.hostOptions())) };
      }),
    );
  }

  private async use(id: string, confirmPlainTcp = false): Promise<EngineChoice[]> {
    const run = this.switching.then(async () => {
      if (id === this.current.endpoint.id) return;
      const native = this.nativeEndpoint();
      if (native && id === native.id) {
        const status = await this.native!.start();
        if (status.state !== 'running') {
          const why = status.error;
          throw new BerthError('ENGINE_UNAVAILABLE', why?.message ?? 'Berth’s own engine did not start.', why?.hint, {
            reason: why?.reason ?? 'ownEngineCouldNotStart',
            ...(why?.params ? { params: why.params } : {}),
            ...(why?.engineText ? { engineText: why.engineText } : {}),
          });
        }
        await this.link(native);
        await this.settings.update({ engine: berthEngineChoice });
        return;
      }
      const vm = this.vmEndpoint();
      if (vm && id === vm.id) {
        const status = await this.vm.start();
        if (status.state !== 'running') {
          // Unavailable (no QEMU, no image, another CPU) says what is missing; failed says what went wrong.
          const why = status.error ?? status.unavailable;
          throw new BerthError('ENGINE_UNAVAILABLE', why?.message ?? 'Berth’s virtual machine did not start.', why?.hint, {
            reason: why?.reason ?? 'vmCouldNotStart',
            ...(why?.params ? { params: why.params } : {}),
            ...(why?.engineText ? { engineText: why.engineText } : {}),
          });
        }
        await this.link(vm);
        await this.settings.update({ engine: berthVmChoice });
        return;
      }
      const endpoint = (await this.catalog()).find((e) => e.id === id);
      if (!endpoint) {
        throw new BerthError('NOT_FOUND', 'That engine is no longer available.', 'Pick one from the list again; it refreshes when you open the Engine view.', { reason: 'engineGone' });
      }
      if (needsPlainTcpConsent(endpoint, process.env) && !confirmPlainTcp) {
        throw new BerthError('INVALID_INPUT', `${endpoint.url} is plain TCP to another computer; confirm to connect this time.`, undefined, {
          reason: 'plainTcpNeedsConsent',
          params: { url: endpoint.url },
        });
      }
      if (usesTls(endpoint.url, endpoint.tls)) await this.refuseFailedTls(endpoint);
      await this.link(endpoint);
      await this.settings.update({ engine: choiceKey(endpoint) });
    });
    this.switching = run.catch(() => undefined);
    await run;
    return this.choices();
  }

  /** A TLS engine whose handshake fails is refused with the reason, and the current engine stays. */
  private async refuseFailedTls(endpoint: EngineEndpoint): Promise<void> {
    const result = await probe(endpoint, 3000, this.hostOptions());
    if (result.problem?.kind === 'tlsFiles') {
      throw new BerthError('INVALID_INPUT', `Berth cannot read the TLS file ${result.problem.detail ?? ''}.`, undefined, {
        reason: 'engineTlsFiles',
        params: { path: result.problem.detail ?? '' },
      });
    }
    if (result.problem?.kind === 'tlsRefused') {
      throw new BerthError('ENGINE_UNAVAILABLE', `The TLS check with ${endpoint.url} failed.`, undefined, {
        reason: 'engineTlsRefused',
        params: { url: endpoint.url },
        ...(result.problem.detail ? { engineText: result.problem.detail } : {}),
      });
    }
  }

  private async trustHostKey(id: string, fingerprint: string): Promise<EngineStatus> {
    const current = this.current;
    const trusted = current.endpoint.id === id && (await current.sshTunnel?.trust(fingerprint));
    if (!trusted) {
      throw new BerthError(
        'CONFLICT',
        'That host key is no longer the one the engine offers, or it is not unknown any more.',
        'Wait for the engine to answer again and check the fingerprint it shows now.',
        { reason: 'sshHostKeyNotOffered' },
      );
    }
    current.connection.retryNow();
    return current.connection.status;
  }

  private async unlockKey(id: string, key: string, passphrase: string): Promise<EngineStatus> {
    const current = this.current;
    const tunnel = current.endpoint.id === id ? current.sshTunnel : undefined;
    if (!tunnel) {
      throw new BerthError('CONFLICT', `${key} is not a key this engine's login is waiting to unlock.`, undefined, { reason: 'sshKeyNotLocked', params: { key } });
    }
    try {
      await tunnel.unlock(key, passphrase);
    } catch (error) {
      log.info('ssh key not unlocked', { key, reason: (error as BerthError).reason });
      throw error;
    }
    log.info('ssh key unlocked for this session', { key, engine: current.endpoint.url });
    current.connection.retryNow();
    return current.connection.status;
  }

  /** The contract's engine API, always on the current engine, so handlers never hold a stale one. */
  private currentEngineApi(): EngineApi {
    const connection: ConnectionApi = {
      status: () => this.current.connection.status,
      watchStatus: (signal) => this.statusChanges.iterate(signal, this.current.connection.status),
      watchChanges: (signal) => this.changes.iterate(signal),
      watchAlerts: (signal) => this.alerts.iterate(signal, { initial: true, alerts: [...this.current.connection.recentAlerts] }),
      info: () => this.current.api.connection.info(),
      diskUsage: () => this.current.api.connection.diskUsage(),
      forgetKept: (lists) => this.current.api.connection.forgetKept(lists),
    };
    return new Proxy({} as EngineApi, {
      get: (_target, key: keyof EngineApi) => (key === 'connection' ? connection : this.current.api[key]),
    });
  }

  private enginesApi(): EnginesApi {
    const native = this.native;
    const nativeApi: NativeEngineApi | undefined = native && {
      status: () => native.status,
      watch: (signal) => native.statusChanges.iterate(signal, native.status),
      start: () => native.start(),
      stop: () => native.stop(),
      restart: () => native.restart(),
      reset: () => native.reset(),
      readLog: () => native.readLog(),
    };
    const vm = this.vm;
    const vmApi: VmEngineApi = {
      status: () => vm.refresh(),
      watch: (signal) => vm.statusChanges.iterate(signal, vm.status),
      start: () => vm.start(),
      stop: () => vm.stop(),
      restart: () => vm.restart(),
      reset: () => vm.reset(),
      configure: (settings) => vm.configure(settings),
      readLog: () => vm.readLog(),
    };
    const saved = this.saved;
    return {
      list: () => this.choices(),
      use: (id, confirmPlainTcp) => this.use(id, confirmPlainTcp),
      trustHostKey: (id, fingerprint) => this.trustHostKey(id, fingerprint),
      unlockKey: (id, key, passphrase) => this.unlockKey(id, key, passphrase),
      saved: {
        add: async (input) => (await saved.add(input), this.choices()),
        update: async (input) => (await saved.update(input), this.choices()),
        remove: async (input) => (await saved.remove(input), this.choices()),
      },
      native: nativeApi,
      vm: vmApi,
    };
  }
}
