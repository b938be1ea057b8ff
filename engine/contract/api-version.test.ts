import { describe, expect, it } from 'vitest';
import { compareApiVersions, hasApiFeature, missingApiFeatures, negotiateApiVersion } from './api-version';

// The first five rows are ported from moby's client/client_test.go TestNegotiateAPIVersion (the
// cases for a client created without a fixed version, which is how Berth creates its clients),
// written from our knowledge of that file as of moby v27/v28, not copied from it: the client starts
// at its own highest version and downgrades to the daemon's, and to 1.24 when the daemon says none.
// The remaining rows are the engines Berth meets here and elsewhere.
const table: { doc: string; engine: string | undefined; engineMin?: string; berthMax?: string; expected: string; tooNew?: boolean }[] = [
  { doc: 'moby: downgrade from default', engine: '1.21', berthMax: '1.47', expected: '1.21' },
  { doc: 'moby: downgrade legacy (no version reported)', engine: '', expected: '1.24' },
  { doc: 'moby: downgrade legacy (header absent)', engine: undefined, expected: '1.24' },
  { doc: 'moby: downgrade previous', engine: '1.19', expected: '1.19' },
  { doc: 'moby: no upgrade past the client', engine: '1.48', berthMax: '1.47', expected: '1.47' },
  { doc: 'Docker 29: newer than Berth, minimum 1.44', engine: '1.52', engineMin: '1.44', expected: '1.47' },
  { doc: 'Docker 20.10 (this machine)', engine: '1.41', engineMin: '1.12', expected: '1.41' },
  { doc: 'Podman 4 compatible socket', engine: '1.41', engineMin: '1.24', expected: '1.41' },
  { doc: 'a future engine whose minimum is above Berth', engine: '1.60', engineMin: '1.50', expected: '1.47', tooNew: true },
  { doc: 'numeric, not text, comparison', engine: '1.9', berthMax: '1.10', expected: '1.9' },
];

describe('negotiateApiVersion', () => {
  it.each(table)('$doc', ({ engine, engineMin, berthMax, expected, tooNew }) => {
    expect(negotiateApiVersion(engine, engineMin, berthMax)).toEqual({ version: expected, tooNew: tooNew ?? false });
  });

  it('compares numerically', () => {
    expect(compareApiVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareApiVersions('1.41', '1.41')).toBe(0);
    expect(compareApiVersions('1.41', '1.44')).toBeLessThan(0);
  });

  it('names what an older engine lacks', () => {
    expect(hasApiFeature('1.41', 'volumeOnlyDiskUsage')).toBe(false);
    expect(missingApiFeatures('1.41')).toEqual(['volumeOnlyDiskUsage']);
    expect(missingApiFeatures('1.47')).toEqual([]);
  });
});
