import type Docker from 'dockerode';
import { editPlan, previousName, replacementName, type ContainerEditInput, type EditableContainer, type EditOutcome } from '../contract/edit.js';
import { BerthError } from '../contract/errors.js';
import { engineCall } from './bulk.js';
import { applyEdits, createBodyFromInspect, createRequest, editableFromInspect, editFormFromInspect, hasHealthcheck, type ImageConfig, type InspectedContainer } from './edit-config.js';
import { engineMessage } from './errors.js';
import { JsonLineParser } from './json-lines.js';

/** The steps of an edit, named in errors so a person knows how far it got. */
export type EditStep = 'create' | 'connect' | 'stop' | 'rename' | 'start' | 'health' | 'remove' | 'update';

export interface EditTimings {
  /** Slack added to a healthcheck's own worst case before Berth gives up waiting (ms). */
  healthSlackMs?: number;
}

async function inspectWithImage(docker: Docker, id: string): Promise<{ info: InspectedContainer; image: ImageConfig }> {
  const info = (await engineCall(docker.getContainer(id).inspect(), `Container ${id}`)) as unknown as InspectedContainer;
  const image = await docker
    .getImage(info.Image)
    .inspect()
    .then(
      (i) => i.Config as unknown as ImageConfig,
      () => undefined, // the image was removed meanwhile: then every value counts as the person's own
    );
  return { info, image };
}

/** The edit dialog's starting point for a container. */
export async function editableContainer(docker: Docker, id: string): Promise<EditableContainer> {
  const { info, image } = await inspectWithImage(docker, id);
  return editableFromInspect(info, image);
}

/**
 * The replacement started but did not hold: it exited, turned unhealthy, or gave no verdict in time.
 * Berth's own finding, so it travels as a reason with values (worded by the catalogs), never as
 * quoted engine text; `engineText` keeps only what the engine itself said (its State.Error).
 */
class ReplacementFailed extends Error {
  constructor(
    readonly why: 'recreateExited' | 'recreateUnhealthy' | 'recreateNoVerdict',
    readonly values: { code?: number | string; seconds?: number },
    readonly engineText = '',
  ) {
    super(`${why} ${JSON.stringify(values)} ${engineText}`.trim());
  }
}

function stepFailed(step: EditStep, name: string, error: unknown, outcome: 'restored' | 'notNeeded' | 'rollbackFailed', rollbackText?: string, previous = ''): BerthError {
  const own = error instanceof ReplacementFailed ? error : undefined;
  const engineText = [own ? own.engineText : engineMessage(error), rollbackText].filter(Boolean).join(' — ');
  if (own && outcome === 'restored') {
    return new BerthError('ENGINE_ERROR', `Changing ${name} failed (${own.why}); the previous container is back as it was.`, undefined, {
      reason: own.why,
      params: { step, name, ...own.values },
      ...(engineText ? { engineText } : {}),
    });
  }
  const reason = ({ restored: 'recreateRestored', notNeeded: 'recreateUntouched', rollbackFailed: 'recreateRollbackFailed' } as const)[outcome];
  return new BerthError(
    'ENGINE_ERROR',
    `Changing ${name} failed at "${step}"${outcome === 'restored' ? '; the previous container is back as it was' : ''}: ${engineText}`,
    outcome === 'rollbackFailed' ? 'Look for the previous container under its temporary name and rename it back by hand.' : undefined,
    { reason, params: { step, name, previous }, ...(engineText ? { engineText } : {}) },
  );
}

/**
 * Applies an edit. In place (`docker update`) when only restart policy or limits changed; otherwise
 * the safe recreate:
 *  1. create the replacement under `<name>-berth-new`, connect its other networks (aliases, static IPs);
 *  2. stop the previous one and rename it `<name>-berth-old-<id>` (never removed yet);
 *  3. rename the replacement to the name and start it (before the start, so the name the other
 *     containers resolve on the network is right from the first moment);
 *  4. wait until it runs — and is healthy, when it has a healthcheck, bounded by that check's own
 *     timing — then remove the previous one (unless `keepPrevious`).
 * On any failure after step 1: remove the replacement, rename the previous one back, start it if it
 * was running, and throw `recreateFailed` naming the step and quoting the engine.
 * A container that was not running is recreated but not started: nothing can prove it works.
 */
