/**
 * The newest lines of a text stream, held for a view that cannot show them yet (paused, or still
 * drawing the last batch): at most `maxLines` lines and `maxChars` characters. What it lets go is
 * counted, so the view can say how many lines it did not show.
 */
export class BoundedLines {
  private parts: string[] = [];
  private chars = 0;
  private lines = 0;
  private dropped = 0;
  /** The held text starts mid-line: its first line was already counted as not shown. */
  private startsMidLine = false;

  constructor(
    private readonly maxLines: number,
    private readonly maxChars = 8 * 1024 * 1024,
  ) {}

  push(text: string): void {
    if (!text) return;
    this.parts.push(text);
    this.chars += text.length;
    this.lines += newlines(text);
    // Trim with some slack, so a steady stream does not re-join the whole text on every push.
    if (this.lines > this.maxLines * 1.25 || this.chars > this.maxChars * 1.25) this.trim();
  }

  /** Everything held, and how many lines were let go since the last take; empties the buffer. */
  take(): { text: string; dropped: number } {
    if (this.lines > this.maxLines || this.chars > this.maxChars) this.trim();
    const taken = { text: this.parts.join(''), dropped: this.dropped };
    this.parts = [];
    this.chars = 0;
    this.lines = 0;
    this.dropped = 0;
    this.startsMidLine = false;
    return taken;
  }

  get empty(): boolean {
    return this.parts.length === 0 && this.dropped === 0;
  }

  private trim(): void {
    let text = this.parts.join('');
    // Cut whole lines first: keep the last maxLines of them.
    if (this.lines > this.maxLines) {
      let cut = -1;
      for (let n = this.lines - this.maxLines; n > 0; n--) cut = text.indexOf('\n', cut + 1);
      this.dropped += this.lines - this.maxLines - (this.startsMidLine ? 1 : 0);
      this.startsMidLine = false;
      text = text.slice(cut + 1);
    }
    // Then characters (a single huge line): keep its end.
    if (text.length > this.maxChars) {
      const removed = text.slice(0, text.length - this.maxChars);
      const ended = newlines(removed);
      this.dropped += ended - (this.startsMidLine && ended > 0 ? 1 : 0);
      if (!removed.endsWith('\n')) {
        if (!this.startsMidLine || ended > 0) this.dropped += 1;
        this.startsMidLine = true;
      } else this.startsMidLine = false;
      text = text.slice(removed.length);
    }
    this.parts = [text];
    this.chars = text.length;
    this.lines = newlines(text);
  }
}

function newlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Feeds a terminal at its own pace: text waits in a BoundedLines while the terminal is still
 * drawing the last write (xterm's write callback) or the view is paused, so a flood of output costs
 * bounded memory; `onDropped` hears how many lines were let go before each write that follows a gap.
 */
export class TerminalFeed {
  private readonly held: BoundedLines;
  private writing = false;
  private paused = false;

  constructor(
    private readonly write: (text: string, done: () => void) => void,
    private readonly onDropped: (lines: number) => string,
    maxLines: number,
    maxChars?: number,
  ) {
    this.held = new BoundedLines(maxLines, maxChars);
  }

  push(text: string): void {
    this.held.push(text);
    this.pump();
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.pump();
  }

  private pump(): void {
    if (this.writing || this.paused || this.held.empty) return;
    const { text, dropped } = this.held.take();
    this.writing = true;
    this.write((dropped ? this.onDropped(dropped) : '') + text, () => {
      this.writing = false;
      this.pump();
    });
  }
}

/** Text shown whole (a `<pre>`), kept to its newest lines, with how many earlier lines were let go. */
export interface ShownText {
  text: string;
  dropped: number;
  /** The text starts partway through a line, already counted in `dropped`. */
  startsCut?: boolean;
}

/**
 * `shown` with `more` appended, kept to the last `maxLines` lines and `maxChars` characters (trimmed
 * with some slack, so a steady stream does not cut on every append). A line cut at its start counts
 * as let go once, however much more of it is cut later: a container writing without newlines fills
 * a `<pre>` to `maxChars`, never more.
 */
export function appendShown(shown: ShownText, more: string, maxLines: number, maxChars = 1024 * 1024): ShownText {
  let text = shown.text + more;
  let dropped = shown.dropped;
  let startsCut = shown.startsCut === true;
  const count = newlines(text);
  if (count > maxLines * 1.25) {
    let cut = -1;
    for (let n = count - maxLines; n > 0; n--) cut = text.indexOf('\n', cut + 1);
    text = text.slice(cut + 1);
    dropped += count - maxLines - (startsCut ? 1 : 0);
    startsCut = false;
  }
  if (text.length > maxChars * 1.25) {
    const removed = text.slice(0, text.length - maxChars);
    const ended = newlines(removed);
    dropped += ended - (startsCut && ended > 0 ? 1 : 0);
    if (!removed.endsWith('\n')) {
      if (!startsCut || ended > 0) dropped += 1;
      startsCut = true;
    } else startsCut = false;
    text = text.slice(removed.length);
  }
  return startsCut ? { text, dropped, startsCut } : { text, dropped };
}
