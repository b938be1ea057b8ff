import { afterAll, describe, expect, it } from 'vitest';
import { connectEngine } from '../runtime.js';
import { requireDockerHost } from '../testing/engine-env.js';
import { diagnosticsReport } from './diagnostics.js';

const url = requireDockerHost();
const engine = await connectEngine({ id: url, url, source: 'env' });
afterAll(() => engine.close());

describe('the diagnostics report', () => {
  // It said "Engine holds: 1 containers (…), 1 images" of an engine with one of each.
  it('counts what the engine holds in words that fit any number', async () => {
    const report = await diagnosticsReport(engine.api);
    expect(report).toMatch(/^Containers: \d+ \(\d+ running, \d+ paused, \d+ stopped\) · images: \d+$/m);
    expect(report).not.toMatch(/\b1 (containers|images)\b/);
  });
});