export async function editContainer(docker: Docker, input: ContainerEditInput, timings: EditTimings = {}): Promise<EditOutcome> {
  const { info, image } = await inspectWithImage(docker, input.id);
  const name = info.Name.replace(/^\//, '');
  const original = editFormFromInspect(info, image);
  const edited = { ...input.form, name: input.form.name || name };
  const duplicate = input.mode === 'duplicate';
  const body = applyEdits(createBodyFromInspect(info, image, { duplicate }), info, original, duplicate ? { ...edited, name: name } : edited);

  if (duplicate) {
    const created = await engineCall(docker.createContainer(createRequest(body, edited.name) as Docker.ContainerCreateOptions), `Container ${edited.name}`);
    try {
      for (const network of body.connect) {
        await engineCall(docker.getNetwork(network.network).connect({ Container: created.id, EndpointConfig: network.EndpointConfig }), `Network ${network.network}`);
      }
      await engineCall(created.start(), `Container ${edited.name}`);
    } catch (e) {
      // A copy that cannot start (its host port is taken, say) is not left behind half made.
      await created.remove({ force: true }).catch(() => undefined);
      throw e;
    }
    return { id: created.id, name: edited.name, path: 'duplicate' };
  }

  const plan = editPlan(original, edited, input.mode);
  if (plan.path === 'none') return { id: info.Id, name, path: 'none' };
  if (plan.path === 'update') {
    await updateInPlace(docker, info, edited, plan.changed).catch((e: unknown) => {
      throw stepFailed('update', name, e, 'notNeeded');
    });
    return { id: info.Id, name, path: 'update' };
  }
  if (info.HostConfig.AutoRemove) {
    // Stopping it would make the engine delete it (--rm): nothing would be left to roll back to.
    throw new BerthError('CONFLICT', `${name} removes itself when it stops (--rm), so Berth cannot keep it to roll back to.`, 'Use Duplicate to make the changed copy, then stop this one.', {
      reason: 'recreateAutoRemove',
      params: { name },
    });
  }
  return safeRecreate(docker, info, body, edited.name, input.keepPrevious, timings);
}

async function updateInPlace(docker: Docker, info: InspectedContainer, form: ContainerEditInput['form'], changed: readonly string[]): Promise<void> {
  const update: Record<string, unknown> = {};
  if (changed.includes('restart')) update.RestartPolicy = { Name: form.restart === 'no' ? '' : form.restart, MaximumRetryCount: 0 };
  if (changed.includes('memoryBytes')) {
    update.Memory = form.memoryBytes;
    // Keep the engine's own rule (swap = twice the memory) unless swap was unlimited.
    update.MemorySwap = info.HostConfig.MemorySwap === -1 ? -1 : form.memoryBytes * 2;
  }
  if (changed.includes('nanoCpus')) update.NanoCpus = form.nanoCpus;
  await docker.getContainer(info.Id).update(update);
}

async function safeRecreate(
  docker: Docker,
  info: InspectedContainer,
  body: ReturnType<typeof applyEdits>,
  finalName: string,
  keepPrevious: boolean,
  timings: EditTimings,
): Promise<EditOutcome> {
  const name = info.Name.replace(/^\//, '');
  const wasRunning = Boolean(info.State?.Running);
  const oldName = previousName(name, info.Id);
  const temporary = replacementName(finalName);
  const old = docker.getContainer(info.Id);
  let created: Docker.Container | undefined;
  let stopped = false;
  let renamed = false;
  let step: EditStep = 'create';

  try {
    created = await docker.createContainer(createRequest(body, temporary) as Docker.ContainerCreateOptions);
    step = 'connect';
    for (const network of body.connect) {
      await docker.getNetwork(network.network).connect({ Container: created.id, EndpointConfig: network.EndpointConfig });
    }
    step = 'stop';
    if (wasRunning) {
      await old.stop().catch((e: { statusCode?: number }) => {
        if (e.statusCode !== 304) throw e; // already stopped meanwhile
      });
      stopped = true;
    }
    step = 'rename';
    await old.rename({ name: oldName });
    renamed = true;
    await created.rename({ name: finalName });
    if (wasRunning) {
      step = 'start';
      const healthcheck = body.Config.Healthcheck ?? info.Config.Healthcheck;
      const health = hasHealthcheck(healthcheck) ? await watchHealth(docker, created.id, healthcheck, timings) : undefined;
      try {
        await created.start();
        const state = (await created.inspect()).State;
        if (!state.Running) throw new ReplacementFailed('recreateExited', { code: state.ExitCode }, state.Error);
        if (health) {
          step = 'health';
          await health.result;
        }
      } finally {
        health?.cancel();
      }
    }
  } catch (error) {
    const touched = step !== 'create' && step !== 'connect';
    const rollback = await rollBack({ created, old, name, renamed, restart: wasRunning && (stopped || touched) });
    throw stepFailed(step, name, error, rollback ? 'rollbackFailed' : touched ? 'restored' : 'notNeeded', rollback, oldName);
  }

  if (!keepPrevious) {
    // The replacement runs; a previous container that will not go is left, renamed, and said so.
    await old.remove({ force: true }).catch(() => undefined);
  }
  return { id: created.id, name: finalName, path: 'recreate', ...(keepPrevious ? { previous: oldName } : {}) };
}

/** Undoes a failed recreate; answers the engine's text when some part of it failed too. */
async function rollBack(
  state: { created: Docker.Container | undefined; old: Docker.Container; name: string; renamed: boolean; restart: boolean },
): Promise<string | undefined> {
  const problems: string[] = [];
  if (state.created) await state.created.remove({ force: true }).catch((e: unknown) => problems.push(engineMessage(e)));
  if (state.renamed) await state.old.rename({ name: state.name }).catch((e: unknown) => problems.push(engineMessage(e)));
  if (state.restart) {
    await state.old.start().catch((e: { statusCode?: number }) => {
      if (e.statusCode !== 304) problems.push(engineMessage(e));
    });
  }
  return problems.length ? problems.join('; ') : undefined;
}

/**
 * Waits for the container's `health_status` event. Bounded by the healthcheck's own worst case:
 * start period + (retries + 1) × (interval + timeout), engine defaults 30 s / 30 s / 3 retries,
 * plus slack. Opened before the start so no event is missed.
 */
async function watchHealth(docker: Docker, id: string, healthcheck: unknown, timings: EditTimings): Promise<{ result: Promise<void>; cancel: () => void }> {
  const check = (healthcheck ?? {}) as { Interval?: number; Timeout?: number; Retries?: number; StartPeriod?: number };
  const ms = (ns: number | undefined, fallback: number) => (ns && ns > 0 ? ns / 1e6 : fallback);
  const bound = ms(check.StartPeriod, 0) + ((check.Retries || 3) + 1) * (ms(check.Interval, 30_000) + ms(check.Timeout, 30_000)) + (timings.healthSlackMs ?? 5000);
  const abort = new AbortController();
  const stream = (await docker.getEvents({ filters: { container: [id], event: ['health_status', 'die'] }, abortSignal: abort.signal })) as NodeJS.ReadableStream;
  const result = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ReplacementFailed('recreateNoVerdict', { seconds: Math.round(bound / 1000) })), bound);
    abort.signal.addEventListener('abort', () => clearTimeout(timer));
    const parser = new JsonLineParser<{ Action?: string; status?: string; Actor?: { Attributes?: Record<string, string> } }>();
    stream.on('data', (chunk: Buffer) => {
      for (const event of parser.push(chunk)) {
        const action = event.Action ?? event.status ?? '';
        const exitCode = event.Actor?.Attributes?.exitCode ?? '';
        if (action === 'die') reject(new ReplacementFailed('recreateExited', { code: /^\d+$/.test(exitCode) ? Number(exitCode) : '?' }));
        if (action.startsWith('health_status')) {
          if (action.endsWith('unhealthy')) reject(new ReplacementFailed('recreateUnhealthy', {}));
          else if (action.endsWith('healthy')) resolve();
        }
      }
    });
    stream.on('error', () => undefined);
  });
  result.catch(() => undefined);
  return { result, cancel: () => abort.abort() };
}
