import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries built from zod 4 schemas, for the contract fuzz.
 *
 * No maintained library does this for zod 4 (zod-fast-check 0.10 wants zod 3 and fast-check < 4), so
 * this walks zod 4's public `_zod.def` for the kinds the contract uses: object, string (length,
 * regex and format checks), number (int, bounds), boolean, enum, literal, union, array, record,
 * default and optional. Refinements (`refine`, `superRefine`) cannot be walked: `validArbitrary` is
 * best effort there and the caller counts what the schema really accepted.
 */

interface Check {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

interface Def {
  type: string;
  checks?: { _zod: { def: Check } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  innerType?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Check[] => (def.checks ?? []).map((c) => c._zod.def);

/** Strings that often satisfy the contract's unpatterned strings (image references, paths, plain text). */
const plainStrings = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.stringMatching(/^[a-z][a-z0-9-]{1,20}(:[a-z0-9]{1,8})?$/),
  fc.stringMatching(/^\/[a-z0-9/._-]{0,30}$/),
);

/**
 * Values the schema is meant to accept. `extra` adds samples for strings (e.g. names that exist on
 * the engine); generated values that fail the leaf's own refinements stay in, and fail the parse.
 */
export function validArbitrary(schema: z.ZodType, extra: fc.Arbitrary<string>[] = []): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const checks = checksOf(def);
  switch (def.type) {
    case 'string': {
      const min = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum!));
      const max = Math.min(300, ...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum!));
      // A format schema (z.ipv4(), z.uuid()…) carries its pattern on its own def, not among its checks.
      const pattern = (def as { pattern?: RegExp }).pattern ?? checks.find((c) => c.check === 'string_format' && c.pattern)?.pattern;
      const base = pattern ? fc.stringMatching(pattern) : plainStrings;
      const sized = base.filter((s) => s.length >= min && s.length <= max);
      return extra.length ? fc.oneof({ weight: 5, arbitrary: sized }, ...extra.map((arbitrary) => ({ weight: 1, arbitrary }))) : sized;
    }
    case 'number': {
      let min = -1e6;
      let max = 1e6;
      let int = false;
      for (const c of checks) {
        if (c.check === 'greater_than') min = c.inclusive ? c.value! : c.value! + 1;
        if (c.check === 'less_than') max = c.inclusive ? c.value! : c.value! - 1;
        if (c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32')) int = true;
      }
      return int ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'union':
      return fc.oneof(...def.options!.map((o) => validArbitrary(o, extra)));
    case 'array': {
      const min = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum!));
      const max = Math.min(4, ...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum!));
      return fc.array(validArbitrary(def.element!, extra), { minLength: min, maxLength: Math.max(min, max) });
    }
    case 'object': {
      const shape = def.shape!;
      const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, validArbitrary(v, extra)]));
      const optional = Object.keys(shape).filter((k) => ['default', 'optional'].includes(defOf(shape[k]!).type));
      return fc.record(fields, { requiredKeys: Object.keys(shape).filter((k) => !optional.includes(k)) });
    }
    case 'record':
      return fc.dictionary(validArbitrary(def.keyType!) as fc.Arbitrary<string>, validArbitrary(def.valueType!), { maxKeys: 3 });
    case 'default':
    case 'optional':
    case 'nonoptional':
    case 'readonly':
      return validArbitrary(def.innerType!, extra);
    case 'pipe':
      return validArbitrary(def.in!, extra);
    default:
      throw new Error(`zod-arbitrary: no walker for zod type "${def.type}"; add one.`);
  }
}

const hugeString = (n: number) => 'A'.repeat(n);

