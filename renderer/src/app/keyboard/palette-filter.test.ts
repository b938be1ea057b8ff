import { describe, expect, it } from 'vitest';
import { paletteScore } from './palette-filter';

const rank = (search: string, lines: [string, string[]?][]) =>
  lines
    .map(([line, keywords]) => ({ line, score: paletteScore(line, search, keywords) }))
    .filter((l) => l.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((l) => l.line);

describe('paletteScore', () => {
  const lines: [string, string[]?][] = [
    ['Open web', ['nginx:1.27']],
    ['Open logs of web', ['logs', 'docker logs -f --tail 1000 web']],
    ['Stop web', ['docker stop web']],
    ['Open web-2', []],
    ['Stop db', ['docker stop db']],
    ['Switch theme: Dark', ['theme', 'dark']],
    ['db 로그 열기', ['logs']],
  ];

  it('needs every typed word', () => {
    expect(rank('stop web', lines)).toEqual(['Stop web']);
    expect(rank('logs web', lines)).toEqual(['Open logs of web']);
    expect(rank('theme dark', lines)).toEqual(['Switch theme: Dark']);
    expect(rank('stop nothing', lines)).toEqual([]);
  });

  it('puts the line\'s own words before keywords, and a shorter line first', () => {
    expect(rank('web', lines)).toEqual(['Open web', 'Stop web', 'Open web-2', 'Open logs of web']);
    expect(rank('nginx', lines)).toEqual(['Open web']);
  });

  it('is case-blind and finds Korean lines by English keywords', () => {
    expect(rank('STOP DB', lines)).toEqual(['Stop db']);
    expect(rank('logs db', lines)).toEqual(['db 로그 열기']);
    expect(rank('로그', lines)).toEqual(['db 로그 열기']);
  });

  it('shows everything for an empty search', () => {
    expect(paletteScore('anything', '  ')).toBe(1);
  });
});
