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

export const enginesRoutes = router({
  list: procedure.query(({ ctx }) => ctx.engines.list()),
  use: procedure.input(engineUseInput).mutation(({ ctx, input }) => ctx.engines.use(input.id, input.confirmPlainTcp)),
  saved: router({
    add: procedure.input(savedEngineInput).mutation(({ ctx, input }) => ctx.engines.saved.add(input)),
    update: procedure.input(savedEngineUpdateInput).mutation(({ ctx, input }) => ctx.engines.saved.update(input)),
    remove: procedure.input(savedEngineRemoveInput).mutation(({ ctx, input }) => ctx.engines.saved.remove(input)),
  }),
  trustHostKey: procedure.input(trustHostKeyInput).mutation(({ ctx, input }) => ctx.engines.trustHostKey(input.id, input.fingerprint)),
  unlockKey: procedure.input(unlockKeyInput).mutation(({ ctx, input }) => ctx.engines.unlockKey(input.id, input.key, input.passphrase)),
  native: router({
    available: procedure.query(({ ctx }) => ctx.engines.native !== undefined),
    status: procedure.query(({ ctx }) => requireNative(ctx.engines.native).status()),
    watch: procedure.subscription(async function* ({ ctx, signal }) {
      yield* requireNative(ctx.engines.native).watch(signal);
    }),
    start: procedure.mutation(({ ctx }) => requireNative(ctx.engines.native).start()),
    stop: procedure.mutation(({ ctx }) => requireNative(ctx.engines.native).stop()),
    restart: procedure.mutation(({ ctx }) => requireNative(ctx.engines.native).restart()),
    reset: procedure.mutation(({ ctx }) => requireNative(ctx.engines.native).reset()),
    log: procedure.query(({ ctx }) => requireNative(ctx.engines.native).readLog()),
  }),
  vm: router({
    status: procedure.query(({ ctx }) => ctx.engines.vm.status()),
    watch: procedure.subscription(async function* ({ ctx, signal }) {
      yield* ctx.engines.vm.watch(signal);
    }),
    start: procedure.mutation(({ ctx }) => ctx.engines.vm.start()),
    stop: procedure.mutation(({ ctx }) => ctx.engines.vm.stop()),
    restart: procedure.mutation(({ ctx }) => ctx.engines.vm.restart()),
    reset: procedure.mutation(({ ctx }) => ctx.engines.vm.reset()),
    configure: procedure.input(vmSettingsInput).mutation(({ ctx, input }) => ctx.engines.vm.configure(input)),
    log: procedure.query(({ ctx }) => ctx.engines.vm.readLog()),
  }),
});
