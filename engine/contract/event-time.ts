/**
 * Engine event times in nanoseconds since the epoch, as the decimal strings the engine sends in
 * `timeNano`. They exceed Number.MAX_SAFE_INTEGER (a double would round them to ~256 ns and tie
 * events that are apart), so they are compared as digit strings: a longer string is a later time,
 * and equal lengths compare digit by digit.
 */
export function compareEventTimes(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `incoming` may replace `current`: it reflects no older event. Rows without a time always may (a full list). */
export function isNotOlder(incoming: string | undefined, current: string | undefined): boolean {
  if (incoming === undefined || current === undefined) return true;
  return compareEventTimes(incoming, current) >= 0;
}

/** Quotes the `timeNano` number of one raw events-stream line, so JSON.parse keeps every digit. */
export function quoteTimeNano(line: string): string {
  return line.replace(/"timeNano":\s*(\d+)/, '"timeNano":"$1"');
}
