import type Docker from 'dockerode';
import { systemDf } from './system-df.js';
import { logFor } from '../shared/log.js';

const log = logFor('volumes');

/**
 * Volume sizes from the engine's disk usage (one `docker system df -v` worth of work): -1 where the
 * engine did not measure, empty when it would not say.
 */
export async function volumeSizes(docker: Docker): Promise<Map<string, number>> {
  try {
    const df = (await systemDf(docker)) as { Volumes?: { Name: string; UsageData?: { Size?: number } }[] };
    return new Map((df.Volumes ?? []).map((v) => [v.Name, v.UsageData?.Size ?? -1]));
  } catch (error) {
    log.caught('reading volume sizes from system df', error);
    return new Map();
  }
}

/** One volume's size, when the engine measured it: what an export or a clone will move. */
export async function volumeSize(docker: Docker, volume: string): Promise<number | undefined> {
  const size = (await volumeSizes(docker)).get(volume);
  return size !== undefined && size >= 0 ? size : undefined;
}
