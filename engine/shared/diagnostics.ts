import { arch, platform, release } from 'node:os';
import packageJson from '../../package.json' with { type: 'json' };
import type { EngineApi } from '../contract/service.js';
import { currentLogDir, errorFields, readLogTail, scrub } from './log.js';

/** Lines of Berth's log in the diagnostics report. */
export const diagnosticsLogLines = 200;

/**
 * How long the report waits for the engine's facts, in milliseconds. The report is asked for when
 * something is wrong, often with the engine itself: one that accepts the connection and never
 * answers (a hung dockerd, a dead tunnel) held the whole report until the socket's own 30 s end.
 * dockerd's `/info` also waits behind a registry login whose DNS lookup is pending (the registry
 * service holds its lock across it): `docker info` took 4.9–5.0 s here per dropped DNS query.
 */
export const diagnosticsEngineWaitMs = 6000;

/**
 * "Copy diagnostics" (issue 17): one plain-text report a person can paste into an issue — Berth's,
 * Node's and Electron's versions, the system, the engine's facts (or why it did not answer) and the
 * last 200 lines of Berth's log. The log is redacted as it is written (engine/shared/log.ts); every
 * text here is scrubbed once more on the way out.
 */
export async function diagnosticsReport(engine: EngineApi, now = new Date(), engineWaitMs = diagnosticsEngineWaitMs): Promise<string> {
  const status = engine.connection.status();
  const out: string[] = [
    `Berth diagnostics, ${now.toISOString()}`,
    `Berth ${packageJson.version} · Node ${process.version}${process.versions.electron ? ` · Electron ${process.versions.electron}` : ''} · ${platform()} ${release()} ${arch()}`,
    `Engine: ${status.endpoint.url} (${status.endpoint.source}) · ${status.state}${status.version ? ` · Docker ${status.version}, API ${status.apiVersion}, ${status.os}` : ''}${status.lastError ? ` · last error: ${status.lastError}` : ''}`,
  ];
  try {
    const info = await answerWithin(engine.connection.info(), engineWaitMs);
    out.push(
      `Engine facts: ${info.operatingSystem} (${info.osType}/${info.architecture}), kernel ${info.kernelVersion}, ${info.cpus} CPUs, ${Math.round(info.memoryBytes / 1048576)} MiB, storage ${info.storageDriver}`,
      // Counted as "label: n", so one container does not read "1 containers".
      `Containers: ${info.containers.total} (${info.containers.running} running, ${info.containers.paused} paused, ${info.containers.stopped} stopped) · images: ${info.images}`,
    );
  } catch (error) {
    out.push(`Engine facts: not available (${JSON.stringify(errorFields(error).error)})`);
  }
  const lines = await readLogTail(diagnosticsLogLines);
  out.push(`Log folder: ${currentLogDir() ?? 'no log open'}`, `--- last ${lines.length} lines of Berth's log ---`, ...lines);
  return scrub(out.join('\n'));
}

/** `work`'s answer, or a rejection naming the wait once `ms` pass first (the work itself goes on, unwatched). */
async function answerWithin<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms)));
  work.catch(() => undefined); // a late failure of work nobody waits for any more is not unhandled
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
