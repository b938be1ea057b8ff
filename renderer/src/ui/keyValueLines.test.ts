import { describe, expect, it } from 'vitest';
import { parseKeyValueLines } from './keyValueLines';

/** Labels, driver options and build arguments read as docker reads --label-file (docker/cli opts/file.go). */
const rows: [text: string, expected: Record<string, string> | string][] = [
  ['team=payments', { team: 'payments' }],
  ['com.example.team=payments\nversion=1.0', { 'com.example.team': 'payments', version: '1.0' }],
  ['# owner\n\n  o=size=100m,uid=1000\n', { o: 'size=100m,uid=1000' }],
  ['note=two words  ', { note: 'two words  ' }],
  ['empty=', { empty: '' }],
  ['my-key=1\r\nk2=2\r\n', { 'my-key': '1', k2: '2' }],
  ['bare', 'noValue'],
  ['=value', 'noKey'],
  ['two words=x', 'keySpaces'],
];

describe('parseKeyValueLines', () => {
  it.each(rows)('reads %j', (text, expected) => {
    const result = parseKeyValueLines(text);
    expect('values' in result ? result.values : result.code).toEqual(expected);
  });
});
