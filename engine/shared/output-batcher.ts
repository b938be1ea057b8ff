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
