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
 * The pull form of OutputBatcher: reads `frames` with `for await` and yields batches of segments,
 * each after `intervalMs` of gathering or at `maxBytes`, whichever comes first. Reading stops while
 * the consumer holds a batch, so a slow consumer holds the source back (at most one batch and one
 * frame are held here). Ends with what a decoder held back; returning early returns the source.
 */
export async function* batchOutput(
  frames: AsyncIterable<{ stream: OutputStream; bytes: Uint8Array }>,
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
  const take = () => {
    const batch = segments;
    segments = [];
    size = 0;
    return batch;
  };
  let pending: Promise<IteratorResult<{ stream: OutputStream; bytes: Uint8Array }>> | undefined;
  let deadline = 0;
  try {
    for (;;) {
      pending ??= source.next();
      const result = segments.length ? await raceDeadline(pending, deadline) : await pending;
      if (result === 'late') {
        yield take();
        continue;
      }
      pending = undefined;
      if (result.done) break;
      if (!segments.length) deadline = Date.now() + intervalMs;
      add(result.value.stream, decoders[result.value.stream].decode(result.value.bytes, { stream: true }));
      size += result.value.bytes.length;
      if (size >= maxBytes) yield take();
    }
    for (const stream of ['stdout', 'stderr'] as const) add(stream, decoders[stream].decode());
    if (segments.length) yield take();
  } finally {
    // A next() still pending means the source is mid-read; its owner destroys the stream to end it.
    if (!pending) await source.return?.();
  }
}

/** `promise`, or 'late' once the clock passes `deadline` (ms since the epoch) first. */
function raceDeadline<T>(promise: Promise<T>, deadline: number): Promise<T | 'late'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now()))));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
