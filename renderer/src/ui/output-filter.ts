/**
 * What a container wrote, made safe to show in a log view. A log view is an xterm, and xterm obeys
 * whatever control sequences the text carries: a container could clear the whole history (CSI 3 J,
 * RIS), hide it behind the alternate screen, turn on mouse reporting so text can no longer be
 * selected, repaint the view's colours (OSC 10/11), write over other lines or over the service names
 * of merged logs (CR, cursor moves), and put links in it (OSC 8) that open Berth's own page in a new
 * tab holding the session. A log view keeps only what reads as text:
 *
 * - printable characters, line feeds and tabs; a line end also ends any sequence left open; the
 *   bidi controls written out as ⟨U+202E⟩, since a page (a `<pre>`) would reorder the line by them;
 * - a carriage return not followed by a line feed ends the line (a progress bar's redraws show as
 *   lines, and no line is written over another); CRs in a row, with or without a line feed after
 *   them, end one line;
 * - SGR (`CSI … m`: colours, bold, underline) when `colours` is on, less "conceal" (SGR 8: the
 *   text is there but not drawn, which would hide lines from the person reading); nothing else of ECMA-48: every
 *   other CSI, every ESC sequence, the strings OSC, DCS, SOS, PM and APC with their contents, the
 *   C1 controls (U+0080–U+009F, which xterm obeys as their ESC forms) and the other C0 controls.
 *
 * Streaming: a sequence split across pushes is recognised whole; what it holds back is at most one
 * CSI's parameters (cut at 64 characters, beyond which the sequence is dropped), never a string's
 * body, so memory stays bounded whatever the input. One filter per stream (stdout and stderr of a
 * container without a TTY are two).
 */
export class OutputFilter {
  private state: 'ground' | 'escape' | 'escapeIntermediate' | 'csi' | 'string' | 'stringEscape' = 'ground';
  private params = '';
  private csiUsable = true;
  private afterCr = false;

  constructor(private readonly options: { colours: boolean } = { colours: true }) {}

  /** The shown part of `text`, given what earlier pushes left open. */
  push(text: string): string {
    let out = '';
    let runStart = -1;
    const flushRun = (end: number) => {
      if (runStart !== -1) out += text.slice(runStart, end);
      runStart = -1;
    };
    for (let i = 0; i < text.length; i++) {
      if (this.state === 'string') {
        // Skip a string's body in one search, not a character at a time.
        stringEnd.lastIndex = i;
        if (!stringEnd.test(text)) break;
        i = stringEnd.lastIndex - 1;
      }
      const code = text.charCodeAt(i);
      // A non-ASCII character gives up an unfinished ESC or CSI sequence (xterm's parser does the
      // same) and is text: a stray ESC swallowed every non-ASCII character up to the next ASCII one.
      if (code >= 0xa0 && this.state !== 'ground' && this.state !== 'string') this.state = 'ground';
      if (this.state === 'ground') {
        if (code >= 0x20 && code !== 0x7f && (code < 0x80 || code > 0x9f) && !isDirectionControl(code)) {
          this.afterCr = false;
          if (runStart === -1) runStart = i;
          continue;
        }
        flushRun(i);
        if (isDirectionControl(code)) {
          this.afterCr = false;
          out += `⟨U+${code.toString(16).toUpperCase()}⟩`;
          continue;
        }
      }
      out += this.control(code);
    }
    flushRun(text.length);
    return out;
  }

