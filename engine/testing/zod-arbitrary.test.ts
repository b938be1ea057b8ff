import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contractRouter } from '../contract/router.js';
import { mutatedArbitrary, validArbitrary } from './zod-arbitrary.js';

const schemas = Object.entries((contractRouter as unknown as { _def: { procedures: Record<string, { _def: { inputs: z.ZodType[] } }> } })._def.procedures)
  .filter(([, p]) => p._def.inputs[0])
  .map(([path, p]) => [path, p._def.inputs[0]!] as const);

describe('arbitraries from zod 4 schemas', () => {
  it('walk every contract input schema, with values each schema mostly accepts, and broken ones it mostly refuses', () => {
    expect(schemas.length).toBeGreaterThan(30);
    for (const [path, schema] of schemas) {
      const valid = fc.sample(validArbitrary(schema), { numRuns: 40, seed: 7 }).filter((v) => schema.safeParse(v).success);
      const broken = fc.sample(mutatedArbitrary(schema), { numRuns: 40, seed: 7 }).filter((v) => !schema.safeParse(v).success);
      expect(valid.length, `${path}: generated values the schema accepts`).toBeGreaterThan(0);
      expect(broken.length, `${path}: broken values the schema refuses`).toBeGreaterThan(20);
    }
  });

  it('says which zod type it cannot walk, rather than generating nothing', () => {
    expect(() => validArbitrary(z.date())).toThrow(/no walker for zod type "date"/);
  });
});
