import type Docker from 'dockerode';

const inFlight = new WeakMap<Docker, Promise<unknown>>();

/**
 * GET /system/df, shared: dockerd runs one disk usage scan at a time and refuses a second one
 * ("a disk usage operation is already running"), so callers that ask while one runs get its answer.
 * Rejects as dockerode does.
 */
export function systemDf(docker: Docker): Promise<unknown> {
  const running = inFlight.get(docker);
  if (running) return running;
  const scan = docker.df().finally(() => inFlight.delete(docker));
  inFlight.set(docker, scan);
  return scan;
}
