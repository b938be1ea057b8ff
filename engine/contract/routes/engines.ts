import { BerthError } from '../errors.js';
import { engineUseInput, savedEngineInput, savedEngineRemoveInput, savedEngineUpdateInput } from '../engine-entry.js';
import { trustHostKeyInput, unlockKeyInput, vmSettingsInput } from '../schemas.js';
import type { NativeEngineApi } from '../service.js';
import { procedure, router } from '../trpc.js';

function requireNative(native: NativeEngineApi | undefined): NativeEngineApi {
  if (!native) {
    throw new BerthError(
      'INVALID_INPUT',
      'Berth runs its own dockerd only on Linux; elsewhere it runs a virtual machine.',
      'Use Berth’s virtual machine, or an engine Berth found such as a remote one.',
      { reason: 'nativeEngineLinuxOnly' },
    );
  }
  return native;
}

/**
 * Nothing here changes what the current engine's kept lists show (trpc.ts `changesLists`): saved
 * engines and VM settings are Berth's own, and switching, starting, stopping or resetting an engine
 * drops its events stream, which forgets its kept lists anyway (kept-list.ts `linkClosed`).
 */
const enginesProcedure = procedure.meta({ changesLists: 'none' });

export const enginesRoutes = router({
  list: enginesProcedure.query(({ ctx }) => ctx.engines.list()),
  use: enginesProcedure.input(engineUseInput).mutation(({ ctx, input }) => ctx.engines.use(input.id, input.confirmPlainTcp)),
  saved: router({
    add: enginesProcedure.input(savedEngineInput).mutation(({ ctx, input }) => ctx.engines.saved.add(input)),
    update: enginesProcedure.input(savedEngineUpdateInput).mutation(({ ctx, input }) => ctx.engines.saved.update(input)),
    remove: enginesProcedure.input(savedEngineRemoveInput).mutation(({ ctx, input }) => ctx.engines.saved.remove(input)),
  }),
  trustHostKey: enginesProcedure.input(trustHostKeyInput).mutation(({ ctx, input }) => ctx.engines.trustHostKey(input.id, input.fingerprint)),
  unlockKey: enginesProcedure.input(unlockKeyInput).mutation(({ ctx, input }) => ctx.engines.unlockKey(input.id, input.key, input.passphrase)),
  native: router({
    available: enginesProcedure.query(({ ctx }) => ctx.engines.native !== undefined),
    status: enginesProcedure.query(({ ctx }) => requireNative(ctx.engines.native).status()),
    watch: enginesProcedure.subscription(async function* ({ ctx, signal }) {
      yield* requireNative(ctx.engines.native).watch(signal);
    }),
    start: enginesProcedure.mutation(({ ctx }) => requireNative(ctx.engines.native).start()),
    stop: enginesProcedure.mutation(({ ctx }) => requireNative(ctx.engines.native).stop()),
    restart: enginesProcedure.mutation(({ ctx }) => requireNative(ctx.engines.native).restart()),
    reset: enginesProcedure.mutation(({ ctx }) => requireNative(ctx.engines.native).reset()),
    log: enginesProcedure.query(({ ctx }) => requireNative(ctx.engines.native).readLog()),
  }),
  vm: router({
    status: enginesProcedure.query(({ ctx }) => ctx.engines.vm.status()),
    watch: enginesProcedure.subscription(async function* ({ ctx, signal }) {
      yield* ctx.engines.vm.watch(signal);
    }),
    start: enginesProcedure.mutation(({ ctx }) => ctx.engines.vm.start()),
    stop: enginesProcedure.mutation(({ ctx }) => ctx.engines.vm.stop()),
    restart: enginesProcedure.mutation(({ ctx }) => ctx.engines.vm.restart()),
    reset: enginesProcedure.mutation(({ ctx }) => ctx.engines.vm.reset()),
    configure: enginesProcedure.input(vmSettingsInput).mutation(({ ctx, input }) => ctx.engines.vm.configure(input)),
    log: enginesProcedure.query(({ ctx }) => ctx.engines.vm.readLog()),
  }),
});
