import type { ProcessEnd } from '../contract/types.js';

/** A process's end from its 'exit' event (code or signal), or from the 'error' it failed to start with. */
export function processEnd(process: ProcessEnd['process'], code: number | null, signal: NodeJS.Signals | null, said?: string): ProcessEnd {
  if (said) return { process, said };
  return signal ? { process, signal } : { process, code: code ?? -1 };
}

/** The English of a process end, for logs and the English messages errors carry ("dockerd exited with code 1"). */
export function describeEnd(end: ProcessEnd): string {
  if (end.said) return `${end.process}: ${end.said}`;
  if (end.wentAway) return `${end.process} went away`;
  return end.signal ? `${end.process} killed by ${end.signal}` : `${end.process} exited with code ${end.code}`;
}