/** Values no handler should trust: wrong types, odd numbers, long and unusual text, path tricks. */
export const nastyValues: unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -1,
  -0,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2,
  -(2 ** 63),
  1e308,
  [],
  {},
  [null],
  { a: 1 },
  '',
  ' ',
  '\t\n',
  hugeString(5_000),
  hugeString(70_000),
  hugeString(1_000_000),
  '컨테이너',
  '도커-볼륨',
  '😀🐳',
  '👩‍👩‍👧‍👦',
  '\u202Eevil.exe',
  'مرحبا',
  'שלום/עולם',
  'a\u200Bb',
  '../',
  '../../etc/passwd',
  '/../../etc/shadow',
  '..%2F..%2Fcontainers%2Fjson',
  '%2F',
  'a%00b',
  'a\0b',
  '\0',
  '/\0/x',
  'a/b',
  '/a/../b',
  'name/with/slash',
  '-rf',
  '--help',
  'C:\\Windows',
  '\\\\server\\share',
  '$(id)',
  '`id`',
  '; rm -rf /',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'sha256:',
  ':latest',
  '@sha256:00',
  'localhost:99999/x',
  '0',
  '1e3',
  'NaN',
];

export const nasty = fc.constantFrom(...nastyValues);

type Path = (string | number)[];

/** Every place in a JSON-ish value (the root is []). */
function pathsOf(value: unknown, at: Path = []): Path[] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => pathsOf(v, [...at, i])));
  if (value && typeof value === 'object') return here.concat(...Object.entries(value).map(([k, v]) => pathsOf(v, [...at, k])));
  return here;
}

/** A copy of `value` with the place at `path` replaced by `replace(old)`, or removed when it gives `drop`. */
function setAt(value: unknown, path: Path, replace: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replace(value);
  const [head, ...rest] = path;
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const next = setAt((copy as Record<string | number, unknown>)[head!], rest, replace);
  if (next === drop && Array.isArray(copy)) copy.splice(head as number, 1);
  else if (next === drop) delete (copy as Record<string | number, unknown>)[head!];
  else (copy as Record<string | number, unknown>)[head!] = next;
  return copy;
}

const drop = Symbol('drop');

/** An extra key on an object, including ones that try to reach the prototype. */
function withExtraKey(value: unknown, key: string, extra: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy = { ...(value as Record<string, unknown>) };
  Object.defineProperty(copy, key, { value: extra, enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * Inputs near the schema's valid ones but broken in one or two places: a field replaced by a nasty
 * value or a mangled string, a field dropped, an extra key, or the whole input of the wrong kind.
 */
export function mutatedArbitrary(schema: z.ZodType, extra: fc.Arbitrary<string>[] = [], adjust: (valid: unknown) => unknown = (v) => v): fc.Arbitrary<unknown> {
  const mutation = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), with: nasty }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('mangle' as const),
        pick: fc.nat(),
        with: fc.constantFrom('../', '/..', '%2F', '\0', '/', '컨', '🐳', '\u202E', ' ', ':', '@', '#', '?'),
        where: fc.constantFrom('prefix' as const, 'suffix' as const, 'middle' as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('extra' as const), key: fc.constantFrom('__proto__', 'constructor', 'extra', '컨테이너', 'id'), with: nasty }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('whole' as const), with: nasty }) },
  );
  return fc.tuple(validArbitrary(schema, extra), fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([value, mutations]) => {
    let out: unknown = adjust(value);
    for (const m of mutations) {
      const paths = pathsOf(out);
      if (m.kind === 'whole') out = m.with;
      else if (m.kind === 'extra') out = withExtraKey(out, m.key, m.with);
      else if (m.kind === 'drop') {
        const inner = paths.filter((p) => p.length > 0);
        if (inner.length) out = setAt(out, inner[m.pick % inner.length]!, () => drop);
      } else if (m.kind === 'replace') out = setAt(out, paths[m.pick % paths.length]!, () => m.with);
      else {
        const strings = paths.filter((p) => typeof getAt(out, p) === 'string');
        if (!strings.length) continue;
        out = setAt(out, strings[m.pick % strings.length]!, (old) => {
          const s = old as string;
          if (m.where === 'prefix') return m.with + s;
          if (m.where === 'suffix') return s + m.with;
          const half = Math.floor(s.length / 2);
          return s.slice(0, half) + m.with + s.slice(half);
        });
      }
    }
    return out;
  });
}

function getAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const k of path) v = (v as Record<string | number, unknown>)?.[k];
  return v;
}
