import { afterAll, describe, expect, it } from 'vitest';
import { testEngineClient } from '../testing/test-engine.js';
import { DockerVolumes } from './volumes.js';

/**
 * Issue 17: the volumes list answers without sizes (they cost a `docker system df`, which walks every
 * volume), and the sizes come from their own call, as the engine measured them.
 */
const { docker } = testEngineClient();
const name = `berth-int-size-${process.pid}`;
afterAll(() => docker.getVolume(name).remove().catch(() => undefined));

describe('volume sizes apart from the list', () => {
  it('lists a new volume without a size, and sizes() measures it as the engine does', async () => {
    await docker.createVolume({ Name: name });
    const volumes = new DockerVolumes(docker);
    const listed = (await volumes.list()).find((v) => v.name === name);
    expect(listed).toMatchObject({ name, anonymous: false });
    expect(listed).not.toHaveProperty('size');
    const sizes = await volumes.sizes();
    const df = (await docker.df()) as { Volumes?: { Name: string; UsageData?: { Size?: number } }[] };
    expect(sizes[name]).toBe(df.Volumes?.find((v) => v.Name === name)?.UsageData?.Size);
  });
});
