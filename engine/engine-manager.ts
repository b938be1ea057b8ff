import { BerthError } from './contract/errors.js';
import type { ConnectionApi, EngineApi, EnginesApi, NativeEngineApi, VmEngineApi } from './contract/service.js';
import type { EngineChanges, EngineChoice, EngineEndpoint, EngineStatus } from './contract/types.js';
import type { ConnectionTimings } from './docker/connection.js';
import { detectEndpoints, endpointId } from './hosts/detect.js';
import { NativeDockerd, type NativeDockerdOptions } from './hosts/native-dockerd.js';
import { berthPaths } from './hosts/paths.js';
import { SettingsFile } from './hosts/settings.js';
import { VmEngine, type VmEngineOptions } from './hosts/vm/vm-engine.js';
import { Listeners } from './shared/listeners.js';
import { logFor } from './shared/log.js';
import { answers, connectEngine, defaultEndpoint, firstAnswering, type OpenEngine } from './runtime.js';

export interface EngineManagerOptions {
  /** An engine URL that overrides everything (BERTH_ENGINE); not remembered. */
  engineUrl?: string;
  dataDir?: string;
  runtimeDir?: string;
  timings?: Partial<ConnectionTimings>;
  native?: Partial<NativeDockerdOptions>;
  vm?: Partial<VmEngineOptions>;
}

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
  readonly native: NativeDockerd | undefined;
  readonly vm: VmEngine;
  readonly api: EngineApi;
  readonly engines: EnginesApi;
  private current!: OpenEngine;
  private unlink: (() => void)[] = [];
  private readonly settings: SettingsFile;
  private switching: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: EngineManagerOptions) {
    const paths = berthPaths();
    const dataDir = options.dataDir ?? paths.dataDir;
    this.settings = new SettingsFile(dataDir);
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
    // Whether Berth's VM can run (its image checked) matters for the choice only when no engine URL
    // was given; with one, the list need not wait for it (issue 17: start fast).
    // The VM's status streams its answer to the Engine view when the check ends.
    const vmRefreshed = manager.vm.refresh();
    if (!options.engineUrl) await vmRefreshed;
    else vmRefreshed.catch(logFor('engines').fallback('checking Berth’s VM', undefined));
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
    const detected = detectEndpoints(engine ? { preferredUrl: engine } : {});
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
    const next = await connectEngine(endpoint, this.options.timings);
    const previous = this.current;
    this.unlink.forEach((stop) => stop());
    this.current = next;
    this.unlink = [
      next.connection.statusChanges.add((status) => this.statusChanges.emit(status)),
      next.connection.changes.add((changes) => this.changes.emit(changes)),
    ];
    this.statusChanges.emit(next.connection.status);
    await previous?.close();
  }

  private async choices(): Promise<EngineChoice[]> {
    const own = [this.nativeEndpoint(), this.vmEndpoint()].filter((e): e is EngineEndpoint => e !== undefined);
    const endpoints = [...own, ...detectEndpoints()];
    if (!endpoints.some((e) => e.id === this.current.endpoint.id)) endpoints.unshift(this.current.endpoint);
    return Promise.all(
      endpoints.map(async (endpoint) => {
        const current = endpoint.id === this.current.endpoint.id;
        return {
          endpoint,
          current,
          answering: (current && this.current.connection.status.state === 'connected') || (await answers(endpoint, 300)),
        };
      }),
    );
  }

  private async use(id: string): Promise<EngineChoice[]> {
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
      const endpoint = detectEndpoints().find((e) => e.id === id);
      if (!endpoint) {
        throw new BerthError('NOT_FOUND', 'That engine is no longer available.', 'Pick one from the list again; it refreshes when you open the Engine view.', { reason: 'engineGone' });
      }
      await this.link(endpoint);
      await this.settings.update({ engine: endpoint.url });
    });
    this.switching = run.catch(() => undefined);
    await run;
    return this.choices();
  }

  /** The contract's engine API, always on the current engine, so handlers never hold a stale one. */
  private currentEngineApi(): EngineApi {
    const connection: ConnectionApi = {
      status: () => this.current.connection.status,
      watchStatus: (signal) => this.statusChanges.iterate(signal, this.current.connection.status),
      watchChanges: (signal) => this.changes.iterate(signal),
      info: () => this.current.api.connection.info(),
      diskUsage: () => this.current.api.connection.diskUsage(),
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
    return { list: () => this.choices(), use: (id) => this.use(id), native: nativeApi, vm: vmApi };
  }
}
