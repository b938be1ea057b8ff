import type Docker from 'dockerode';
import { hasApiFeature } from '../contract/api-version.js';
import { systemDf } from './system-df.js';
import { logFor } from '../shared/log.js';

const log = logFor('volumes');

type Df = { Volumes?: { Name: string; UsageData?: { Size?: number } }[] };

/** The API version the connection negotiated with this client's engine ("1.41"), if it has. */
export function negotiatedApiVersion(docker: Docker): string | undefined {
  const version = (docker.modem as unknown as { version?: string }).version;
  return version?.startsWith('v') ? version.slice(1) : undefined;
}

/**
 * Volume sizes from the engine's disk usage (one `docker system df -v` worth of work): -1 where the
 * engine did not measure, empty when it would not say.
 */
export async function volumeSizes(docker: Docker): Promise<Map<string, number>> {
  try {
    // API 1.42 can size volumes alone, without scanning every image and the build cache; older
    // engines (Podman's socket, Docker 20.10) answer only the whole scan.
    const df = (
      hasApiFeature(negotiatedApiVersion(docker), 'volumeOnlyDiskUsage')
        ? await volumeOnlyDf(docker)
        : await systemDf(docker)
    ) as Df;
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

type Dial = (options: object, callback: (error: unknown, data?: unknown) => void) => void;

/** GET /system/df?type=volume (dockerode's df() sends no query). */
function volumeOnlyDf(docker: Docker): Promise<unknown> {
  const modem = docker.modem as unknown as { dial: Dial };
  return new Promise((resolve, reject) =>
    modem.dial({ path: '/system/df?', method: 'GET', options: { type: ['volume'] }, statusCodes: { 200: true, 500: 'server error' } }, (error, data) =>
      error ? reject(error) : resolve(data),
    ),
  );
}
