/// <reference types="vite/client" />
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { inputProblemCodes, inputProblemTemplate } from '../../../engine/contract/input-problems';
import { en } from './en';
import { koreanParticles, particlePairs } from './josa';
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
      const placeholders = valueNames;
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
    const placeholders = valueNames;
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

/**
 * The values a text puts in, once each, sorted: `{{name}}`, and `{{name, josa(을/를)}}` (a value with
 * a Korean particle, ./josa.ts) counts as `name` too.
 */
function valueNames(text: string): string[] {
  return [...new Set([...text.matchAll(/{{(\w+)(?:\s*,[^}]*)?}}/g)].map((m) => m[1]!))].sort();
}

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

// A particle after a name hedged both ways (“{{name}}을(를)”) reads stiffly, and a fixed one is wrong
// half the time (“nginx이라는”): the Korean catalog lets ./josa.ts pick it from the value.
describe('Korean particles after a value', () => {
  const korean = leaves(ko);

  it('are never hedged: 을(를), 이(가), (으)로, 은(는), 과(와), (이)라는', () => {
    const hedged = [...korean].filter(([, text]) => /\((을|를|이|가|은|는|으|과|와)\)/.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(hedged).toEqual([]);
  });

  it('are picked from the value, not written fixed after it', () => {
    // edit.needRecreate: {{healthy}} is a Korean phrase ending in 것 (or nothing), so 을 always fits.
    const exempt = new Set(['edit.needRecreate']);
    const particle = /}}”?(이|가|을|를|은|는|과|와|으로|로|이라는|라는|이라|라|이나|나|이랑|랑)(?![\uac00-\ud7a3])/;
    const fixed = [...korean].filter(([key, text]) => !exempt.has(key) && particle.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(fixed).toEqual([]);
  });

  it('use only the pairs ./josa.ts knows, each consonant-form first', () => {
    const known = new Set<string>(particlePairs);
    const formats = [...korean.values()].flatMap((text) => [...text.matchAll(/{{\w+\s*,\s*(\w+)\(([^)]*)\)}}/g)]);
    expect(formats.length).toBeGreaterThan(90);
    for (const [format, name, pair] of formats) {
      expect(['josa', 'particle'], format).toContain(name);
      expect(known.has(pair!), format).toBe(true);
    }
  });

  it('read naturally once filled in', async () => {
    const i18n = i18next.createInstance().use(koreanParticles);
    await i18n.init({ resources: { ko: { translation: ko } }, lng: 'ko', interpolation: { escapeValue: false }, initAsync: false });
    expect(i18n.t('keyboard.confirm.stopTitle', { name: 'web-1' })).toBe('web-1을 중지할까요?');
    expect(i18n.t('keyboard.confirm.stopTitle', { name: 'nginx' })).toBe('nginx를 중지할까요?');
    expect(i18n.t('run.nameTaken', { name: 'db' })).toBe('db라는 컨테이너가 이미 있습니다. 다른 이름을 고르세요.');
    expect(i18n.t('alerts.title.exited', { name: '웹서버' })).toBe('웹서버가 예기치 않게 멈췄습니다');
    expect(i18n.t('alerts.body.exited', { code: 137 })).toBe('아무도 멈추지 않았는데 종료 코드 137로 끝났습니다. 열어서 마지막 로그를 확인하세요.');
    expect(i18n.t('problems.reference.tag', { tag: 'Latest!' })).toMatch(/^“Latest!”는 /);
    expect(i18n.t('engines.removeDialog.body', { name: 'prod', url: 'ssh://me@host' })).toMatch(/^Berth가 “prod”\(ssh:\/\/me@host\)를 잊습니다/);
  });
});
