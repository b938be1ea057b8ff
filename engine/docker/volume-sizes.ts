import type Docker from 'dockerode';
import { systemDf } from './system-df.js';

/**
 * Volume sizes from the engine's disk usage (one `docker system df -v` worth of work): -1 where the
 * engine did not measure, empty when it would not say.
 */
export async function volumeSizes(docker: Docker): Promise<Map<string, number>> {
  try {
    const df = (await systemDf(docker)) as { Volumes?: { Name: string; UsageData?: { Size?: number } }[] };
    return new Map((df.Volumes ?? []).map((v) => [v.Name, v.UsageData?.Size ?? -1]));
  } catch {
    return new Map();
  }
}

/** One volume's size, when the engine measured it: what an export or a clone will move. */
export async function volumeSize(docker: Docker, volume: string): Promise<number | undefined> {
  const size = (await volumeSizes(docker)).get(volume);
  return size !== undefined && size >= 0 ? size : undefined;
}