  /** What one character outside a run of plain text adds to the output, moving the state on. */
  private control(code: number): string {
    // A line end ends any sequence too (xterm would let an unclosed OSC swallow every later line);
    // CAN and SUB cancel a sequence; ESC starts a new one wherever it comes.
    if (code === 0x0a || code === 0x0d) {
      this.state = 'ground';
      // The line ended at the first CR of a run: the CRs and LF after it end no other (CR CR LF is
      // what a program writing CR LF prints through a TTY, whose line discipline adds a CR of its own).
      const skip = this.afterCr;
      this.afterCr = code === 0x0d;
      return skip ? '' : '\n';
    }
    this.afterCr = false;
    if (code === 0x09) return '\t';
    if (code === 0x18 || code === 0x1a) {
      this.state = 'ground';
      return '';
    }
    if (code === 0x1b) {
      this.state = this.state === 'string' ? 'stringEscape' : 'escape';
      return '';
    }
    switch (this.state) {
      case 'ground':
        // C1 controls: CSI, and the string openers DCS, SOS, OSC, PM, APC; the rest are dropped.
        if (code === 0x9b) this.startCsi();
        else if (code === 0x90 || code === 0x98 || code === 0x9d || code === 0x9e || code === 0x9f) this.state = 'string';
        return '';
      case 'escape':
        if (code === 0x5b) this.startCsi();
        else if (code === 0x5d || code === 0x50 || code === 0x58 || code === 0x5e || code === 0x5f) this.state = 'string';
        else if (code >= 0x20 && code <= 0x2f) this.state = 'escapeIntermediate';
        else if (code >= 0x30 && code <= 0x7e) this.state = 'ground';
        return '';
      case 'escapeIntermediate':
        if (code >= 0x30 && code <= 0x7e) this.state = 'ground';
        return '';
      case 'string':
        // BEL ends an OSC as xterm allows; ST (0x9C) ends any string.
        if (code === 0x07 || code === 0x9c) this.state = 'ground';
        return '';
      case 'stringEscape':
        // ESC \ is ST; ESC and anything else ends the string too and is read as a new escape.
        this.state = 'escape';
        return code === 0x5c ? ((this.state = 'ground'), '') : this.control(code);
      case 'csi':
        return this.csiCharacter(code);
    }
  }

  private startCsi(): void {
    this.state = 'csi';
    this.params = '';
    this.csiUsable = true;
  }

  private csiCharacter(code: number): string {
    if (code >= 0x40 && code <= 0x7e) {
      this.state = 'ground';
      // Only plain SGR: no private marker (`?`, `>`, `<`, `=`) and no intermediates.
      const sgr = code === 0x6d && this.csiUsable && /^[0-9;:]*$/.test(this.params);
      const kept = sgr && this.options.colours ? withoutConceal(this.params) : undefined;
      return kept === undefined ? '' : `\x1b[${kept}m`;
    }
    if (code >= 0x20 && code <= 0x3f) {
      if (this.params.length >= 64) this.csiUsable = false;
      else this.params += String.fromCharCode(code);
      return '';
    }
    // Anything else inside a CSI (other C0 controls, DEL, non-ASCII) is ignored, as xterm does.
    return '';
  }
}

/**
 * SGR parameters without 8 (conceal). `38;5;8` is a colour, not conceal: the extended colours
 * 38/48/58 take their own arguments (`5;n` or `2;r;g;b`), which are skipped; the colon form keeps
 * them in one parameter.
 */
function withoutConceal(params: string): string | undefined {
  if (!params.includes('8')) return params;
  const kept: string[] = [];
  const parts = params.split(';');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if ((part === '38' || part === '48' || part === '58') && (parts[i + 1] === '5' || parts[i + 1] === '2')) {
      const take = parts[i + 1] === '5' ? 3 : 5;
      kept.push(...parts.slice(i, i + take));
      i += take - 1;
    } else if (!/^0*8(:|$)/.test(part)) kept.push(part);
  }
  // Conceal alone would become `CSI m`, a reset: leave the sequence out instead.
  return kept.length ? kept.join(';') : undefined;
}

/**
 * The bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): a page lays text out
 * by them, so a line holding U+202E reads backwards ("Trojan Source", CVE-2021-42574); they are
 * written out as ⟨U+202E⟩ (as engine/contract/visible-text.ts does for names).
 */
function isDirectionControl(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** What ends (or interrupts) an OSC, DCS, SOS, PM or APC string: BEL, ST, ESC, a line end, CAN, SUB. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const stringEnd = /[\x07\x9c\x1b\n\r\x18\x1a]/g;

/** `text` with only what a log view shows (see OutputFilter), for text shown whole at once. */
export function filterOutput(text: string, options: { colours: boolean } = { colours: true }): string {
  return new OutputFilter(options).push(text);
}
