import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { BerthErrorReason } from '../../../engine/contract/errors';
import { en } from './en';
import { ko } from './ko';
import { tIfExists, tKnown, type CatalogKey } from './keys';

const i18n = i18next.createInstance();
await i18n.init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });

// This file is type-checked by `npm run typecheck` (tsconfig includes renderer/): each
// `@ts-expect-error` below must meet an error, so if t() stopped checking keys, typecheck would fail.
// Every error reason the engine side can send has words in both catalogs: a new reason without
// them fails typecheck here (ko is typed by en's shape, so one check covers both).
export const wordedReasons: { en: Record<BerthErrorReason, string>; ko: Record<BerthErrorReason, string> } = { en: en.errors, ko: ko.errors };

function typeChecks() {
  const t = i18n.t;
  t('nav.containers');
  // @ts-expect-error a misspelt key is a type error
  t('nav.containerz');
  // @ts-expect-error a key no catalog holds is a type error
  t('nowhere.at.all');
  // @ts-expect-error a part without a leaf is not a key
  t('nav');
  const code = 'hostPort' as 'hostPort' | 'empty';
  tKnown(t, `problems.port.${code}`);
  // @ts-expect-error a run-time key from a union must land on catalog keys
  tKnown(t, `problems.port.${code}x`);
  const key: CatalogKey = 'errors.engineUnavailable';
  return key;
}

describe('typed catalog keys', () => {
  it('tKnown words a key built from a known union; tIfExists words only what the catalog holds', () => {
    expect(typeof typeChecks).toBe('function');
    expect(Object.keys(wordedReasons.ko).length).toBeGreaterThan(0);
    expect(tKnown(i18n.t, 'nav.containers')).toBe('Containers');
    expect(tIfExists(i18n, 'nav.containers')).toBe('Containers');
    expect(tIfExists(i18n, 'errors.noSuchReason')).toBeUndefined();
  });
});
