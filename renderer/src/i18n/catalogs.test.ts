/// <reference types="vite/client" />
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { inputProblemCodes, inputProblemTemplate } from '../../../engine/contract/input-problems';
import { en } from './en';
import { ko } from './ko';

function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else for (const [k, v] of Object.entries(value as object)) for (const [p, s] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, s);
  return out;
}

describe('catalogs', () => {
  const english = leaves(en);
  const korean = leaves(ko);

  it('have the same keys', () => {
    expect([...korean.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have no empty text and keep every {{placeholder}}', () => {
    for (const [key, text] of english) {
      expect(text, key).not.toBe('');
      const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
      expect(placeholders(korean.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it('hold every key the renderer asks for by name', () => {
    // The renderer's own sources as text, gathered by Vite at build time (no file system reads).
    const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      // t('a.b.c') with a literal key; keys built at run time (t(`x.${y}`)) are left to the shapes above.
      for (const [, key] of text.matchAll(/\bt\('([\w.]+)'/g)) {
        if (!english.has(key!) && !hasPlurals(english, key!)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('input problems', () => {
  it('every code a schema can refuse with is worded in both catalogs, Korean in Korean, with the same {{params}}', () => {
    const english = leaves(en);
    const korean = leaves(ko);
    const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const code of inputProblemCodes) {
      const key = `problems.input.${code}`;
      expect(english.get(key), key).toBeTruthy();
      expect(korean.get(key), key).toMatch(/[가-힣]/);
      expect(placeholders(english.get(key)!), key).toEqual(placeholders(inputProblemTemplate(code)));
    }
    // And nothing worded that no schema can send.
    const worded = [...english.keys()].filter((key) => key.startsWith('problems.input.')).map((key) => key.slice('problems.input.'.length));
    expect(worded.sort()).toEqual([...inputProblemCodes].sort());
  });
});

function hasPlurals(catalog: Map<string, string>, key: string): boolean {
  return catalog.has(`${key}_one`) || catalog.has(`${key}_other`);
}

describe('numbers in sentences', () => {
  it('are grouped the way each language writes them (the log view offered “Keep 50000 lines” beside “last 1,000”)', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', interpolation: { escapeValue: false } });
    expect(i18n.t('logs.scrollbackLines', { count: 50000 })).toBe('50,000 lines');
    expect(i18n.t('logs.scrollbackLines', { count: 50000, lng: 'ko' })).toBe('50,000줄');
  });

  it('count in the singular where English has one (the list said “restarted 1 times”)', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', interpolation: { escapeValue: false } });
    expect(i18n.t('containers.restartingStatus', { code: 3, count: 1 })).toBe('Exited with code 3 · restarted 1 time');
    expect(i18n.t('containers.restartingStatus', { code: 3, count: 4 })).toBe('Exited with code 3 · restarted 4 times');
  });

  // What a first-time person met (helper 4's newcomer walk): an empty list that sent them to a
  // terminal, and a welcome whose first Korean sentence hedged its particle.
  it('send an empty containers list to the Images section and its Run button, in both languages', () => {
    for (const catalog of [en, ko]) {
      expect(catalog.containers.empty).toContain(catalog.nav.images);
      expect(catalog.containers.empty).toContain(catalog.images.run);
    }
  });

  it('welcome a Korean reader, and say what a first pull does, without a hedged particle such as 을(를)', () => {
    for (const text of [ko.welcome.found, ko.pull.normalized, ko.pull.done]) expect(text).not.toMatch(/\((을|를|이|가|은|는|으로|으)\)/);
  });
});
