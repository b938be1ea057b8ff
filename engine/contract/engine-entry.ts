import { z } from 'zod';
import { addressKind } from './engine-address.js';
import { problem } from './input-problems.js';

/**
 * A docker context name as the docker CLI accepts it: docker/cli cli/context/store/store.go
 * `restrictedNamePattern` = ^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$, and "default" is reserved
 * (cli/command/context/create.go). Berth's saved engines use the same rule, so any of them can
 * also be written as a context.
 */
export const engineNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$/;

export const engineName = z
  .string()
  .max(64)
  .regex(engineNamePattern, problem('engineName'))
  .refine((name) => name !== 'default', problem('engineNameReserved'));

/** tcp://host[:port], ssh://[user@]host[:port] or unix:///absolute/path, as docker's -H takes them. */
export const engineAddress = z
  .string()
  .max(512)
  // The shape first (it also lets the contract fuzzers generate addresses), then the URL parser's word.
  .regex(/^(?:(?:tcp|ssh):\/\/[A-Za-z0-9._~%@:[\]-]+\/?|unix:\/\/\/[^\0\n]+)$/, problem('engineAddress'))
  .refine((url) => {
    const kind = addressKind(url);
    if (kind === 'socket') return /^unix:\/\/\/./.test(url) && !/[\0\n]/.test(url);
    if (kind !== 'tcp' && kind !== 'ssh') return false;
    if (!url.startsWith('tcp://') && !url.startsWith('ssh://')) return false;
    try {
      const parsed = new URL(url);
      return parsed.hostname !== '' && (parsed.pathname === '' || parsed.pathname === '/') && !parsed.search && !parsed.hash;
    } catch {
      return false;
    }
  }, problem('engineAddress'));

const tlsPath = z.union([z.literal(''), z.string().max(4096).regex(/^\/[^\0]*$/, problem('engineTlsPath'))]).default('');

export const savedEngineInput = z.object({
  name: engineName,
  url: engineAddress,
  tls: z.object({ ca: tlsPath, cert: tlsPath, key: tlsPath }).default({ ca: '', cert: '', key: '' }),
  /** Also write it as a docker context of the same name, so `docker context ls` shows it. */
  writeContext: z.boolean().default(false),
});
export type SavedEngineInput = z.input<typeof savedEngineInput>;

/** Editing: `previous` names the saved engine being changed. */
export const savedEngineUpdateInput = savedEngineInput.extend({ previous: engineName });

/** Removing: also removes the docker context Berth wrote for it, when `removeContext`. */
export const savedEngineRemoveInput = z.object({ name: engineName, removeContext: z.boolean().default(false) });

export const engineUseInput = z.object({
  id: z.string().regex(/^[0-9a-f]{12}$/, problem('engineId')),
  /** The person confirmed, this time, a plain tcp:// connection to another computer. */
  confirmPlainTcp: z.boolean().default(false),
});
