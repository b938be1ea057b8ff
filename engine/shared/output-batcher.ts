export type OutputStream = 'stdout' | 'stderr';

export interface OutputSegment {
  stream: OutputStream;
  text: string;
}

/**
 * Gathers process output into batches before it crosses the contract: one message per frame made the
 * browser path 10× slower. Flushes every `intervalMs` or at `maxBytes`, whichever comes first (as
 * Hyper does), and decodes UTF-8 with one streaming decoder per stream, so a character split across
 * chunks survives.
 */
export class OutputBatcher {
  private segments: OutputSegment[] = [];
  private size = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly decoders = { stdout: new TextDecoder('utf-8'), stderr: new TextDecoder('utf-8') };

  constructor(
    private readonly flushTo: (segments: OutputSegment[]) => void,
    private readonly intervalMs = 16,
    private readonly maxBytes = 200 * 1024,
  ) {}

  write(stream: OutputStream, bytes: Uint8Array): void {
    const text = this.decoders[stream].decode(bytes, { stream: true });
    if (!text) return;
    const last = this.segments.at(-1);
    if (last?.stream === stream) last.text += text;
    else this.segments.push({ stream, text });
    this.size += bytes.length;
    if (this.size >= this.maxBytes) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.segments.length === 0) return;
    const batch = this.segments;
    this.segments = [];
    this.size = 0;
    this.flushTo(batch);
  }

  /** Flushes what is left, including bytes a decoder held back waiting for the rest of a character. */
  finish(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const tail = this.decoders[stream].decode();
      if (tail) this.segments.push({ stream, text: tail });
    }
    this.flush();
  }
}

/**
 * The pull form of OutputBatcher: reads `frames` (groups of frames, as one read of the source gives
 * them) with `for await` and yields batches of segments, each after `intervalMs` of gathering or at
 * `maxBytes`, whichever comes first. Reading stops while the consumer holds a batch, so a slow
 * consumer holds the source back (at most one batch and one read are held here). Ends with what a
 * decoder held back; returning early returns the source unless a read is still pending (its owner
 * destroys the stream to end that).
 */
export async function* batchOutput(
  frames: AsyncIterable<readonly { stream: OutputStream; bytes: Uint8Array }[]>,
  intervalMs = 16,
  maxBytes = 200 * 1024,
): AsyncGenerator<OutputSegment[]> {
  const source = frames[Symbol.asyncIterator]();
  const decoders = { stdout: new TextDecoder('utf-8'), stderr: new TextDecoder('utf-8') };
  let segments: OutputSegment[] = [];
  let size = 0;
  const add = (stream: OutputStream, text: string) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last?.stream === stream) last.text += text;
    else segments.push({ stream, text });
  };
  // One timer per batch (not per read): it fires once the batch has gathered for intervalMs.
  let late: { promise: Promise<'late'>; timer: ReturnType<typeof setTimeout> } | undefined;
  const take = () => {
    clearTimeout(late?.timer);
    late = undefined;
    const batch = segments;
    segments = [];
    size = 0;
    return batch;
  };
  let pending: Promise<IteratorResult<readonly { stream: OutputStream; bytes: Uint8Array }[]>> | undefined;
  try {
    for (;;) {
      pending ??= source.next();
      const result = late ? await Promise.race([pending, late.promise]) : await pending;
      if (result === 'late') {
        yield take();
        continue;
      }
      pending = undefined;
      if (result.done) break;
      for (const frame of result.value) {
        add(frame.stream, decoders[frame.stream].decode(frame.bytes, { stream: true }));
        size += frame.bytes.length;
      }
      if (size >= maxBytes) yield take();
      else if (segments.length && !late) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const promise = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), intervalMs)));
        late = { promise, timer: timer! };
      }
    }
    for (const stream of ['stdout', 'stderr'] as const) add(stream, decoders[stream].decode());
    if (segments.length) yield take();
  } finally {
    clearTimeout(late?.timer);
    if (!pending) await source.return?.();
  }
}
