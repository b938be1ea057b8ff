import { describe, expect, it } from 'vitest';
import { JsonLineParser } from './json-lines.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('JsonLineParser', () => {
  it('parses several values from one chunk', () => {
    const parser = new JsonLineParser();
    expect(parser.push(bytes('{"a":1}\n{"b":2}\n'))).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('keeps half a value until the rest arrives', () => {
    const parser = new JsonLineParser();
    expect(parser.push(bytes('{"Type":"contai'))).toEqual([]);
    expect(parser.push(bytes('ner"}\n{"x"'))).toEqual([{ Type: 'container' }]);
    expect(parser.push(bytes(':true}\n'))).toEqual([{ x: true }]);
  });

  it('survives a multi-byte character split across chunks', () => {
    const parser = new JsonLineParser();
    const whole = bytes('{"name":"컨테이너"}\n');
    const cut = 10; // "{"name":"" is 9 bytes: byte 10 is inside the first syllable
    expect(parser.push(whole.slice(0, cut))).toEqual([]);
    expect(parser.push(whole.slice(cut))).toEqual([{ name: '컨테이너' }]);
  });

  it('reports a malformed line and goes on', () => {
    const parser = new JsonLineParser();
    const bad: string[] = [];
    expect(parser.push(bytes('not json\n{"ok":1}\n'), (line) => bad.push(line))).toEqual([{ ok: 1 }]);
    expect(bad).toEqual(['not json']);
  });
});
