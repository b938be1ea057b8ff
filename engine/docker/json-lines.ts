/**
 * Splits a byte stream of newline-delimited JSON into values. Chunk borders fall anywhere: a chunk
 * may hold several values or half of one (and half of a UTF-8 character), so bytes are decoded with a
 * streaming decoder and only complete lines are parsed.
 */
export class JsonLineParser<T = unknown> {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';

  /** `prepare` may rewrite a line before it is parsed (the events stream quotes its 19-digit `timeNano`). */
  constructor(private readonly prepare: (line: string) => string = (line) => line) {}

  /** Returns the values completed by this chunk. Malformed lines are reported, not thrown. */
  push(chunk: Uint8Array, onMalformed?: (line: string) => void): T[] {
    this.pending += this.decoder.decode(chunk, { stream: true });
    const values: T[] = [];
    let newline = this.pending.indexOf('\n');
    while (newline !== -1) {
      const line = this.pending.slice(0, newline).trim();
      this.pending = this.pending.slice(newline + 1);
      if (line) {
        try {
          values.push(JSON.parse(this.prepare(line)) as T);
        } catch {
          onMalformed?.(line);
        }
      }
      newline = this.pending.indexOf('\n');
    }
    return values;
  }
}
