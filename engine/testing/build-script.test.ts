import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Issue 17: `npm run web` and `npm start` rebuild only when a source changed since the last build
 * (scripts/build.mjs). What "changed" means: a file's path, size or modification time; test files
 * never make a build stale.
 */
const script: string = '../../scripts/build.mjs';
const { fingerprintOf } = (await import(script)) as { fingerprintOf(base: string, inputs: string[]): string };

const base = mkdtempSync(join(tmpdir(), 'berth-build-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the build fingerprint', () => {
  it('changes with a source file and not with a test file', () => {
    mkdirSync(join(base, 'src'));
    writeFileSync(join(base, 'src', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(base, 'src', 'a.test.ts'), 'test\n');
    const first = fingerprintOf(base, ['src', 'missing.json']);
    expect(fingerprintOf(base, ['src', 'missing.json'])).toBe(first);

    writeFileSync(join(base, 'src', 'a.test.ts'), 'a longer test\n');
    expect(fingerprintOf(base, ['src', 'missing.json'])).toBe(first);

    const later = new Date(Date.now() + 5000);
    utimesSync(join(base, 'src', 'a.ts'), later, later);
    const touched = fingerprintOf(base, ['src', 'missing.json']);
    expect(touched).not.toBe(first);

    writeFileSync(join(base, 'src', 'b.ts'), '');
    expect(fingerprintOf(base, ['src', 'missing.json'])).not.toBe(touched);
  });
});
