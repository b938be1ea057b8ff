import { describe, expect, it } from 'vitest';
import { OutputFilter, filterOutput } from './output-filter';

const esc = '\x1b';

describe('OutputFilter: what a log view shows of a container’s bytes', () => {
  it.each([
    ['plain text and tabs', 'a\tb\n', 'a\tb\n'],
    ['colours (SGR) stay', `${esc}[1;31mred${esc}[0m\n`, `${esc}[1;31mred${esc}[0m\n`],
    ['256 and true colour SGR stay', `${esc}[38;5;208mx${esc}[38:2::1:2:3my`, `${esc}[38;5;208mx${esc}[38:2::1:2:3my`],
    ['clear screen and scrollback', `old\n${esc}[2J${esc}[3J${esc}[Hnew\n`, 'old\nnew\n'],
    ['full reset (RIS)', `a${esc}cb`, 'ab'],
    ['alternate screen and mouse reporting', `${esc}[?1049h${esc}[?1000h${esc}[?1006hx`, 'x'],
    ['cursor moves and erase', `web | x${esc}[1G${esc}[2K${esc}[5Ddb  | y`, 'web | xdb  | y'],
    ['OSC 0 title with BEL', `${esc}]0;PWNED${'\x07'}after`, 'after'],
    ['OSC 2 title with ST', `${esc}]2;PWNED${esc}\\after`, 'after'],
    ['OSC 52 clipboard write', `${esc}]52;c;cHduZWQ=${'\x07'}after`, 'after'],
    ['OSC 8 link keeps its text only', `${esc}]8;;javascript:alert(1)${esc}\\click${esc}]8;;${esc}\\ me`, 'click me'],
    ['OSC 11 background colour', `${esc}]11;#ff0000${'\x07'}x`, 'x'],
    ['DECRQSS query (DCS)', `${esc}P$qm${esc}\\x`, 'x'],
    ['DA and DSR queries', `${esc}[c${esc}[>c${esc}[6n${esc}[5nx`, 'x'],
    ['APC, PM, SOS strings', `${esc}_a${esc}\\${esc}^b${esc}\\${esc}Xc${esc}\\x`, 'x'],
    ['bracketed paste and cursor hiding', `${esc}[?2004h${esc}[?25lx`, 'x'],
    ['charset designation (ESC ( 0)', `${esc}(0qqq${esc}(Bx`, 'qqqx'],
    ['C1 CSI and OSC as code points', `\u009b2J\u009d0;t\u0007x\u0085y`, 'xy'],
    ['other C0 controls (BEL, BS, NUL, DEL)', 'a\x07\x08\x00\x7fb', 'ab'],
    ['a lone CR ends the line', 'web | fake\rdb  |\n', 'web | fake\ndb  |\n'],
    ['CR LF is one line end', 'a\r\nb\r\n', 'a\nb\n'],
    // A program writing CR LF through a TTY (whose line discipline turns its LF into CR LF too).
    ['CR CR LF is one line end, not an empty line after each', 'a\r\r\nb\r\r\n', 'a\nb\n'],
    ['carriage returns in a row end one line', 'a\r\r\rb\n', 'a\nb\n'],
    ['an unclosed OSC ends at the line end', `${esc}]0;never closed\nnext\n`, '\nnext\n'],
    ['CAN cancels a sequence', `${esc}[31\x18x`, 'x'],
    ['conceal (SGR 8) is dropped, colour 8 is not', `${esc}[8m${esc}[1;8;31m${esc}[38;5;8;48;2;8;8;8;8mx${esc}[m`, `${esc}[1;31m${esc}[38;5;8;48;2;8;8;8mx${esc}[m`],
    ['conceal with a sub-parameter or leading zeros is dropped', `${esc}[8:1;008;4:3;18mx`, `${esc}[4:3;18mx`],
    ['SGR with a private marker is dropped', `${esc}[?31mx`, 'x'],
    ['SGR with an intermediate is dropped', `${esc}[31 mx`, 'x'],
    ['bidi overrides and isolates are written out', 'evil\u202Etxt.exe\u2066x\u2069', 'evil⟨U+202E⟩txt.exe⟨U+2066⟩x⟨U+2069⟩'],
    // xterm gives a sequence up at a non-ASCII character (and shows what follows); the run of text is not swallowed.
    ['a stray ESC or an unfinished CSI before non-ASCII text leaves the text', `${esc}한국어 ok\n${esc}[1;한글${esc}(é\n`, '한국어 ok\n한글é\n'],
    ['non-ASCII text and replacement characters stay', '한국어 \ufffd ok', '한국어 \ufffd ok'],
  ])('%s', (_, input, shown) => {
    expect(filterOutput(input)).toBe(shown);
  });

  it('drops colours too when asked (text shown as text, not in a terminal)', () => {
    expect(filterOutput(`${esc}[31mred${esc}[0m ${esc}]0;t\x07x`, { colours: false })).toBe('red x');
  });

  it('recognises a sequence split across pushes at every point', () => {
    const input = `a${esc}]8;;http://x/${esc}\\b${esc}]8;;${esc}\\${esc}[1;31mc${esc}[2Jd\r\ne\u009b6nf`;
    const whole = filterOutput(input);
    expect(whole).toBe(`ab${esc}[1;31mcd\nef`);
    for (let cut = 0; cut <= input.length; cut++) {
      const filter = new OutputFilter();
      expect(filter.push(input.slice(0, cut)) + filter.push(input.slice(cut)), `cut at ${cut}`).toBe(whole);
    }
  });

  it('holds back no more than a CSI’s 64 characters, and drops an overlong one', () => {
    const filter = new OutputFilter();
    expect(filter.push(`${esc}[${'1;'.repeat(50_000)}`)).toBe('');
    expect(filter.push('31mafter')).toBe('after');
    // A string's body is never kept: 10 MB of OSC costs nothing.
    expect(filter.push(`${esc}]0;${'x'.repeat(10_000_000)}`)).toBe('');
    expect(filter.push('\x07shown')).toBe('shown');
  });

  it('keeps 10,000 SGR codes in a row', () => {
    const input = `${esc}[3${1}m`.repeat(10_000) + 'x';
    expect(filterOutput(input)).toBe(input);
  });
});
