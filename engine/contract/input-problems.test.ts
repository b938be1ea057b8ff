import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { firstInputProblem, inputProblemCodes } from './input-problems.js';
import * as schemas from './schemas.js';
import * as transfer from './transfer.js';

interface Def {
  error?: (issue: unknown) => unknown;
  checks?: { _zod: { def: Def } }[];
  [child: string]: unknown;
}

/**
 * Every message a schema can give, found by walking zod's definitions: the schema's own `error`
 * (enum, number, union), every check's (min, max, regex, refine) and every child schema's.
 */
function messages(schema: unknown, seen = new Set<unknown>()): string[] {
  const zod = (schema as { _zod?: { def: Def } } | undefined)?._zod;
  if (!zod || seen.has(schema)) return [];
  seen.add(schema);
  const def = zod.def;
  const own = [def, ...(def.checks ?? []).map((c) => c._zod.def)].map((d) => d.error?.({})).filter((m): m is string => typeof m === 'string');
  const children = Object.entries(def).flatMap(([key, value]) => {
    if (key === 'checks') return [];
    if (key === 'shape') return Object.values(value as object);
    if (Array.isArray(value)) return value;
    return [value];
  });
  return [...own, ...children.flatMap((child) => messages(child, seen))];
}

describe('input problems', () => {
  it('every message in schemas.ts and transfer.ts is a code the catalogs word, not an English sentence', () => {
    const found = [...Object.values(schemas), ...Object.values(transfer)].flatMap((value) => messages(value));
    expect(found.length).toBeGreaterThan(60);
    const codes = new Set<string>(inputProblemCodes);
    expect(found.filter((message) => !codes.has(message))).toEqual([]);
  });

  it('names the code, the field and the limit a schema refused', () => {
    expect(firstInputProblem(schemas.containerName, 'a')).toEqual({
      key: 'input.containerNameTooShort',
      params: { minimum: 2 },
      field: '',
      message: 'A container name has at least 2 characters, e.g. "web-1".',
    });
    expect(firstInputProblem(schemas.containerActionInput, { ids: ['a'], action: 'explode' })).toMatchObject({
      key: 'input.containerAction',
      params: { values: ['start', 'stop', 'restart', 'pause', 'unpause', 'kill'] },
      field: 'action',
      message: 'The action must be one of: start, stop, restart, pause, unpause, kill.',
    });
    expect(firstInputProblem(schemas.containerRunInput, { image: 'nginx', ports: Array(101).fill('80') })).toMatchObject({
      key: 'input.portsTooMany',
      params: { maximum: 100 },
      message: 'At most 100 port mappings.',
    });
  });

  it('opens a record key’s issue and keeps the parsers’ own codes', () => {
    expect(firstInputProblem(schemas.volumeCreateInput, { labels: { '-bad': 'x' } })).toMatchObject({ key: 'input.labelKey', field: 'labels.-bad' });
    expect(firstInputProblem(schemas.containerRunInput, { image: 'nginx', ports: ['70000:80'] })).toMatchObject({
      key: 'port.hostPort',
      params: { port: '70000' },
      field: 'ports.0',
      message: expect.stringMatching(/not a host port/),
    });
    expect(firstInputProblem(schemas.containerRunInput, { image: 'Nginx' })).toMatchObject({ key: 'reference.uppercase', params: { part: 'Nginx' } });
    expect(firstInputProblem(schemas.containerRunInput, { image: 'nginx', env: ['A'] })).toMatchObject({ key: 'env.noValue', params: { key: 'A' } });
    expect(firstInputProblem(schemas.containerRunInput, { image: 'nginx', mounts: [{ source: 'a/b', target: '/x' }] })).toMatchObject({ key: 'mount.sourceRelative' });
  });

  it('words zod’s own issues by kind, with their limits, where a schema names no code', () => {
    expect(firstInputProblem(schemas.registryLoginInput, { server: 'docker.io', username: 'u'.repeat(300), password: 'p' })).toMatchObject({
      key: 'input.textTooLong',
      params: { maximum: 256 },
      field: 'username',
    });
    expect(firstInputProblem(schemas.mergedLogsInput, { ids: ['a'], tail: 1.5 })).toMatchObject({ key: 'input.notWholeNumber' });
    expect(firstInputProblem(schemas.containerIdInput, { id: 5 })).toMatchObject({ key: 'input.wrongType', field: 'id' });
    expect(firstInputProblem(z.object({ a: z.string() }).strict(), { a: 'x', b: 1 })).toMatchObject({ key: 'input.unknownKeys', params: { keys: ['b'] } });
    // Another schema's own English stays the trusted side's message; the catalogs word its kind.
    expect(firstInputProblem(z.string().regex(/^a$/, 'Only a.'), 'b')).toMatchObject({ key: 'input.badFormat', message: 'Only a.' });
  });
});
