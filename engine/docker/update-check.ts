import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';
import { imageIdPattern, parseImageReference } from '../contract/reference.js';
import { updateCheckIntervalMs, type ImageUpdate, type UpdateCheck } from '../contract/updates.js';
import { engineCall } from './bulk.js';
import { headManifest, registryBase, type RegistryAnswer } from './registry-head.js';
import { registryAuthFor } from './registry-auth.js';
import pLimit from 'p-limit';

/** Asks a registry for a reference's digest; `signal` ends the asking when the check's time is up. */
type Asker = (reference: NonNullable<ReturnType<typeof okReference>>, insecure: (domain: string) => boolean, signal: AbortSignal) => Promise<RegistryAnswer>;

/**
 * How long one update check may take, in milliseconds, all registries together. Each registry
 * request had 15 s of its own (HEAD, token, HEAD again: up to 45 s for one registry that accepts and
 * never answers), and the answer waited for every row: past this, rows not answered yet are failed
 * ("no answer within 8 s") and the rest stand.
 */
export const updateCheckDeadlineMs = 8_000;

function okReference(text: string) {
  const parsed = parseImageReference(text);
  return parsed.ok ? parsed.reference : undefined;
}

/**
 * "Is there a newer image for this tag?" for every container's image, one HEAD per reference (see
 * registry-head.ts), remembered per engine: without `force`, a reference asked within
 * `updateCheckIntervalMs` is answered from memory, so opening the list never hammers a registry.
 */
export class UpdateChecker {
  private readonly known = new Map<string, ImageUpdate>();
  private lastCheck = 0;

  constructor(
    private readonly docker: Docker,
    private readonly ask: Asker = async (reference, insecure, signal) =>
      headManifest(reference, registryBase(reference.domain, insecure), await registryAuthFor(reference.domain), fetch, signal),
    private readonly now: () => number = Date.now,
    private readonly deadlineMs = updateCheckDeadlineMs,
  ) {}

  async check(force: boolean): Promise<UpdateCheck> {
    const deadline = AbortSignal.timeout(this.deadlineMs);
    const containers = await engineCall(this.docker.listContainers({ all: true }));
    const byReference = new Map<string, { imageIds: Set<string>; containerIds: string[] }>();
    for (const c of containers) {
      // The list shows the image ID once the tag has moved on (a newer pull); the name it was run by is in Config.
      const named = imageIdPattern.test(c.Image) || c.Image.startsWith('sha256:')
        ? ((await this.docker.getContainer(c.Id).inspect().catch(() => undefined))?.Config.Image ?? c.Image)
        : c.Image;
      const entry = byReference.get(named) ?? { imageIds: new Set<string>(), containerIds: [] };
      entry.imageIds.add(c.ImageID);
      entry.containerIds.push(c.Id);
      byReference.set(named, entry);
    }
    const insecure = await this.insecureRegistries(deadline);
    const one = async ([text, entry]: [string, { imageIds: Set<string>; containerIds: string[] }]): Promise<ImageUpdate> => {
      const cached = this.known.get(text);
      const localDigests = await this.localDigests(text, entry.imageIds);
      if (!force && cached && this.now() - cached.checkedAt < updateCheckIntervalMs && sameList(cached.localDigests, localDigests)) {
        return { ...cached, containerIds: entry.containerIds };
      }
      const result = await this.checkOne(text, entry.containerIds, localDigests, insecure, deadline);
      if (result.status !== 'unknown') this.known.set(text, result);
      return result;
    };
    // A few registries at once: one slow or unreachable registry must not hold up every other row.
    const images = await pLimit(4).map([...byReference], one);
    this.lastCheck = this.now();
    return { checkedAt: this.lastCheck, images };
  }

  private async checkOne(text: string, containerIds: string[], localDigests: string[], insecure: (domain: string) => boolean, deadline: AbortSignal): Promise<ImageUpdate> {
    const checkedAt = this.now();
    const reference = okReference(text);
    const base = { reference: text, containerIds, localDigests, checkedAt };
    // An image ID, a digest pin, or an image no registry ever gave: nothing to compare with.
    if (!reference || imageIdPattern.test(text) || reference.digest || localDigests.length === 0) return { ...base, status: 'unknown' };
    try {
      deadline.throwIfAborted();
      const answer = await this.ask(reference, insecure, deadline);
      if (!answer.ok) throw new Error(answer.text);
      return { ...base, status: localDigests.includes(answer.digest) ? 'current' : 'available', remoteDigest: answer.digest };
    } catch (e) {
      const said = deadline.aborted ? `no answer within ${Math.round(this.deadlineMs / 1000)} s` : e instanceof Error ? e.message : String(e);
      const error = new BerthError('ENGINE_ERROR', `Could not ask the registry about ${text}: ${said}`, undefined, { reason: 'updateCheckFailed', params: { image: text }, engineText: said });
      return { ...base, status: 'failed', error: error.toShape() };
    }
  }

  /** The digests (sha256:…) the container's image was pulled as from this reference's repository. */
  private async localDigests(text: string, imageIds: Set<string>): Promise<string[]> {
    const reference = okReference(text);
    if (!reference) return [];
    const digests = new Set<string>();
    for (const id of imageIds) {
      const info = await this.docker.getImage(id).inspect().catch(() => undefined);
      for (const repoDigest of info?.RepoDigests ?? []) {
        const parsed = okReference(repoDigest);
        if (parsed?.repository === reference.repository && parsed.digest) digests.add(parsed.digest);
      }
    }
    return [...digests].sort();
  }

  /** Registries the engine itself talks to over plain HTTP (daemon.json insecure-registries). */
  private async insecureRegistries(signal: AbortSignal): Promise<(domain: string) => boolean> {
    // dockerode takes the signal (lib/docker.js info), its types do not say so.
    const info = (await (this.docker as unknown as { info(opts: { abortSignal: AbortSignal }): Promise<unknown> }).info({ abortSignal: signal }).catch(() => undefined)) as { RegistryConfig?: { IndexConfigs?: Record<string, { Secure?: boolean }> } } | undefined;
    const configs = info?.RegistryConfig?.IndexConfigs ?? {};
    return (domain) => configs[domain]?.Secure === false;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
